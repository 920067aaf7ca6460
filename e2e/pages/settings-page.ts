import type { Locator } from 'playwright-core';
import { Layout } from './layout.js';

export class SettingsPage extends Layout {
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings', exact: true }).click();
    await this.waitForHeading('Policy settings');
    await this.table().waitFor();
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Settings' });
  }

  /** The row of one setting: its cells as shown (setting, current value, default, unit, basis). */
  async row(key: string): Promise<string[]> {
    const row = this.table().locator('tbody tr').filter({ has: this.page.locator('code', { hasText: new RegExp(`^${key}$`) }) });
    return [(await row.locator('th').textContent()) ?? '', ...(await row.locator('td').allTextContents())];
  }

  async change(key: string): Promise<void> {
    await this.page.getByRole('button', { name: `Change ${key}` }).click();
    await this.page.getByRole('heading', { name: `Change ${key}` }).waitFor();
  }

  async fill(value: string | null, reason: string): Promise<void> {
    if (value !== null) await this.page.getByLabel('New value').fill(value);
    await this.page.getByLabel('Reason for the change').fill(reason);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save the change' }).click();
  }

  history(): Locator {
    return this.page.getByRole('region', { name: 'History of setting changes' });
  }
}
