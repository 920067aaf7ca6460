import type { InputOf, QueueRow } from '../db/contract/index.js';
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

async function expectScreen(queue: QueuePage, expected: { crns: string[]; total: number }, status = 'overdue'): Promise<void> {
  await expect.poll(() => queue.caption(), { timeout: 10_000 }).toBe(`${expected.total.toLocaleString('en-GB')} ${expected.total === 1 ? 'flag' : 'flags'} ${status}`);
  await expect.poll(() => queue.crns(expected.crns.length), { timeout: 10_000 }).toEqual(expected.crns);
}

test('Queue: opens on the user’s team, and each filter, the search, a sort and the due-soon tab show what the engine answers', async ({ app }) => {
  const queue = await openOnDemo(app);
  expect(await queue.selectedFilter('Team')).toMatch(new RegExp(`^${TEAM}`));

  const mine = await engine(app, { team: TEAM, status: 'overdue' });
  expect(mine.total).toBeGreaterThan(10);
  await expectScreen(queue, mine);
  const first = (await queue.rows())[0];
  expect(first).toMatchObject({ crn: mine.rows[0]?.crn, name: mine.rows[0]?.name, team: TEAM, rule: mine.rows[0]?.rule, days: String(mine.rows[0]?.daysOverdue) });
  // RoSH is written out, never shown by colour alone.
  expect(['Very high', 'High', 'Medium', 'Low', 'Unknown']).toContain(first?.rosh);
  // Risk first by default (issue 14): the screen says so, no single column is sorted, and the
  // highest risk the team has overdue heads the list.
  expect(await queue.ariaSort('Days overdue')).toBe('none');
  expect(await app.page.locator('.spo-queue-order').textContent()).toMatch(/^Sorted by risk, then how overdue/);
  const roshRank = ['VERY_HIGH', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
  const everyRow = (await engine(app, { team: TEAM, status: 'overdue' }, 1000)).rows;
  expect(mine.rows[0]?.rosh).toBe(roshRank[Math.min(...everyRow.map((r) => roshRank.indexOf(r.rosh)))]);

  const summary = (await app.api('flags:queue', { team: TEAM, limit: 1 })) as { ok: true; value: { summary: { rule: string; overdue: number; dueSoon: number }[] } };
  const expectedSummary = Object.fromEntries(summary.value.summary.filter((s) => s.overdue || s.dueSoon).map((s) => [s.rule, [s.overdue, s.dueSoon]]));
  expect(await queue.ruleSummary()).toEqual(expectedSummary);
  await app.check('queue');

  // The rule with the most overdue flags, from its count in the summary.
  const rule = summary.value.summary.reduce((a, b) => (b.overdue > a.overdue ? b : a));
  await queue.ruleCount(rule.rule, 'overdue').click();
  const byRule = await engine(app, { team: TEAM, rule: rule.rule as InputOf<'flags:queue'>['rule'], status: 'overdue' });
  expect(byRule.total).toBe(rule.overdue);
  await expectScreen(queue, byRule);
  expect(new Set((await queue.rows()).map((r) => r.rule))).toEqual(new Set([rule.rule]));

  await queue.filterBy('Rule', 'All rules');
  await queue.filterBy('RoSH', 'Very high');
  const veryHigh = await engine(app, { team: TEAM, rosh: 'VERY_HIGH', status: 'overdue' });
  await expectScreen(queue, veryHigh);
  expect(new Set((await queue.rows()).map((r) => r.rosh))).toEqual(new Set(['Very high']));

  await queue.filterBy('RoSH', 'Any RoSH');
  const crn = mine.rows[3]?.crn ?? '';
  await queue.search(crn);
  const searched = await engine(app, { team: TEAM, search: crn, status: 'overdue' });
  expect(searched.crns.every((c) => c === crn)).toBe(true);
  await expectScreen(queue, searched);

  // Clearing the filters keeps the user's own team (issue 14).
  await app.page.getByRole('button', { name: 'Clear filters' }).click();
  await expectScreen(queue, mine);
  expect(await queue.selectedFilter('Team')).toMatch(new RegExp(`^${TEAM}`));
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
  expect((await queue.rows())[0]?.days).toBe(soonest.rows[0]?.daysUntilDue === 0 ? 'today' : String(soonest.rows[0]?.daysUntilDue));
  await app.check('queue-due-soon');

  await queue.search('no such person zzz');
  await queue.noMatches();
  await app.check('queue-empty-filter');
});

test('Queue: scrolling to the end of a long list fetches the pages on the way, and a row opens its case', async ({ app }) => {
  const queue = await openOnDemo(app);
  await queue.filterBy('Team', 'All teams');
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
