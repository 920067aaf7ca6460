import type { Locator } from 'playwright-core';
import { Layout } from './layout.js';

export class TeamPage extends Layout {
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Team', exact: true }).click();
    await this.waitForHeading('Team');
  }

  /** Waits for the practitioners' table, or the words saying there is none. */
  async waitForView(): Promise<void> {
    await this.practitioners().or(this.page.getByText(/^No practitioner in this team holds a case\./)).waitFor({ timeout: 30_000 });
  }

  practitioners(): Locator {
    return this.page.getByRole('region', { name: 'Practitioners' });
  }

  heatmap(): Locator {
    return this.page.getByRole('region', { name: 'Time since SPO oversight by week' });
  }

  async chooseTeam(label: string | RegExp): Promise<void> {
    const select = this.page.getByLabel('Team', { exact: true });
    const options = await select.locator('option').allTextContents();
    const wanted = options.find((o) => (typeof label === 'string' ? o === label : label.test(o)));
    if (!wanted) throw new Error(`no team option matches ${String(label)}: ${options.join(' | ')}`);
    await select.selectOption({ label: wanted });
  }

  /** Each practitioner row's cells as shown: name, grade, cases, …, workload. */
  async rows(): Promise<string[][]> {
    const out: string[][] = [];
    for (const row of await this.practitioners().locator('tbody tr').all()) {
      out.push([(await row.locator('th').textContent()) ?? '', ...(await row.locator('td').allTextContents())]);
    }
    return out;
  }

  async weekHeaders(): Promise<string[]> {
    return this.heatmap().locator('thead th').allTextContents();
  }
}
