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
  // Titled in words with the key beside it, small; the help says what the value in force does.
  expect(interval[0]).toMatch(/^Repeat SPO oversight interval\s*oversightIntervalDays/);
  expect(await settings.help('oversightIntervalDays')).toBe('Repeat SPO oversight of a high-risk or MAPPA level 1 case is due 84 days (12 weeks) after the last oversight.');
  expect(interval.slice(1, 3)).toEqual(['84 days (12 weeks)', '84 days (12 weeks)']);
  expect(interval[3]).toContain('inference');
  // Codes are read in words with the code beside them.
  expect((await settings.row('restrictedGrades'))[1]).toBe('Probation services officer (PSQ)');
  expect(await app.page.getByText('No setting has been changed from its default.').isVisible()).toBe(true);
  await app.check('settings');

  await settings.change('oversightIntervalDays');
  await settings.fill('70', ' ');
  await settings.save();
  expect(await settings.errorSummary()).toEqual(['Enter why the setting is being changed']);
  await app.check('settings-no-reason');

  await settings.fill('ten weeks', 'Local agreement with the head of PDU');
  await settings.save();
  // The engine's refusal, in the form's words: the setting named in words, no key, no engine text.
  await expect.poll(async () => (await settings.errorSummary()).join('|')).toBe('Repeat SPO oversight interval must be a whole number of days');
  await app.check('settings-invalid');

  await settings.fill('70', 'Local agreement with the head of PDU');
  await settings.save();
  await app.page.getByText('Repeat SPO oversight interval changed to 70 days (10 weeks). The flags now use the new value.').waitFor();
  // The banner takes focus, so it is on screen and read out wherever the form was.
  await expect.poll(() => app.page.evaluate('document.activeElement !== null && document.activeElement.querySelector("#setting-saved-title") !== null')).toBe(true);
  await expect.poll(async () => (await settings.row('oversightIntervalDays')).slice(1, 3)).toEqual(['70 days (10 weeks)', '84 days (12 weeks)']);
  // The help and the basis follow the new value, not the default's.
  expect(await settings.help('oversightIntervalDays')).toContain('due 70 days (10 weeks) after the last oversight');
  const basis = (await settings.row('oversightIntervalDays'))[3] ?? '';
  expect(basis).toContain('Set locally');
  expect(basis).toContain('Changed here from the default of 84 days (12 weeks).');
  const history = await settings.history().locator('tbody tr td').allTextContents();
  expect(history.slice(2)).toEqual(['Repeat SPO oversight intervaloversightIntervalDays', '84 days (12 weeks)', '70 days (10 weeks)', 'Local agreement with the head of PDU']);
  const after = await app.api('settings:get', {});
  expect(after.ok && after.value.find((s) => s.key === 'oversightIntervalDays')?.value).toBe(70);
  await app.check('settings-changed');
}, 240_000);
