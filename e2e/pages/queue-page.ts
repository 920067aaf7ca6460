import type { Locator } from 'playwright-core';
import { Layout } from './layout.js';

/** A row of the queue as the user reads it. */
export interface QueueRowText {
  crn: string;
  name: string;
  practitioner: string;
  team: string;
  rosh: string;
  mappa: string;
  rule: string;
  dueDate: string;
  days: string;
}

export type QueueColumn = 'CRN' | 'Name' | 'Team' | 'Rule' | 'Due date' | 'Days overdue' | 'Days until due';
export type QueueFilter = 'Team' | 'Practitioner' | 'Rule' | 'RoSH' | 'MAPPA level';

export class QueuePage extends Layout {
  list(): Locator {
    return this.page.locator('#queue-list');
  }

  async waitForIt(): Promise<void> {
    await this.waitForHeading('Oversight queue');
    await this.page.locator('#queue-list[aria-busy="false"] tbody tr[data-index] a').first().waitFor({ timeout: 30_000 });
  }

  /** The rendered rows that have loaded, top first (the list is virtualised: not the whole queue). */
  async rows(): Promise<QueueRowText[]> {
    const rows = await this.page.locator('#queue-list[aria-busy="false"] tbody tr[data-index]').all();
    const out: QueueRowText[] = [];
    for (const row of rows) {
      const cells = await row.getByRole('cell').allTextContents();
      if (cells.length < 9) continue; // still loading
      const [crn = '', name = '', practitioner = '', team = '', rosh = '', mappa = '', rule = '', dueDate = '', days = ''] = cells;
      out.push({ crn, name, practitioner, team, rosh, mappa, rule, dueDate, days });
    }
    return out;
  }

  async crns(n = 10): Promise<string[]> {
    return (await this.rows()).slice(0, n).map((r) => r.crn);
  }

  /** "123 flags overdue". */
  async caption(): Promise<string> {
    return (await this.page.locator('#queue-caption').textContent()) ?? '';
  }

  async filterBy(filter: QueueFilter, optionLabel: string | RegExp): Promise<void> {
    const select = this.page.getByLabel(filter, { exact: true });
    const options = await select.locator('option').allTextContents();
    const label = typeof optionLabel === 'string' ? optionLabel : options.find((o) => optionLabel.test(o));
    if (label === undefined) throw new Error(`no ${filter} option matches ${String(optionLabel)} among ${options.join(', ')}`);
    await select.selectOption({ label });
  }

  async selectedFilter(filter: QueueFilter): Promise<string> {
    return (await this.page.getByLabel(filter, { exact: true }).locator('option:checked').textContent()) ?? '';
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search by CRN or name').fill(text);
  }

  async sortBy(column: QueueColumn): Promise<void> {
    await this.columnHeader(column).getByRole('button').click();
  }

  columnHeader(column: QueueColumn): Locator {
    return this.list().getByRole('columnheader', { name: column });
  }

  async ariaSort(column: QueueColumn): Promise<string | null> {
    return this.columnHeader(column).getAttribute('aria-sort');
  }

  async tab(name: 'Overdue' | 'Due soon'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Overdue or due soon' }).getByRole('link', { name: new RegExp(`^${name}`) }).click();
  }

  /** The count of a rule's flags in the summary: a button that filters the queue to them. */
  ruleCount(rule: string, status: 'overdue' | 'due soon'): Locator {
    const row = this.page.locator('table.spo-rule-summary tbody tr').filter({ has: this.page.locator('.spo-rule-code', { hasText: new RegExp(`^${rule}$`) }) });
    return row.getByRole('button').nth(status === 'overdue' ? 0 : 1);
  }

  /** The summary by rule: code → [overdue, due soon]. */
  async ruleSummary(): Promise<Record<string, [number, number]>> {
    const rows = await this.page.locator('table.spo-rule-summary tbody tr').all();
    const out: Record<string, [number, number]> = {};
    for (const row of rows) {
      const code = await row.locator('.spo-rule-code').textContent();
      if (!code) continue;
      const [overdue = '', dueSoon = ''] = await row.getByRole('button').allTextContents();
      out[code] = [Number(overdue.split(' ')[0]?.replaceAll(',', '')), Number(dueSoon.split(' ')[0]?.replaceAll(',', ''))];
    }
    return out;
  }

  /** Scrolls the list's own region (not the page) with the mouse wheel, far enough to reach the top or the bottom. */
  async scrollList(to: 'top' | 'bottom'): Promise<void> {
    await this.list().hover();
    await this.page.mouse.wheel(0, to === 'top' ? -1e6 : 1e6);
  }

  /** The text of the focused element (a row's link shows its CRN). */
  async focusedText(): Promise<string | null> {
    return this.page.locator(':focus').textContent();
  }

  /** The case screen has opened on this CRN (its document title names the case, whatever its heading says). */
  async waitForCase(crn: string): Promise<void> {
    await this.page.waitForFunction(`document.title.startsWith(${JSON.stringify(`Case ${crn} `)})`);
  }

  selectedRow(): Locator {
    return this.list().locator('tbody tr[aria-selected="true"]');
  }

  async noMatches(): Promise<void> {
    await this.page.getByRole('heading', { name: 'No flagged cases match' }).waitFor();
  }
}
