import { londonToday, spokenDate } from '../db/contract/dates.js';
import { plusDays } from '../db/rules/days.js';
import type { App } from './fixture.js';
import { ok, openCase } from './demo-case.js';
import { expect, test } from './fixture.js';
import { fillDate } from './pages/date-input.js';
import { errorState } from './pages/govuk-errors.js';
import { ReviewPage } from './pages/review-page.js';

const openRows = (app: App) => app.page.getByRole('region', { name: 'Open actions' }).locator('tbody tr');

test('Actions agreed in oversight: an overdue action flags the case, is marked done on its own page, and another is dropped with a reason', async ({ app }) => {
  await ok(app.api('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' }));
  await ok(app.api('demo:load', { seed: 1 }));
  const queue = await ok(app.api('flags:queue', { rules: ['OVERSIGHT-NEW'], status: 'overdue', limit: 1 }));
  const crn = queue.rows[0]?.crn ?? '';
  const today = londonToday(new Date());
  // A review a week ago agreed two actions: one due yesterday (overdue now), one due next week.
  await ok(
    app.api('reviews:record', {
      crn,
      type: 'allocation-oversight',
      date: plusDays(today, -7),
      spo: { name: 'Sam Senior', staffCode: 'N99S001' },
      triggers: ['OVERSIGHT-NEW'],
      checks: [{ item: 'police-da', outcome: 'action-needed', note: 'Requested from the police' }],
      decision: 'Request the police information and refer to the drug service.',
      actions: [
        { text: 'Request the police DA call-outs', owner: 'Connor Dunmere', due: plusDays(today, -1) },
        { text: 'Refer to the drug service', owner: 'Sam Senior', due: plusDays(today, 7) },
      ],
    }),
  );
  const flagged = await ok(app.api('flags:queue', { rules: ['ACTION-OVERDUE'], status: 'overdue', search: crn }));
  expect(flagged.rows.map((r) => [r.crn, r.rule, r.daysOverdue])).toEqual([[crn, 'ACTION-OVERDUE', 1]]);

  await openCase(app, crn);
  await expect.poll(() => app.page.locator('[data-field="actions-summary"]').textContent()).toBe('2 open actions, 1 overdue.');
  expect(await openRows(app).locator('td').first().textContent()).toBe('Request the police DA call-outs');
  expect(await openRows(app).first().getByText('Overdue').count()).toBe(1);
  await app.check('case-actions');

  // Marked done on a page of its own: the date is required, and the summary takes focus.
  await app.page.getByRole('link', { name: /^Mark as done\W+Request the police DA call-outs$/ }).click();
  await app.page.getByRole('heading', { level: 1, name: 'Mark an action as done' }).waitFor();
  await app.page.getByRole('button', { name: 'Mark as done' }).click();
  const state = await errorState(app.page);
  expect(state.summary).toEqual(['Enter the date the action was done']);
  expect(state.focused).toBe(true);
  expect(state.leaks).toEqual([]);
  await fillDate(app.page, 'Date it was done', today);
  await app.page.getByLabel('How it was done (optional)').fill('Two call-outs found; shared with the practitioner');
  await app.page.getByRole('button', { name: 'Mark as done' }).click();
  await app.page.getByRole('heading', { name: 'Action marked done' }).waitFor();
  await expect.poll(() => app.page.locator('[data-field="actions-summary"]').textContent()).toBe('1 open action.');
  expect((await ok(app.api('flags:queue', { rules: ['ACTION-OVERDUE'], status: 'overdue', search: crn }))).total).toBe(0);

  // Dropped: a reason is required.
  await app.page.getByRole('link', { name: /^Drop\W+Refer to the drug service$/ }).click();
  await app.page.getByRole('heading', { level: 1, name: 'Drop an action' }).waitFor();
  await fillDate(app.page, 'Date it was dropped', today);
  await app.page.getByRole('button', { name: 'Drop the action' }).click();
  expect((await errorState(app.page)).summary).toEqual(['Enter why the action is no longer needed']);
  await app.check('action-drop-errors');
  await app.page.getByLabel('Why is the action no longer needed?').fill('He has moved to another area');
  await app.page.getByRole('button', { name: 'Drop the action' }).click();
  await app.page.getByRole('heading', { name: 'Action dropped' }).waitFor();
  await expect.poll(() => app.page.locator('[data-field="actions-summary"]').textContent()).toBe('Every action is done or dropped.');
  await app.page.getByText('Show 2 actions done or dropped').click();
  await app.page.getByText('Why: He has moved to another area').waitFor();

  // Both events are in the audit log; the review itself has one version still.
  const audit = await ok(app.api('audit:list', { crn }));
  expect(audit.entries.filter((e) => e.op === 'actions:done' || e.op === 'actions:drop').map((e) => e.op)).toEqual(['actions:drop', 'actions:done']);
  const reviews = await ok(app.api('reviews:list', { crn }));
  expect(reviews.reviews[0]?.versions).toHaveLength(1);
});

test('A review through the form records the police check as requested with its date, each need’s referral and an action; the flag says what is recorded and what clears it; a week later the action is marked done', async ({ app }) => {
  await ok(app.api('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' }));
  await ok(app.api('demo:load', { seed: 1 }));
  // A case whose police check is overdue; one whose referral flag names needs, when there is one.
  const flagged = await ok(app.api('flags:queue', { rules: ['DA-POLICE-CHECK'], status: 'overdue', limit: 60 }));
  let crn = flagged.rows[0]?.crn ?? '';
  let needs: string[] = [];
  for (const row of flagged.rows) {
    const referral = (await ok(app.api('flags:case', { crn: row.crn }))).rules.find((r) => r.rule === 'NEED-REFERRAL');
    if (!referral) continue;
    crn = row.crn;
    needs = referral.explanation.evidence.filter((e) => e.source === 'need').map((e) => e.code);
    break;
  }
  const today = londonToday(new Date());
  const weekAgo = plusDays(today, -7);

  const casePage = await openCase(app, crn);
  await casePage.recordReview();
  const review = new ReviewPage(app.page);
  await review.waitForForm();
  await review.fillDate('Date of review', weekAgo);
  await review.checkAll();
  await review.choose('Police domestic-abuse information', 'Requested: awaiting the response');
  const police = app.page.locator('.spo-check__details[data-check="police-da"]');
  // Awaiting the response, the request date is required and the response date is not asked.
  expect(await police.getByRole('group', { name: 'Response received on' }).count()).toBe(0);
  await review.save();
  expect((await errorState(app.page)).summary).toContain('Enter the date the police domestic-abuse information was requested');
  await fillDate(police, 'Requested on', weekAgo);
  await police.getByLabel('Outcome (optional)').fill('Asked the police for call-outs in the last two years');
  for (const need of needs) {
    const answer = app.page.locator(`.spo-referral[data-need="${need}"]`);
    await answer.getByLabel('Referred', { exact: true }).check();
    await answer.getByLabel('Service referred to').fill('Forward Trust');
    await fillDate(answer, 'Date of the referral', weekAgo);
  }
  await review.fill('Decision', 'Police information requested; chase it with the practitioner.');
  await review.addAction({ text: 'Chase the police for the call-outs', owner: 'Sam Senior (N99S001)', due: plusDays(weekAgo, 3) });
  await app.check('review-police-requested');
  await review.save();
  expect(await casePage.successBanner()).toContain('Review recorded');
  await casePage.waitForCase(crn);

  // The flag stays, and says what was recorded and what clears it.
  const card = app.page.locator('[data-rule="DA-POLICE-CHECK"]');
  await expect
    .poll(() => card.locator('[data-field="recorded-check"]').textContent())
    .toMatch(
      new RegExp(
        `^Recorded in review on ${spokenDate(weekAgo)}: police domestic-abuse information requested on ${spokenDate(weekAgo)}, response awaited\\. This flag clears when the nDelius contact \\(Police domestic-abuse enquiry (requested \\(C369\\)|response \\(C515\\)).*\\) reaches the next imported extract\\.$`,
      ),
    );
  expect(await card.locator('.govuk-tag').first().textContent()).toMatch(/^Overdue/);
  // The review says which nDelius contacts to enter, dated.
  const saved = app.page.locator('li[data-check="police-da"]').first();
  expect(await saved.textContent()).toContain(`Enter in nDelius: Police domestic-abuse enquiry requested (C369) dated ${spokenDate(weekAgo)}`);
  if (needs.length) expect(await app.page.locator('li[data-check="referrals"]').first().textContent()).toContain(`referred to Forward Trust on ${spokenDate(weekAgo)}`);
  const queue = await ok(app.api('flags:queue', { rules: ['DA-POLICE-CHECK'], search: crn }));
  expect(queue.rows[0]?.flags[0]?.recorded).toMatchObject({ item: 'police-da', outcome: 'requested', reviewDate: weekAgo, requestedOn: weekAgo, responseOn: null });
  await app.check('case-recorded-check');

  // A week after the review the action, overdue since, is marked done today.
  expect((await ok(app.api('flags:queue', { rules: ['ACTION-OVERDUE'], status: 'overdue', search: crn }))).total).toBe(1);
  await app.page.getByRole('link', { name: /^Mark as done\W+Chase the police for the call-outs$/ }).click();
  await app.page.getByRole('heading', { level: 1, name: 'Mark an action as done' }).waitFor();
  await fillDate(app.page, 'Date it was done', today);
  await app.page.getByRole('button', { name: 'Mark as done' }).click();
  await app.page.getByRole('heading', { name: 'Action marked done' }).waitFor();
  expect((await ok(app.api('flags:queue', { rules: ['ACTION-OVERDUE'], status: 'overdue', search: crn }))).total).toBe(0);
  const [tracked] = (await ok(app.api('actions:list', { crn }))).actions;
  expect(tracked).toMatchObject({ status: 'done', closed: { date: today } });
});
