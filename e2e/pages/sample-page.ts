import { fillDate } from './date-input.js';
import { Layout } from './layout.js';

export class SamplesPage extends Layout {
  async waitForIt(): Promise<void> {
    await this.waitForHeading('Quality assurance samples');
  }

  /** Fills the fields given and draws; `from` and `to` are dates as typed ('31 2 2026') or ISO. */
  async draw(fields: { size?: string; from?: string; to?: string; team?: string }): Promise<void> {
    const dates = { from: 'First review date', to: 'Last review date' } as const;
    const labels = { size: 'How many reviews', team: 'Team code (optional)' } as const;
    for (const [key, value] of Object.entries(fields)) {
      if (key === 'from' || key === 'to') await fillDate(this.page, dates[key], value);
      else await this.page.getByLabel(labels[key as keyof typeof labels]).fill(value);
    }
    await this.page.getByRole('button', { name: 'Draw the sample' }).click();
  }
}

export class SamplePage extends Layout {
  async waitForIt(id: number): Promise<void> {
    await this.waitForHeading(`Sample ${String(id)}`);
    await this.page.getByRole('region', { name: 'Reviews in the sample' }).waitFor();
  }

  /** Each row: number, CRN, practitioner, risk, review, outcome. */
  async items(): Promise<string[][]> {
    const rows = await this.page.getByRole('region', { name: 'Reviews in the sample' }).locator('tbody tr').all();
    return Promise.all(rows.map(async (r) => (await r.locator('td').allTextContents()).map((t) => t.replace(/: re-read review \d+$/, ''))));
  }

  async reRead(position: number): Promise<void> {
    await this.page.getByRole('link', { name: new RegExp(`: re-read review ${String(position)}$`) }).click();
  }

  async answer(check: string, answer: 'Yes' | 'No' | 'Not applicable'): Promise<void> {
    await this.page.getByRole('group', { name: check }).getByRole('radio', { name: answer, exact: true }).check();
  }

  async outcome(outcome: 'Good' | 'Requires improvement' | 'Inadequate'): Promise<void> {
    await this.page.getByRole('group', { name: 'Outcome' }).getByRole('radio', { name: outcome, exact: true }).check();
  }

  async note(text: string): Promise<void> {
    await this.page.getByLabel('Note (optional)').fill(text);
  }

  async record(): Promise<void> {
    await this.page.getByRole('button', { name: 'Record the re-reading' }).click();
  }
}
