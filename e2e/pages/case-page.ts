import type { Locator } from 'playwright-core';
import { Layout } from './layout.js';

export interface ShownFlag {
  title: string;
  status: string;
  dueDate: string | null;
  dueRule: string;
  reason: string;
  text: string;
}

export interface ShownReview {
  heading: string;
  tags: string[];
  versions: string[];
}

export class CasePage extends Layout {
  /** The case is read: its caption and the name in the h1. */
  async waitForCase(crn: string): Promise<void> {
    await this.page.locator('.govuk-caption-l', { hasText: `Case ${crn}` }).waitFor();
    await this.page.getByRole('heading', { level: 2, name: 'Flags' }).waitFor();
  }

  flag(rule: string): Locator {
    return this.page.locator(`section.spo-flag[data-rule="${rule}"]`);
  }

  async shownFlag(rule: string): Promise<ShownFlag> {
    const f = this.flag(rule);
    return {
      title: (await f.getByRole('heading').textContent()) ?? '',
      status: (await f.locator('.govuk-tag').first().textContent()) ?? '',
      dueDate: await f.locator('[data-field="due-date"] time').getAttribute('datetime'),
      dueRule: (await f.locator('[data-field="due-rule"]').textContent()) ?? '',
      reason: (await f.locator('[data-field="reason"]').textContent()) ?? '',
      text: (await f.textContent()) ?? '',
    };
  }

  async recordReview(): Promise<void> {
    await this.page.getByRole('button', { name: 'Record an oversight review' }).click();
  }

  recordButton(): Locator {
    return this.page.getByRole('button', { name: 'Record an oversight review' });
  }

  async successBanner(): Promise<string> {
    const banner = this.page.locator('.govuk-notification-banner--success');
    await banner.waitFor();
    return (await banner.textContent()) ?? '';
  }

  async reviews(): Promise<ShownReview[]> {
    const articles = await this.page.locator('article.spo-review').all();
    return Promise.all(
      articles.map(async (a) => ({
        heading: (await a.getByRole('heading', { level: 3 }).textContent()) ?? '',
        tags: await a.locator('.govuk-tag').allTextContents(),
        versions: await a.locator('.spo-versions > li').allTextContents(),
      })),
    );
  }

  async correctReview(index = 0): Promise<void> {
    await this.page.locator('article.spo-review').nth(index).getByRole('link', { name: /Correct this review/ }).click();
  }

  async withdrawReview(index = 0): Promise<void> {
    await this.page.locator('article.spo-review').nth(index).getByRole('link', { name: /Withdraw this review/ }).click();
  }

  /** The evidence rows the filter shows (everyday contacts are apart, behind their count). */
  async timelineRows(): Promise<string[][]> {
    const rows = await this.page.locator('table.spo-timeline--evidence tbody tr').all();
    return Promise.all(rows.map((r) => r.getByRole('cell').allTextContents()));
  }

  async timelineKinds(): Promise<string[]> {
    const rows = await this.page.locator('table.spo-timeline--evidence tbody tr').all();
    return Promise.all(rows.map(async (r) => (await r.getAttribute('data-kind')) ?? ''));
  }

  /** Ticks or unticks one kind in the timeline's filter, by keyboard. */
  async toggleTimelineKind(label: string): Promise<void> {
    const box = this.page.getByRole('group', { name: 'Show' }).getByRole('checkbox', { name: new RegExp(`^${label} \\(`) });
    await box.focus();
    await this.page.keyboard.press('Space');
  }

  async everydaySummary(): Promise<string> {
    return ((await this.page.locator('.spo-timeline__everyday summary').textContent()) ?? '').trim();
  }

  async showEveryday(): Promise<void> {
    await this.page.locator('.spo-timeline__everyday summary').click();
  }

  async everydayRows(): Promise<string[][]> {
    const rows = await this.page.locator('table.spo-timeline--everyday tbody tr').all();
    return Promise.all(rows.map((r) => r.getByRole('cell').allTextContents()));
  }

  /** The registrations table's rows, newest first. */
  async registrationRows(): Promise<string[][]> {
    const rows = await this.page.getByRole('table', { name: 'Registrations, newest first' }).locator('tbody tr').all();
    return Promise.all(rows.map((r) => r.getByRole('cell').allTextContents()));
  }

  /** The h2 headings of the case page, in order. */
  async sectionOrder(): Promise<string[]> {
    return (await this.page.locator('main h2:not(.govuk-notification-banner__title)').allTextContents()).map((t) => t.trim());
  }
}
