import { ruleTitles, type InputOf, type QueueRow } from '../db/contract/index.js';
import { expect, test, type App } from './fixture.js';
import { QueuePage } from './pages/queue-page.js';

const TEAM = 'N90A01T01';

/** The user of the demo caseload's first team, with the demo loaded through the API and the app reopened. */
async function openOnDemo(app: App): Promise<QueuePage> {
  await app.api('profile:set', { name: 'Sam Senior', staffCode: 'N90A01P001', teamCode: TEAM });
  const demo = await app.api('demo:load', { seed: 1 });
  if (!demo.ok) throw new Error(demo.error.message);
  await app.page.reload();
  const queue = new QueuePage(app.page);
  await queue.waitForIt();
  return queue;
}

/** What the engine answers for the same filters: the test compares the screen with it. */
async function engine(app: App, input: InputOf<'flags:queue'>, limit = 10): Promise<{ crns: string[]; total: number; rows: QueueRow[] }> {
  const r = await app.api('flags:queue', { limit, ...input });
  if (!r.ok) throw new Error(r.error.message);
  return { crns: r.value.rows.map((x) => x.crn), total: r.value.total, rows: r.value.rows };
}

async function expectScreen(queue: QueuePage, expected: { crns: string[]; total: number }, status = 'overdue', unit: 'case' | 'flag' = 'case'): Promise<void> {
  await expect.poll(() => queue.caption(), { timeout: 10_000 }).toBe(`${expected.total.toLocaleString('en-GB')} ${expected.total === 1 ? unit : `${unit}s`} ${status}`);
  await expect.poll(() => queue.crns(expected.crns.length), { timeout: 10_000 }).toEqual(expected.crns);
}

test('Queue: opens on the user’s team, each case once with its flags worst first, risk first, and eight rows fit a 1280×720 laptop', async ({ app }) => {
  await app.page.setViewportSize({ width: 1280, height: 720 });
  const queue = await openOnDemo(app);
  expect(await queue.selectedTeam()).toMatch(new RegExp(`\\(${TEAM}\\)$`));

  const mine = await engine(app, { team: TEAM, status: 'overdue' });
  expect(mine.total).toBeGreaterThan(10);
  await expectScreen(queue, mine);
  expect(new Set(mine.crns).size).toBe(mine.crns.length);
  const first = (await queue.rows())[0];
  const worst = mine.rows[0];
  expect(first).toMatchObject({ crn: worst?.crn, name: worst?.name, team: '', flag: ruleTitles[worst?.rule ?? 'OVERSIGHT-NEW'] });
  // RoSH is written out, never shown by colour alone.
  expect(['Very high', 'High', 'Medium', 'Low', 'Unknown']).toContain(first?.rosh);
  // A case with several flags lists the others after its worst, in words.
  const several = mine.rows.findIndex((r) => r.flags.length > 1);
  if (several >= 0) {
    const row = (await queue.rows())[several];
    expect(row?.more).toBe(`and ${(mine.rows[several]?.flags.slice(1) ?? []).map((f) => ruleTitles[f.rule]).join(', ')}`);
  }
  // Risk first by default (issue 14): the screen says so, no single column is sorted, and the
  // highest risk the team has overdue heads the list.
  expect(await queue.ariaSort('Days overdue')).toBe('none');
  expect(await app.page.locator('.spo-queue-order').textContent()).toMatch(/^Sorted by risk, then how overdue/);
  const roshRank = ['VERY_HIGH', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
  const everyRow = (await engine(app, { team: TEAM, status: 'overdue' }, 1000)).rows;
  expect(worst?.rosh).toBe(roshRank[Math.min(...everyRow.map((r) => roshRank.indexOf(r.rosh)))]);
  // At 1280×720 at least eight rows show without scrolling the page.
  await app.page.screenshot({ path: 'e2e/artifacts/queue-720-viewport.png' });
  expect(await queue.rowsInView()).toBeGreaterThanOrEqual(8);
  await app.check('queue-720');
  await app.page.setViewportSize({ width: 1280, height: 900 });

  const summary = await app.api('flags:queue', { team: TEAM, limit: 1 });
  if (!summary.ok) throw new Error(summary.error.message);
  expect(await queue.ruleCounts()).toEqual(Object.fromEntries(summary.value.summary.map((s) => [s.rule, s.overdue])));
  await app.check('queue');

  // Several rules at once: the two with the most overdue flags.
  const [a, b] = [...summary.value.summary].sort((x, y) => y.overdue - x.overdue);
  if (!a || !b) throw new Error('the summary lists no rules');
  await queue.tick('Rule', await queue.ruleLabel(ruleTitles[a.rule]));
  await queue.tick('Rule', await queue.ruleLabel(ruleTitles[b.rule]));
  const byRules = await engine(app, { team: TEAM, rules: [a.rule, b.rule], status: 'overdue' });
  await expectScreen(queue, byRules);
  expect((await queue.rows()).every((r) => [ruleTitles[a.rule], ruleTitles[b.rule]].includes(r.flag))).toBe(true);
  expect(await queue.tags()).toEqual([ruleTitles[a.rule], ruleTitles[b.rule]]);

  // Each tag removes its own filter and no other.
  await queue.removeTag(ruleTitles[a.rule]);
  await expectScreen(queue, await engine(app, { team: TEAM, rules: [b.rule], status: 'overdue' }));
  expect(await queue.ticked('Rule')).toEqual([await queue.ruleLabel(ruleTitles[b.rule])]);
  await queue.tick('Rule', await queue.ruleLabel(ruleTitles[b.rule]), false);

  await queue.tick('RoSH', 'Very high');
  await queue.tick('RoSH', 'High');
  const highs = await engine(app, { team: TEAM, roshLevels: ['VERY_HIGH', 'HIGH'], status: 'overdue' });
  await expectScreen(queue, highs);
  expect((await queue.rows()).every((r) => ['Very high', 'High'].includes(r.rosh))).toBe(true);
  await queue.removeTag('Very high');
  await expectScreen(queue, await engine(app, { team: TEAM, roshLevels: ['HIGH'], status: 'overdue' }));

  const crn = mine.rows[3]?.crn ?? '';
  await queue.search(crn);
  const searched = await engine(app, { team: TEAM, search: crn, roshLevels: ['HIGH'], status: 'overdue' });
  await expectScreen(queue, searched);

  // Clearing the filters keeps the user's own team (issue 14).
  await app.page.getByRole('button', { name: 'Clear filters' }).click();
  await expectScreen(queue, mine);
  expect(await queue.selectedTeam()).toMatch(new RegExp(`\\(${TEAM}\\)$`));
  expect(await queue.tags()).toEqual([]);

  // The one-click view: high-risk and MAPPA level 1 cases with no oversight in time.
  const view = app.page.getByRole('button', { name: 'High risk or MAPPA 1 with no oversight in time' });
  await view.click();
  const noOversight = await engine(app, { team: TEAM, rules: ['OVERSIGHT-NEW', 'OVERSIGHT-OVERDUE', 'MAPPA-L1-REVIEW'], status: 'overdue' });
  await expectScreen(queue, noOversight);
  expect(await view.getAttribute('aria-pressed')).toBe('true');
  expect(noOversight.rows.every((r) => r.rosh === 'VERY_HIGH' || r.rosh === 'HIGH' || r.mappaLevel === 'M1')).toBe(true);
  await app.check('queue-no-oversight');
  await view.click();
  await expectScreen(queue, mine);

  // One row per flag, as before, at the flip of a link.
  await app.page.getByRole('button', { name: 'List each flag on its own row' }).click();
  const byFlag = await engine(app, { team: TEAM, status: 'overdue', group: 'flag' });
  expect(byFlag.total).toBeGreaterThan(mine.total);
  await expectScreen(queue, byFlag, 'overdue', 'flag');
  expect((await queue.rows())[0]?.more).toBe(byFlag.rows[0]?.rule);
  await app.page.getByRole('button', { name: 'List each case once' }).click();
  await expectScreen(queue, mine);

  await queue.sortBy('Name');
  const byName = await engine(app, { team: TEAM, status: 'overdue', sort: 'name', direction: 'asc' });
  await expectScreen(queue, byName);
  expect(await queue.ariaSort('Name')).toBe('ascending');
  expect(await queue.ariaSort('Days overdue')).toBe('none');
  await queue.sortBy('Name');
  await expectScreen(queue, await engine(app, { team: TEAM, status: 'overdue', sort: 'name', direction: 'desc' }));
  expect(await queue.ariaSort('Name')).toBe('descending');
  expect(await app.page.locator('.spo-queue-order').textContent()).toMatch(/^Sorted by name, the other way round\./);

  await queue.tab('Due soon');
  const dueSoon = await engine(app, { team: TEAM, status: 'due-soon', sort: 'name', direction: 'desc' });
  expect(dueSoon.total).toBeGreaterThan(0);
  await expectScreen(queue, dueSoon, 'due soon');
  await queue.sortBy('Days until due');
  const soonest = await engine(app, { team: TEAM, status: 'due-soon', sort: 'daysOverdue' });
  await expectScreen(queue, soonest, 'due soon');
  expect(await queue.ariaSort('Days until due')).toBe('ascending');
  const soonestDays = Math.min(...(soonest.rows[0]?.flags ?? []).map((f) => f.daysUntilDue ?? Infinity));
  expect((await queue.rows())[0]?.days).toBe(soonestDays === 0 ? 'today' : String(soonestDays));
  await app.check('queue-due-soon');

  await queue.search('no such person zzz');
  await queue.noMatches();
  await app.check('queue-empty-filter');
});

test('Queue: scrolling to the end of a long list fetches the pages on the way, and a row opens its case', async ({ app }) => {
  const queue = await openOnDemo(app);
  await queue.chooseTeam('All teams');
  const all = await engine(app, { status: 'overdue' });
  await expectScreen(queue, all);
  expect(all.total).toBeGreaterThan(200);

  const last = await engine(app, { status: 'overdue', offset: all.total - 1 }, 1);
  await queue.scrollList('bottom');
  await expect.poll(async () => (await queue.rows()).at(-1)?.crn, { timeout: 10_000 }).toBe(last.crns[0]);

  await queue.scrollList('top');
  await expect.poll(() => queue.crns(1), { timeout: 10_000 }).toEqual(all.crns.slice(0, 1));
  await app.page.locator('#queue-list tbody tr[data-index="2"] td').nth(1).click();
  await queue.waitForCase(all.crns[2] ?? '');
});

test('Queue, keyboard only: / searches, j and k move the selection, Enter opens the case', async ({ app }) => {
  const queue = await openOnDemo(app);
  const mine = await engine(app, { team: TEAM, status: 'overdue' }, 1);
  // The longest prefix of a flagged CRN that still matches at least three of the team's flags.
  const crn = mine.crns[0] ?? '';
  let name = crn;
  let expected = await engine(app, { team: TEAM, status: 'overdue', search: name });
  while (expected.total < 3 && name.length > 1) {
    name = name.slice(0, -1);
    expected = await engine(app, { team: TEAM, status: 'overdue', search: name });
  }
  expect(expected.total).toBeGreaterThan(2);

  await app.page.keyboard.press('/');
  expect(await app.page.locator(':focus').getAttribute('id')).toBe('queue-search');
  await app.page.keyboard.type(name);
  await expectScreen(queue, expected);
  await app.page.keyboard.press('ArrowDown');
  await expect.poll(() => queue.focusedText()).toBe(expected.crns[0]);

  await app.page.keyboard.press('j');
  await app.page.keyboard.press('j');
  await app.page.keyboard.press('k');
  await expect.poll(() => queue.selectedRow().locator('a').textContent()).toBe(expected.crns[1]);
  expect(await queue.focusedText()).toBe(expected.crns[1]);
  await app.page.keyboard.press('ArrowDown');
  await expect.poll(() => queue.selectedRow().locator('a').textContent()).toBe(expected.crns[2]);
  await app.page.keyboard.press('ArrowUp');
  await app.check('queue-keyboard');

  await app.page.keyboard.press('Enter');
  await queue.waitForCase(expected.crns[1] ?? '');
});
