import { expect, test } from './fixture.js';
import { TrendsPage } from './pages/trends-page.js';

test('Trends: the SPO sees a year of coverage, overdue flags by rule and median days overdue, with the numbers as tables', async ({ app }) => {
  await app.api('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' });
  expect((await app.api('demo:load', { seed: 1 })).ok).toBe(true);
  await app.page.reload();
  const trends = new TrendsPage(app.page);
  await trends.goTo('Trends');
  await trends.waitForCharts();
  expect(await app.page.getByRole('img').count()).toBe(3);

  const all = await app.api('trends:weekly', { weeks: 52 });
  if (!all.ok) throw new Error(all.error.message);
  const coverage = await trends.numbers('Oversight coverage of high-risk and MAPPA level 1 cases', 'Oversight coverage by week');
  expect(coverage).toHaveLength(52);
  const lastWeek = all.value.weeks.at(-1);
  expect(coverage.at(-1)?.slice(1, 3)).toEqual([String(lastWeek?.inScope), String(lastWeek?.covered)]);
  const rules = await trends.numbers('Overdue flags by rule', 'Overdue flags by rule and week');
  expect(rules.at(-1)?.at(-1)).toBe(String(lastWeek?.overdue));
  await app.check('trends');

  const teams = await app.api('caseload:teams', {});
  const team = teams.ok ? teams.value.teams[0] : undefined;
  if (!team) throw new Error('the demo caseload has no teams');
  await trends.chooseTeam(team.name ? `${team.name} (${team.code})` : team.code);
  const one = await app.api('trends:weekly', { weeks: 52, team: team.code });
  if (!one.ok) throw new Error(one.error.message);
  const teamCoverage = await trends.numbers('Oversight coverage of high-risk and MAPPA level 1 cases', 'Oversight coverage by week');
  expect(teamCoverage.at(-1)?.[1]).toBe(String(one.value.weeks.at(-1)?.inScope));
  expect(one.value.weeks.at(-1)?.inScope).toBeLessThan(lastWeek?.inScope ?? 0);
  await app.check('trends-team');
});
