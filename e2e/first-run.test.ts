import { contentSecurityPolicy } from '../db/hosts/renderer-assets.js';
import { expect, test } from './fixture.js';
import { FirstRunPage } from './pages/first-run-page.js';
import { HomePage } from './pages/home-page.js';
import { QueuePage } from './pages/queue-page.js';

test('First run: user records who they are, loads the demo caseload and sees the queue and the caseload summarised', async ({ app }) => {
  // The browser gets the same Content Security Policy as the Electron window; any violation would
  // be logged to the console, which app.check() treats as a failure.
  expect(app.documentHeaders['content-security-policy']).toBe(contentSecurityPolicy);
  const firstRun = new FirstRunPage(app.page);
  await firstRun.waitForIt();
  expect(await firstRun.classification().textContent()).toContain('OFFICIAL-SENSITIVE');
  await app.check('first-run');

  await firstRun.continue();
  expect(await firstRun.errorSummary()).toEqual(['Enter your full name', 'Enter your staff code', 'Enter your team code']);
  expect(await app.page.title()).toBe('Error: Who is using SPO Oversight? – SPO Oversight');
  await app.check('first-run-errors');

  await firstRun.fill({ name: 'Sam Senior', staffCode: 'n99s001', teamCode: 'N99T01' });
  await firstRun.continue();
  const home = new HomePage(app.page);
  await home.waitForEmpty();
  expect(await app.page.getByText('Sam Senior (N99S001), team N99T01').count()).toBe(1);
  await app.check('home-empty');

  const release = await app.hold('demo:load');
  await home.loadDemo();
  await home.waitForDemoProgress();
  await app.check('home-demo-loading');
  await release();

  await home.waitForDemoLoaded();
  // Team N99T01 is not in the demo caseload: the queue says so and shows every team's flags.
  const queue = new QueuePage(app.page);
  await queue.waitForIt();
  await app.page.getByText('Your team, N99T01, is not in this caseload, so the queue shows all teams.').waitFor();
  expect(await queue.selectedTeam()).toBe('All teams');
  const flags = await app.api('flags:queue', { status: 'overdue', limit: 5 });
  if (!flags.ok) throw new Error(flags.error.message);
  await expect.poll(() => queue.crns(5)).toEqual(flags.value.rows.map((r) => r.crn));
  const stats = await home.stats();
  expect(stats['cases in the caseload']).toBeGreaterThan(1000);
  expect(stats.teams).toBeGreaterThan(1);
  await app.check('home-summary');

  const profile = await app.api('profile:get', {});
  expect(profile).toMatchObject({ ok: true, value: { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' } });

  // Someone else on this computer account (issue 14): changed from the header, the queue opens on
  // the new team, and the change is an alteration in the audit log.
  const newTeam = flags.value.rows[0]?.teamCode ?? '';
  await app.page.getByRole('link', { name: /^Change user/ }).click();
  await app.page.getByRole('heading', { name: 'Change who is using SPO Oversight' }).waitFor();
  expect(await app.page.getByLabel('Full name').inputValue()).toBe('Sam Senior');
  expect(await app.page.getByLabel('Team code').inputValue()).toBe('N99T01');
  await app.check('change-user');
  await app.page.getByLabel('Full name').fill('Alex Other');
  await app.page.getByLabel('Staff code').fill('N99S002');
  await app.page.getByLabel('Team code').fill(newTeam);
  await app.page.getByRole('button', { name: 'Save and return to the queue' }).click();
  await queue.waitForIt();
  await app.page.getByText(`Alex Other (N99S002), team ${newTeam}`).waitFor();
  await expect.poll(() => queue.selectedTeam()).toMatch(new RegExp(`\\(${newTeam}\\)$`));
  const changes = await app.api('audit:list', { op: 'profile:set' });
  if (!changes.ok) throw new Error(changes.error.message);
  expect(changes.value.entries.map((e) => [e.operation, e.details.name, e.details.teamCode])).toEqual([
    ['alteration', 'Alex Other', newTeam],
    ['alteration', 'Sam Senior', 'N99T01'],
  ]);
});
