import { londonToday } from '../db/contract/dates.js';
import { checkItems } from '../db/contract/index.js';
import { expect, test, type App } from './fixture.js';
import { demoCase, ok, openCase } from './demo-case.js';
import { AuditPage } from './pages/audit-page.js';
import { ExportPage } from './pages/export-page.js';
import { FirstRunPage } from './pages/first-run-page.js';
import { classesOf, errorState, type ErrorState } from './pages/govuk-errors.js';
import { ReviewPage } from './pages/review-page.js';
import { SamplePage, SamplesPage } from './pages/sample-page.js';
import { SettingsPage } from './pages/settings-page.js';

// Issue 14, point 3: every form answers an impossible date, an empty required field and an
// over-long text the GOV.UK way: the error summary takes focus at the top, each problem in plain
// words links to its field, and no engine text shows anywhere.

const impossible = '31 2 2026';

async function recordByApi(app: App, crn: string): Promise<void> {
  await ok(
    app.api('reviews:record', {
      crn,
      type: 'allocation-oversight',
      date: londonToday(new Date()),
      spo: { name: 'Sam Senior', staffCode: 'N99S001' },
      triggers: ['OVERSIGHT-NEW'],
      checks: checkItems.map((item) => ({ item, outcome: 'checked' as const })),
      decision: 'Allocation is appropriate.',
    }),
  );
}

/** The GOV.UK error state every form must reach, with these problems in the summary. */
function expectGovukErrors(state: ErrorState, problems: readonly string[]) {
  expect(state.leaks).toEqual([]);
  expect(state.focused).toBe(true);
  expect(state.inView).toBe(true);
  expect(state.summary).toEqual(problems);
  expect(state.targetsExist).toBe(true);
  expect(state.hiddenPrefixes).toBe(true);
  // The inline messages say the same as the summary, beside each field.
  for (const inline of state.inline) expect(problems).toContain(inline);
}

test('Recording a review: an impossible date, an empty decision and an over-long analysis are each named in plain words, and the summary takes focus', async ({ app }) => {
  const crn = await demoCase(app);
  const casePage = await openCase(app, crn);
  await casePage.recordReview();
  const review = new ReviewPage(app.page);
  await review.waitForForm();
  await review.checkAll();
  await review.fillDate('Date of review', impossible);
  await review.fill('Analysis (optional)', 'a'.repeat(20_001));
  await review.addAction({ text: 'Chase the police', owner: 'Practitioner', due: '30 2 2027' });
  // The summary sits thousands of pixels above the button: it must come into view.
  await review.save();
  const state = await errorState(app.page);
  expectGovukErrors(state, [
    'Date of review must be a real date',
    'Analysis must be 20,000 characters or fewer',
    'Enter the decision',
    'Due date of action 1 must be a real date',
  ]);
  // The link lands on the day, the box that is wrong; only it is highlighted.
  expect(state.hrefs[0]).toBe('#date-day');
  expect(await classesOf(app.page, 'date-day')).toContain('govuk-input--error');
  expect(await classesOf(app.page, 'date-month')).not.toContain('govuk-input--error');
  expect(await app.page.title()).toBe('Error: Record an oversight review – SPO Oversight');
  await app.check('forms-review-record');

  // The engine refuses the impossible date itself, and says so in the same plain words for the field.
  const refused = await app.api('reviews:record', { crn, type: 'management-oversight', date: '2026-02-31', spo: { name: 'Sam' }, decision: 'd' });
  expect(refused.ok ? [] : refused.error.fields).toEqual([{ field: 'date', message: 'Date of review must be a real date' }]);

  // A date with a part missing names the part.
  await review.fillDate('Date of review', '3  2026');
  await review.save();
  const missingMonth = await errorState(app.page);
  expect(missingMonth.summary[0]).toBe('Date of review must include a month');
  expect(missingMonth.hrefs[0]).toBe('#date-month');
  expect(missingMonth.focused).toBe(true);
});

test('Correcting a review: the form’s own problems and the engine’s refusal both take focus at the top, in plain words', async ({ app }) => {
  const crn = await demoCase(app);
  await recordByApi(app, crn);
  const casePage = await openCase(app, crn);
  await casePage.correctReview();
  const review = new ReviewPage(app.page);
  await review.waitForForm('Correct an oversight review');
  await review.fillDate('Date of review', impossible);
  await review.fill('Decision', 'd'.repeat(20_001));
  await review.save();
  expectGovukErrors(await errorState(app.page), ['Date of review must be a real date', 'Decision must be 20,000 characters or fewer', 'Enter the reason for the correction']);
  await app.check('forms-review-correct');

  // A correction the engine refuses (it changes nothing): the problem at the top takes focus.
  await review.fillDate('Date of review', londonToday(new Date()));
  await review.fill('Decision', 'Allocation is appropriate.');
  await review.fill('Reason for the correction', 'Checking the record.');
  await review.save();
  const refused = await errorState(app.page);
  expect(refused.leaks).toEqual([]);
  expect(refused.focused).toBe(true);
  expect(refused.inView).toBe(true);
  expect(refused.summary).toEqual(['The correction changes nothing. Change the parts that were wrong, then save it.']);
  await app.check('forms-review-correct-refused');
});

test('Withdrawing a review: an empty and an over-long reason are named in plain words and the summary takes focus', async ({ app }) => {
  const crn = await demoCase(app);
  await recordByApi(app, crn);
  const casePage = await openCase(app, crn);
  await casePage.withdrawReview();
  const review = new ReviewPage(app.page);
  await review.waitForWithdraw();
  await review.withdraw();
  expectGovukErrors(await errorState(app.page), ['Enter the reason for withdrawing the review']);
  await review.fill('Why are you withdrawing this review?', 'r'.repeat(2001));
  await review.withdraw();
  expectGovukErrors(await errorState(app.page), ['Reason must be 2,000 characters or fewer']);
  await app.check('forms-review-withdraw');
});

test('Exporting the log: impossible dates, an empty purpose and an over-long recipient are named in plain words', async ({ app }) => {
  await demoCase(app);
  await app.page.reload();
  const exporter = new ExportPage(app.page);
  await exporter.goTo('Export the log');
  await exporter.waitForIt();
  await exporter.fill({ from: impossible, to: '1 13 2026', recipient: 'r'.repeat(121) });
  await exporter.submit();
  const state = await errorState(app.page);
  expectGovukErrors(state, ['Start date must be a real date', 'End date must be a real date', 'Enter why the log is being disclosed', 'Who the log is for must be 120 characters or fewer']);
  expect(state.hrefs.slice(0, 2)).toEqual(['#export-from-day', '#export-to-month']);
  expect(await classesOf(app.page, 'export-to-month')).toContain('govuk-input--error');
  expect(await classesOf(app.page, 'export-to-day')).not.toContain('govuk-input--error');
  await app.check('forms-export');

  // Following a link to correct a box, then typing, keeps the user there: the summary takes focus
  // after a submit, not every time the form redraws.
  await app.page.getByRole('link', { name: 'Start date must be a real date' }).click();
  await app.page.keyboard.type('28', { delay: 20 });
  expect(await app.page.evaluate('document.activeElement && document.activeElement.id')).toBe('export-from-day');
  await exporter.submit();
  expect((await errorState(app.page)).focused).toBe(true);
});

test('Filtering the audit log: an impossible date, a date without its year and an over-long user are named in plain words', async ({ app }) => {
  await demoCase(app);
  await app.page.reload();
  const audit = new AuditPage(app.page);
  await audit.goTo('Audit log');
  await audit.waitForIt();
  await audit.filter({ user: 'u'.repeat(201), from: impossible, to: '1 3 ' });
  const state = await errorState(app.page);
  expectGovukErrors(state, ['User must be 200 characters or fewer', 'From date must be a real date', 'To date must include a year']);
  expect(state.hrefs).toEqual(['#audit-user', '#audit-from-day', '#audit-to-year']);
  await app.check('forms-audit');
});

test('Drawing a QA sample: an empty size, an impossible date, an empty date and an over-long team code are named in plain words', async ({ app }) => {
  await demoCase(app);
  await app.page.reload();
  const samples = new SamplesPage(app.page);
  await samples.goTo('QA samples');
  await samples.waitForIt();
  await samples.draw({ size: '', from: impossible, to: '', team: 'T'.repeat(21) });
  expectGovukErrors(await errorState(app.page), [
    'Enter how many reviews to sample, from 1 to 500',
    'First review date must be a real date',
    'Enter the last review date',
    'Team code must be 20 characters or fewer',
  ]);
  await app.check('forms-sample-draw');

  // No review in the dates: the engine's refusal, in plain words, takes focus.
  await samples.draw({ size: '3', from: '1 1 2020', to: '2 1 2020', team: '' });
  const none = await errorState(app.page);
  expect(none.leaks).toEqual([]);
  expect(none.focused).toBe(true);
  expect(none.summary).toEqual(['There are no reviews that count as evidence between these dates. Choose other dates or another team.']);
});

test('Re-reading a QA sample item: an empty outcome and an over-long note are named in plain words', async ({ app }) => {
  const crn = await demoCase(app);
  await recordByApi(app, crn);
  const today = londonToday(new Date());
  await ok(app.api('sample:create', { size: 1, from: today, to: today, seed: 1 }));
  await app.page.reload();
  const samples = new SamplesPage(app.page);
  await samples.goTo('QA samples');
  await samples.waitForIt();
  await app.page.getByRole('link', { name: 'Sample 1' }).click();
  const sample = new SamplePage(app.page);
  await sample.waitForIt(1);
  // Sam Senior recorded the review: it needs another reader, and the form is not offered (issue 15).
  await app.page.getByText('Needs another reader').waitFor();
  await sample.reRead(1);
  await app.page.locator('[data-field="own-review"]').waitFor();
  expect(await app.page.getByRole('button', { name: 'Record the re-reading' }).count()).toBe(0);
  const own = await app.api('sample:record', { sampleId: 1, position: 1, checks: [], outcome: 'good' });
  expect(own.ok ? null : own.error.code).toBe('forbidden');
  await app.check('sample-own-review');
  // The head of PDU re-reads it.
  await ok(app.api('profile:set', { name: 'Pat Head', staffCode: 'N99S002', teamCode: 'N99T01' }));
  await app.page.reload();
  await samples.goTo('QA samples');
  await samples.waitForIt();
  await app.page.getByRole('link', { name: 'Sample 1' }).click();
  await sample.waitForIt(1);
  await sample.reRead(1);
  await app.page.getByRole('heading', { name: 'The review as recorded' }).waitFor();
  await sample.note('n'.repeat(20_001));
  await sample.record();
  expectGovukErrors(await errorState(app.page), ['Select an outcome for this review', 'Note must be 20,000 characters or fewer']);
  await app.check('forms-sample-item');
});

test('First run and change user: empty, over-long and wrongly written answers are named in plain words', async ({ app }) => {
  const firstRun = new FirstRunPage(app.page);
  await firstRun.waitForIt();
  await firstRun.fill({ name: '', staffCode: 'N'.repeat(21), teamCode: 'N99 T01' });
  await firstRun.continue();
  expectGovukErrors(await errorState(app.page), [
    'Enter your full name',
    'Staff code must be 20 characters or fewer',
    'Team code must only include letters and numbers, like N99T01',
  ]);
  await app.check('forms-first-run');

  await firstRun.fill({ name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' });
  await firstRun.continue();
  await app.page.getByRole('link', { name: /Change user/ }).click();
  await firstRun.waitForHeading('Change who is using SPO Oversight');
  await firstRun.fill({ name: 'n'.repeat(201), staffCode: '', teamCode: 'N99T01' });
  await app.page.getByRole('button', { name: 'Save and return to the queue' }).click();
  expectGovukErrors(await errorState(app.page), ['Full name must be 200 characters or fewer', 'Enter your staff code']);
  await app.check('forms-change-user');
});

test('Changing a setting: an empty reason is named in plain words and the summary takes focus', async ({ app }) => {
  await app.api('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' });
  await app.page.reload();
  const settings = new SettingsPage(app.page);
  await settings.open();
  await settings.change('oversightIntervalDays');
  await settings.fill('', ' ');
  await settings.save();
  expectGovukErrors(await errorState(app.page), ['Enter why the setting is being changed']);
  await app.check('forms-settings');
});
