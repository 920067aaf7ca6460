import type { Locator, Page } from 'playwright-core';

/** A date as a person types it into the three boxes: '27 3 2026'; an ISO date is split the same way. */
export type TypedDate = string;

function parts(date: TypedDate): [string, string, string] {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (iso) return [String(Number(iso[3])), String(Number(iso[2])), iso[1] ?? ''];
  const [day = '', month = '', year = ''] = date.split(' ');
  return [day, month, year];
}

/** The GOV.UK date input whose legend is `legend`, inside `scope`. */
export function dateInput(scope: Page | Locator, legend: string): Locator {
  return scope.getByRole('group', { name: legend, exact: true });
}

/** Types a date into the day, month and year boxes ('' leaves all three empty). */
export async function fillDate(scope: Page | Locator, legend: string, date: TypedDate): Promise<void> {
  const group = dateInput(scope, legend);
  const [day, month, year] = date === '' ? ['', '', ''] : parts(date);
  await group.getByLabel('Day', { exact: true }).fill(day);
  await group.getByLabel('Month', { exact: true }).fill(month);
  await group.getByLabel('Year', { exact: true }).fill(year);
}

/** The date the boxes hold, as ISO (YYYY-MM-DD), or '' when they are empty. */
export async function dateValue(scope: Page | Locator, legend: string): Promise<string> {
  const group = dateInput(scope, legend);
  const [day, month, year] = await Promise.all(['Day', 'Month', 'Year'].map((l) => group.getByLabel(l, { exact: true }).inputValue()));
  if (!day && !month && !year) return '';
  return `${year ?? ''}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
}
