import { fillDate, type TypedDate } from './date-input.js';
import { Layout } from './layout.js';

export class AuditPage extends Layout {
  async waitForIt(): Promise<void> {
    await this.waitForHeading('Audit log');
    await this.page.getByRole('region', { name: 'Audit log entries' }).or(this.page.getByText('No entries match these filters.')).waitFor();
  }

  async filterByCrn(crn: string): Promise<void> {
    await this.page.getByLabel('CRN').fill(crn);
    await this.apply();
  }

  /** Types the filters given and applies them, without waiting for entries (the filters may be refused). */
  async filter(fields: { user?: string; crn?: string; from?: TypedDate; to?: TypedDate }): Promise<void> {
    if (fields.user !== undefined) await this.page.getByLabel('User').fill(fields.user);
    if (fields.crn !== undefined) await this.page.getByLabel('CRN').fill(fields.crn);
    if (fields.from !== undefined) await fillDate(this.page, 'From', fields.from);
    if (fields.to !== undefined) await fillDate(this.page, 'To', fields.to);
    await this.page.getByRole('button', { name: 'Apply filters' }).click();
  }

  async filterByOperation(operation: string): Promise<void> {
    await this.page.getByLabel('Operation').selectOption({ label: operation });
    await this.apply();
  }

  /** Applies the filters and waits for the page of entries they select to be shown. */
  private async apply(): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/audit:list'));
    await this.page.getByRole('button', { name: 'Apply filters' }).click();
    await answered;
    await this.page.getByRole('button', { name: 'Apply filters' }).waitFor();
  }

  /** Each entry's "What" and "Cases" columns, as shown. */
  async entries(): Promise<{ op: string; operation: string; cases: string }[]> {
    const rows = this.page.getByRole('region', { name: 'Audit log entries' }).locator('tbody tr');
    const out: { op: string; operation: string; cases: string }[] = [];
    for (const row of await rows.all()) {
      const cells = await row.locator('td').allTextContents();
      out.push({ operation: cells[2] ?? '', op: cells[3] ?? '', cases: cells[5] ?? '' });
    }
    return out;
  }

  async checkChain(): Promise<string> {
    await this.page.getByRole('button', { name: 'Check the audit chain' }).click();
    const status = this.page.getByText(/All [\d,]+ entries are in order|Entry \d+:/);
    await status.waitFor();
    return (await status.textContent()) ?? '';
  }
}
