import { expect, test } from './fixture.js';
import { QueuePage } from './pages/queue-page.js';
import { TeamPage } from './pages/team-page.js';
import { codeText } from '../db/contract/words/index.js';

test('Team: each practitioner’s caseload, coverage and workload as the engine answers, over capacity in words, and the heatmap as a table', async ({ app }) => {
  await app.api('profile:set', { name: 'Sam Senior', staffCode: 'N90A01P001', teamCode: 'N90A01T01' });
  await app.page.reload();
  const team = new TeamPage(app.page);
  await team.open();
  await team.waitForView();
  await app.check('team-empty');

  const demo = await app.api('demo:load', { seed: 1 });
  if (!demo.ok) throw new Error(demo.error.message);
  // The screen opens on the user's own team: make it one with a practitioner over capacity.
  const everyone = await app.api('team:view', {});
  if (!everyone.ok) throw new Error(everyone.error.message);
  const busy = everyone.value.practitioners.find((p) => p.workload?.overCapacity)?.teamCode;
  if (!busy) throw new Error('the demo caseload has no practitioner over capacity');
  await app.api('profile:set', { name: 'Sam Senior', staffCode: 'N90A01P001', teamCode: busy });
  await app.page.reload();
  await team.open();
  await team.waitForView();
  const engine = await app.api('team:view', { team: busy });
  if (!engine.ok) throw new Error(engine.error.message);
  const view = engine.value;

  const rows = await team.rows();
  expect(rows.map((r) => r[0])).toEqual(view.practitioners.map((p) => `${p.name ?? 'Not in the staff file'} (${p.staffCode})`));
  expect(rows.map((r) => r[2])).toEqual(view.practitioners.map((p) => String(p.cases)));
  // Grades in words with the nDelius code beside them.
  expect(rows.map((r) => r[1])).toEqual(view.practitioners.map((p) => (p.grade ? codeText('grade', p.grade) : 'Not known')));
  expect(rows.some((r) => r[1] === 'Probation officer (PSM)')).toBe(true);
  // Over capacity is said in words, not only by colour.
  const over = view.practitioners.filter((p) => p.workload?.overCapacity).length;
  expect(over).toBeGreaterThan(0);
  expect(rows.filter((r) => r[9]?.includes('Over capacity'))).toHaveLength(over);
  expect(await team.weekHeaders()).toHaveLength(13);
  await expect.poll(() => team.heatmap().locator('tbody tr').count()).toBe(view.practitioners.length);
  await app.check('team');
  // Every practitioner is on the page: the table is never cut off inside a scroll box of its own (issue 14).
  const clipped: unknown = await app.page.evaluate(`(() => { const r = document.querySelector('[aria-label="Practitioners"]'); return r.scrollHeight > r.clientHeight + 1; })()`);
  expect(clipped).toBe(false);

  // A practitioner's overdue count opens the queue on their cases, with that filter and no other:
  // a search left in the queue before does not come back (issue 14).
  const flagged = view.practitioners.find((p) => p.overdue > 0);
  if (!flagged) throw new Error('nobody in the team has an overdue flag');
  const queue = new QueuePage(app.page);
  await app.page.getByRole('link', { name: 'Oversight queue' }).click();
  await queue.waitForIt();
  await queue.search('no such person zzz');
  await queue.noMatches();
  await team.open();
  await team.waitForView();
  await app.page.getByRole('link', { name: new RegExp(`overdue flags for ${flagged.name ?? flagged.staffCode}: show them in the queue`) }).click();
  await queue.waitForIt();
  expect(await queue.ticked('Practitioner')).toEqual([flagged.name ?? flagged.staffCode]);
  expect(await queue.tags()).toEqual([flagged.name ?? flagged.staffCode]);
  await app.page.waitForTimeout(500); // longer than the search box's pause before it asks the engine
  expect(await app.page.getByLabel('Search by CRN or name').inputValue()).toBe('');
  // The team screen counts flags; the queue lists each case once with its flags.
  const flagsOf = await app.api('flags:queue', { team: busy, staffCodes: [flagged.staffCode], status: 'overdue', group: 'flag', limit: 1 });
  if (!flagsOf.ok) throw new Error(flagsOf.error.message);
  expect(flagsOf.value.total).toBe(flagged.overdue);
  const expected = await app.api('flags:queue', { team: busy, staffCodes: [flagged.staffCode], status: 'overdue', limit: 5 });
  if (!expected.ok) throw new Error(expected.error.message);
  await expect.poll(async () => (await queue.crns(5)).length).toBe(Math.min(5, expected.value.total));
  expect(await queue.crns(5)).toEqual(expected.value.rows.map((r) => r.crn));
  await team.open();
  await team.waitForView();

  // Another team: the table follows the choice.
  const teams = await app.api('caseload:teams', {});
  const other = teams.ok ? teams.value.teams.find((t) => t.code !== busy) : undefined;
  if (!other) throw new Error('the demo caseload has one team only');
  await team.chooseTeam(new RegExp(`\\(${other.code}\\)$`));
  const next = await app.api('team:view', { team: other.code });
  if (!next.ok) throw new Error(next.error.message);
  await expect.poll(async () => (await team.rows()).map((r) => r[0]), { timeout: 30_000 }).toEqual(next.value.practitioners.map((p) => `${p.name ?? 'Not in the staff file'} (${p.staffCode})`));
}, 240_000);
