import type { Locator } from 'playwright-core';
import { Layout } from './layout.js';
import { pollPage } from './poll.js';

/** A row of the queue as the user reads it. */
export interface QueueRowText {
  crn: string;
  name: string;
  practitioner: string;
  team: string;
  rosh: string;
  mappa: string;
  /** The worst flag's rule, in words. */
  flag: string;
  /** The other flags' rules ("and …"), or, one flag per row, the rule's code. */
  more: string;
  dueDate: string;
  days: string;
}

export type QueueColumn = 'CRN' | 'Name' | 'Team' | 'Due date' | 'Days overdue' | 'Days until due';
export type CheckboxFilter = 'Practitioner' | 'Rule' | 'RoSH' | 'MAPPA level';

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
    // The columns by their headings: the team column shows only when no one team is chosen.
    const headings = (await this.list().locator('thead th').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
    const keys: Record<string, keyof QueueRowText> = {
      CRN: 'crn',
      Name: 'name',
      Practitioner: 'practitioner',
      Team: 'team',
      RoSH: 'rosh',
      MAPPA: 'mappa',
      'Due date': 'dueDate',
      'Days overdue': 'days',
      'Days until due': 'days',
    };
    const rows = await this.page.locator('#queue-list[aria-busy="false"] tbody tr[data-index]').all();
    const out: QueueRowText[] = [];
    for (const row of rows) {
      const cells = await row.getByRole('cell').allTextContents();
      if (cells.length < headings.length) continue; // still loading
      const text: QueueRowText = { crn: '', name: '', practitioner: '', team: '', rosh: '', mappa: '', flag: '', more: '', dueDate: '', days: '' };
      headings.forEach((h, i) => {
        const key = keys[h];
        if (key) text[key] = cells[i] ?? '';
      });
      text.flag = (await row.locator('.spo-queue__flag').textContent()) ?? '';
      text.more = (await row.locator('.spo-queue__more').textContent()) ?? '';
      out.push(text);
    }
    return out;
  }

  async crns(n = 10): Promise<string[]> {
    return (await this.rows()).slice(0, n).map((r) => r.crn);
  }

  /** "123 cases overdue" (the table's caption, for assistive technology). */
  async caption(): Promise<string> {
    return (await this.page.locator('#queue-caption').textContent()) ?? '';
  }

  async chooseTeam(optionLabel: string | RegExp): Promise<void> {
    const select = this.page.getByLabel('Team', { exact: true });
    const options = await select.locator('option').allTextContents();
    const label = typeof optionLabel === 'string' ? optionLabel : options.find((o) => optionLabel.test(o));
    if (label === undefined) throw new Error(`no team option matches ${String(optionLabel)} among ${options.join(', ')}`);
    await select.selectOption({ label });
  }

  async selectedTeam(): Promise<string> {
    return (await this.page.getByLabel('Team', { exact: true }).locator('option:checked').textContent()) ?? '';
  }

  /** Ticks or unticks one checkbox of a filter, by its label. */
  async tick(filter: CheckboxFilter, label: string, on = true): Promise<void> {
    const group = this.page.getByRole('group', { name: filter, exact: true });
    await group.getByRole('checkbox', { name: label, exact: true }).setChecked(on);
  }

  /** The ticked labels of a filter. */
  async ticked(filter: CheckboxFilter): Promise<string[]> {
    const boxes = await this.page.getByRole('group', { name: filter, exact: true }).getByRole('checkbox', { checked: true }).all();
    return Promise.all(boxes.map(async (b) => (await this.page.locator(`label[for="${(await b.getAttribute('id')) ?? ''}"]`).textContent()) ?? ''));
  }

  /** The selected-filter tags, as their words. */
  async tags(): Promise<string[]> {
    const tags = await this.page.locator('.moj-filter__tag').allTextContents();
    return tags.map((t) => t.replace('Remove this filter', '').trim());
  }

  async removeTag(words: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove this filter ${words}`, exact: true }).click();
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

  /** Each rule's count on the tab in view, from its checkbox ("First SPO oversight (7)", hint "OVERSIGHT-NEW"): code → count. */
  async ruleCounts(): Promise<Record<string, number>> {
    const items = await this.page.getByRole('group', { name: 'Rule', exact: true }).locator('.govuk-checkboxes__item').all();
    const out: Record<string, number> = {};
    for (const item of items) {
      const label = (await item.locator('label').textContent()) ?? '';
      const code = ((await item.locator('.govuk-checkboxes__hint').textContent()) ?? '').trim();
      const m = /\(([\d,]+)\)$/.exec(label.trim());
      if (!m) throw new Error(`a rule's label reads ${label}`);
      out[code] = Number(m[1]?.replaceAll(',', ''));
    }
    return out;
  }

  /** The words of a rule's checkbox, whatever its count. */
  async ruleLabel(words: string): Promise<string> {
    const labels = await this.page.getByRole('group', { name: 'Rule', exact: true }).locator('label').allTextContents();
    const label = labels.find((l) => l.startsWith(`${words} (`));
    if (!label) throw new Error(`no rule reads ${words}`);
    return label;
  }

  /** How many rows of the list show whole in the viewport without scrolling the page. */
  async rowsInView(): Promise<number> {
    // A string: the e2e code is type-checked without the DOM's types.
    return this.page.evaluate<number>(`(() => {
      const list = document.querySelector('#queue-list')?.getBoundingClientRect();
      if (!list) return 0;
      const bottom = Math.min(window.innerHeight, list.bottom);
      return [...document.querySelectorAll('#queue-list tbody tr[data-index]')].filter((r) => {
        const box = r.getBoundingClientRect();
        return box.top >= list.top && box.bottom <= bottom;
      }).length;
    })()`);
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
    await pollPage(this.page, `document.title.startsWith(${JSON.stringify(`Case ${crn} `)})`, `case ${crn} opening`, 30_000);
  }

  selectedRow(): Locator {
    return this.list().locator('tbody tr[aria-selected="true"]');
  }

  async noMatches(): Promise<void> {
    await this.page.getByRole('heading', { name: 'No flagged cases match' }).waitFor();
  }
}
