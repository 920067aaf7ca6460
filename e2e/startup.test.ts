import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOLD_CHECK_ENV } from '../db/backup/held-check.js';
import { expect, openApp, test } from './fixture.js';
import { FirstRunPage } from './pages/first-run-page.js';
import { HomePage } from './pages/home-page.js';
import { Layout } from './pages/layout.js';
import { pollPage } from './pages/poll.js';

const cli = fileURLToPath(new URL('../bin/spo-oversight.mjs', import.meta.url));

test('Start-up: when the host cannot say who is using the app, the page says what went wrong', async ({ app }) => {
  await app.page.route(`${app.preview.origin}/api/profile:get`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'io', message: 'The database file could not be read' } }) }),
  );
  await app.page.reload();
  const layout = new Layout(app.page);
  await layout.waitForHeading('SPO Oversight could not start');
  expect(await app.page.getByRole('alert').textContent()).toContain('The database file could not be read');
  await app.check('startup-error');
});

test('Start-up: the first screen shows while the database is checked, saying so in one line; a change made meanwhile waits and then is saved', async () => {
  const { app, close } = await openApp({
    // An existing database (a new one is checked before it is migrated, not in the background).
    before: (db) => {
      const made = spawnSync(process.execPath, [cli, 'settings', 'get', '--db', db], { encoding: 'utf8' });
      if (made.status !== 0) throw new Error(made.stderr);
    },
    // The check's answer is held until the test writes this file.
    env: (dir) => ({ [HOLD_CHECK_ENV]: join(dir, 'end-the-check') }),
  });
  try {
    const firstRun = new FirstRunPage(app.page);
    await firstRun.waitForIt();
    await firstRun.checkingLine().waitFor();
    expect(await app.api('health:status', {})).toEqual({ ok: true, value: { state: 'checking', message: null, ms: null } });
    await app.check('startup-checking');

    let saved = false;
    const response = app.page.waitForResponse(`${app.preview.origin}/api/profile:set`).then((r) => {
      saved = true;
      return r;
    });
    const sent = app.page.waitForRequest(`${app.preview.origin}/api/profile:set`);
    await firstRun.fill({ name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' });
    await firstRun.continue();
    await sent;
    // The host has the write and holds it: a read made after it is answered, the write is not.
    expect((await app.api('profile:get', {})).ok).toBe(true);
    expect((await app.api('health:status', {})).ok && saved).toBe(false);
    expect(await firstRun.checkingLine().count()).toBe(1);

    writeFileSync(join(app.dir, 'end-the-check'), '');
    const answered = await response;
    expect(((await answered.json()) as { ok: boolean }).ok).toBe(true);
    await new HomePage(app.page).waitForEmpty();
    await pollPage(app.page, `!document.querySelector('[role=status]')?.textContent?.includes('Checking the database')`, 'the checking line going away');
    expect(await app.api('health:status', {})).toMatchObject({ ok: true, value: { state: 'passed', message: null } });
    await app.check('startup-checked');
  } finally {
    await close();
  }
});
