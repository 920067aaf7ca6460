import type { Locator } from 'playwright-core';
import type { SettingKey } from '../../db/contract/index.js';
import { settingTitles } from '../../db/contract/words/index.js';
import { settingInSentence } from '../../renderer/src/screens/settings/value-text.js';
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

  /** The row of one setting: its cells as shown (setting with its help, current value, default, basis). */
  async row(key: SettingKey): Promise<string[]> {
    const row = this.table().locator(`tbody tr[data-setting="${key}"]`);
    return [(await row.locator('th').textContent()) ?? '', ...(await row.locator('td').allTextContents())];
  }

  /** The help under a setting's title, which is written from the value in force. */
  async help(key: SettingKey): Promise<string> {
    return (await this.table().locator(`tbody tr[data-setting="${key}"] [data-field="help"]`).textContent()) ?? '';
  }

  /** Opens a setting's change form by the setting's name in words, as a person would. */
  async change(key: SettingKey): Promise<void> {
    const name = `Change ${settingInSentence(settingTitles[key])}`;
    await this.page.getByRole('button', { name, exact: true }).click();
    await this.page.getByRole('heading', { name: new RegExp(`^${name}`) }).waitFor();
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
