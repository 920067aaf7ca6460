import { Layout } from './layout.js';

export class HomePage extends Layout {
  async waitForEmpty(): Promise<void> {
    await this.waitForHeading('Oversight queue');
    await this.page.getByText('There is no caseload yet.').waitFor();
  }

  async loadDemo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Load a synthetic demo caseload' }).click();
  }

  async waitForDemoProgress(): Promise<void> {
    await this.page.getByLabel('Loading the synthetic demo caseload').waitFor();
  }

  async waitForDemoLoaded(): Promise<void> {
    await this.page.getByText('Synthetic demo caseload loaded').waitFor({ timeout: 60_000 });
  }

  async importAnExtract(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import an extract' }).click();
  }

  /** The caseload in numbers: label → value, e.g. "cases in the caseload" → 2425. */
  async stats(): Promise<Record<string, number>> {
    const items = this.page.getByRole('list', { name: 'The caseload in numbers' }).getByRole('listitem');
    await items.first().waitFor();
    const out: Record<string, number> = {};
    for (const item of await items.all()) {
      const value = (await item.locator('.spo-stat__value').textContent()) ?? '';
      const label = (await item.locator('.spo-stat__label').textContent()) ?? '';
      out[label] = Number(value.replaceAll(',', ''));
    }
    return out;
  }
}
