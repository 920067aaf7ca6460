import type { Locator } from 'playwright-core';
import { dateValue, fillDate, type TypedDate } from './date-input.js';
import { Layout } from './layout.js';

export type CheckLabel = 'Risk assessment' | 'Risk management plan' | 'Police domestic-abuse information' | "Children's services information" | 'Referrals';
export type OutcomeLabel = 'Checked' | 'Requested: awaiting the response' | 'Checked: action needed' | 'Sought, not available' | 'Not applicable';

export const allChecks: readonly CheckLabel[] = ['Risk assessment', 'Risk management plan', 'Police domestic-abuse information', "Children's services information", 'Referrals'];

export class ReviewPage extends Layout {
  /** The form is shown, filled in from the case. */
  async waitForForm(heading: 'Record an oversight review' | 'Correct an oversight review' = 'Record an oversight review'): Promise<void> {
    await this.waitForHeading(heading);
    await this.page.getByRole('button', { name: /Save the/ }).waitFor();
  }

  async waitForWithdraw(): Promise<void> {
    await this.waitForHeading('Withdraw an oversight review');
    await this.page.getByRole('button', { name: 'Withdraw the review' }).waitFor();
  }

  group(legend: string): Locator {
    return this.page.getByRole('group', { name: legend, exact: true });
  }

  /** The labels of the ticked boxes or the chosen radio in a group. */
  async checked(legend: string): Promise<string[]> {
    return this.group(legend).locator('.govuk-radios__item:has(input:checked) label, .govuk-checkboxes__item:has(input:checked) label').allTextContents();
  }

  async value(label: string): Promise<string> {
    return this.page.getByLabel(label, { exact: true }).inputValue();
  }

  async choose(legend: string, option: string): Promise<void> {
    await this.group(legend).getByLabel(option, { exact: true }).check();
  }

  async checkAll(outcome: OutcomeLabel = 'Checked'): Promise<void> {
    for (const c of allChecks) await this.choose(c, outcome);
  }

  async fill(label: string, text: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(text);
  }

  /** Types into a GOV.UK date input, by its legend: '31 2 2026', or an ISO date. */
  async fillDate(legend: string, date: TypedDate): Promise<void> {
    await fillDate(this.page, legend, date);
  }

  /** A date input's date as ISO, by its legend. */
  async date(legend: string): Promise<string> {
    return dateValue(this.page, legend);
  }

  async addAction(action: { text: string; owner: string; due: TypedDate }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add an action' }).click();
    const row = this.page.locator('fieldset.spo-action').last();
    await row.getByLabel('What needs to be done').fill(action.text);
    await row.getByLabel('Who owns it').fill(action.owner);
    const n = await this.page.locator('fieldset.spo-action').count();
    await fillDate(row, `Due date of action ${String(n)}`, action.due);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /Save the/ }).click();
  }

  async withdraw(): Promise<void> {
    await this.page.getByRole('button', { name: 'Withdraw the review' }).click();
  }

  /** The error message shown beside a field, by the field's id. */
  async fieldError(id: string): Promise<string> {
    return ((await this.page.locator(`#${id}-error`).textContent()) ?? '').replace(/^Error:\s*/, '');
  }
}
