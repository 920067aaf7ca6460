import { expect, test } from './fixture.js';
import { SettingsPage } from './pages/settings-page.js';

test('Settings: every setting with its default, unit and basis; a change needs a reason, is checked by the engine and is kept in the history', async ({ app }) => {
  await app.api('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' });
  await app.page.reload();
  const settings = new SettingsPage(app.page);
  await settings.open();
  const engine = await app.api('settings:get', {});
  if (!engine.ok) throw new Error(engine.error.message);
  await expect.poll(() => settings.table().locator('tbody tr').count()).toBe(engine.value.length);
  const interval = await settings.row('oversightIntervalDays');
  expect(interval.slice(1, 4)).toEqual(['84', '84', 'days']);
  expect(interval[4]).toContain('inference');
  expect(await app.page.getByText('No setting has been changed from its default.').isVisible()).toBe(true);
  await app.check('settings');

  await settings.change('oversightIntervalDays');
  await settings.fill('70', ' ');
  await settings.save();
  expect(await settings.errorSummary()).toEqual(['Enter why the setting is being changed']);
  await app.check('settings-no-reason');

  await settings.fill('ten weeks', 'Local agreement with the head of PDU');
  await settings.save();
  await expect.poll(async () => (await settings.errorSummary()).join('|')).toMatch(/^oversightIntervalDays: expected a whole number of days[^|]*$/);
  await app.check('settings-invalid');

  await settings.fill('70', 'Local agreement with the head of PDU');
  await settings.save();
  await app.page.getByText('oversightIntervalDays changed.').waitFor();
  await expect.poll(async () => (await settings.row('oversightIntervalDays')).slice(1, 3)).toEqual(['70 Changed', '84']);
  const history = await settings.history().locator('tbody tr td').allTextContents();
  expect(history.slice(2)).toEqual(['oversightIntervalDays', '84', '70', 'Local agreement with the head of PDU']);
  const after = await app.api('settings:get', {});
  expect(after.ok && after.value.find((s) => s.key === 'oversightIntervalDays')?.value).toBe(70);
  await app.check('settings-changed');
}, 240_000);
