import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headers, minimalExtract } from '../db/testing/extract.js';
import type { App } from './fixture.js';
import { demoCase, ok, openCase } from './demo-case.js';
import { expect, test } from './fixture.js';
import { codeText, speakText } from '../db/contract/words/index.js';
import { CasePage } from './pages/case-page.js';
import { ReviewPage } from './pages/review-page.js';

async function openFlags(app: App, crn: string, rule: 'OVERSIGHT-NEW') {
  const queue = await ok(app.api('flags:queue', { search: crn, rules: [rule] }));
  return queue.rows.filter((r) => r.crn === crn);
}

test('Opening a case explains each flag: the rule, its dates, the evidence and the settings with their basis', async ({ app }) => {
  const crn = await demoCase(app);
  const casePage = await openCase(app, crn);
  const view = await ok(app.api('flags:case', { crn }));
  const { detail } = await ok(app.api('cases:open', { crn }));
  expect(await casePage.heading().textContent()).toBe(detail.name);

  const rule = view.rules.find((r) => r.rule === 'OVERSIGHT-NEW');
  if (!rule) throw new Error('flags:case lost the flag the queue listed');
  const shown = await casePage.shownFlag('OVERSIGHT-NEW');
  expect(shown.title).toBe(`${rule.explanation.title} (OVERSIGHT-NEW)`);
  expect(shown.status).toBe(`Overdue by ${String(rule.daysOverdue)} ${rule.daysOverdue === 1 ? 'day' : 'days'}`);
  expect(shown.dueDate).toBe(rule.dueDate);
  // Dates inside the engine's sentences are spoken ("17 September 2026"), never ISO.
  expect(shown.dueRule).toBe(speakText(rule.explanation.dueRule));
  expect(shown.dueRule).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  expect(shown.reason).toBe(speakText(rule.reason));
  expect(shown.reason).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  for (const e of rule.explanation.evidence) expect(shown.text).toContain(speakText(e.note));
  // Evidence and settings are named in words with the code beside them.
  expect(shown.text).toContain('Allocation date (allocation_date)');
  expect(shown.text).toContain('First SPO oversight of a new case (newCaseOversightDays)');
  for (const s of rule.explanation.settings) expect(shown.text).toContain(s.basisNote);
  // The first-oversight timing is local practice, and the screen says so rather than "national policy".
  expect(shown.text).toContain('Local practice');

  // The page leads with the flags and the decision: the action comes before the snapshot and the timeline.
  expect(await casePage.sectionOrder()).toEqual(['Flags', 'Actions agreed in oversight', 'The case now', 'Oversight reviews', 'Evidence timeline']);

  const timeline = await casePage.timelineRows();
  expect(timeline.length).toBeGreaterThan(0);
  const everyday = detail.timeline.filter((e) => e.evidenceKind === 'other');
  expect(everyday.length).toBeGreaterThan(0);
  // Everyday contacts wait behind their count; the evidence rows name each contact type in words.
  const latest = detail.contactsShown < detail.contactsTotal ? 'the latest ' : '';
  expect(await casePage.everydaySummary()).toBe(`Show ${latest}${everyday.length.toLocaleString('en-GB')} everyday ${everyday.length === 1 ? 'contact' : 'contacts'}`);
  expect(timeline).toHaveLength(detail.timeline.length - everyday.length);
  for (const row of timeline) expect(row[2]).not.toMatch(/not a code the app knows/);
  const registrations = detail.timeline.filter((e) => e.evidenceKind === 'registrations');
  const first = registrations[0];
  if (first) expect(timeline.some((row) => row[2]?.startsWith(codeText('register', first.code)))).toBe(true);
  await app.check('case');
  await casePage.showEveryday();
  const firstEveryday = everyday[0];
  if (!firstEveryday) throw new Error('no everyday contact');
  expect((await casePage.everydayRows())[0]?.[2]).toBe(codeText('contact', firstEveryday.code));

  // The timeline filters by kind, from the keyboard: unticking registrations leaves the other kinds.
  await casePage.toggleTimelineKind('Registrations');
  expect(await casePage.timelineRows()).toHaveLength(detail.timeline.length - everyday.length - registrations.length);
  expect(await casePage.timelineKinds()).not.toContain('registrations');
  await casePage.toggleTimelineKind('Registrations');
  expect(await casePage.timelineRows()).toHaveLength(detail.timeline.length - everyday.length);
});

test('Recording a review: an incomplete form is refused naming each field; a complete one clears the flag; it can be corrected and withdrawn', async ({ app }) => {
  const crn = await demoCase(app);
  const casePage = await openCase(app, crn);
  const today = (await ok(app.api('flags:case', { crn }))).asOf;

  await casePage.recordReview();
  const review = new ReviewPage(app.page);
  await review.waitForForm();
  // An action's owner is chosen from the staff list: the case's practitioner first, then the SPO (issue 15).
  const detail = await ok(app.api('cases:open', { crn }));
  const owners = await app.page.locator('#action-owners option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
  expect(owners.slice(0, 2)).toEqual([`${detail.detail.practitioner.name ?? ''} (${detail.detail.practitioner.staffCode})`, 'Sam Senior (N99S001)']);
  expect(owners.length).toBeGreaterThan(2);
  // Filled in from the case: the type its flag suggests, today, the user, the open flags ticked.
  expect(await review.checked('Type of review')).toEqual(['Allocation oversight']);
  expect(await review.date('Date of review')).toBe(today);
  expect(await review.value('SPO who did the review')).toBe('Sam Senior');
  expect(await review.value('SPO staff code (optional)')).toBe('N99S001');
  expect(await review.checked('What prompted the review')).toContain('First SPO oversight (OVERSIGHT-NEW)');
  expect(await review.date('Next review date (optional)')).not.toBe('');
  await app.check('review-form');

  await review.save();
  expect(await review.errorSummary()).toEqual([
    'Select what you found when you looked at the risk assessment',
    'Select what you found when you looked at the risk management plan',
    'Select what you found when you looked at the police domestic-abuse information',
    "Select what you found when you looked at the children's services information",
    'Select what you found when you looked at the referrals',
    'Enter the decision',
  ]);
  expect(await review.fieldError('decision')).toBe('Enter the decision');
  expect(await app.page.title()).toBe('Error: Record an oversight review – SPO Oversight');
  expect((await ok(app.api('reviews:list', { crn }))).reviews).toEqual([]);
  await app.check('review-errors');

  await review.checkAll();
  await review.choose('Police domestic-abuse information', 'Sought, not available');
  await review.fill('Analysis (optional)', 'New high-risk case; RMP in place and proportionate.');
  await review.fill('Decision', 'Continue weekly reporting; chase the police response.');
  await review.addAction({ text: 'Chase the police domestic-abuse response', owner: 'Practitioner', due: today });
  await review.save();

  expect(await casePage.successBanner()).toContain('Review recorded');
  await casePage.waitForCase(crn);
  expect(await casePage.flag('OVERSIGHT-NEW').count()).toBe(0);
  expect(await openFlags(app, crn, 'OVERSIGHT-NEW')).toEqual([]);
  const recorded = (await ok(app.api('reviews:list', { crn }))).reviews;
  expect(recorded).toHaveLength(1);
  expect(recorded[0]?.current).toMatchObject({ type: 'allocation-oversight', date: today, spo: { name: 'Sam Senior', staffCode: 'N99S001' } });
  expect(recorded[0]?.current.triggers).toContain('OVERSIGHT-NEW');
  await app.check('case-reviewed');

  await casePage.correctReview();
  await review.waitForForm('Correct an oversight review');
  expect(await review.value('Decision')).toBe('Continue weekly reporting; chase the police response.');
  await review.save();
  expect(await review.errorSummary()).toEqual(['Enter the reason for the correction']);
  await review.fill('Decision', 'Continue weekly reporting; chase the police response by Friday.');
  await review.fill('Reason for the correction', 'The deadline agreed with the practitioner was left out.');
  await review.save();
  expect(await casePage.successBanner()).toContain('Review corrected');
  await casePage.waitForCase(crn);
  const [corrected] = await casePage.reviews();
  expect(corrected?.tags).toContain('Version 2');
  expect(corrected?.versions[1]).toContain('Reason: The deadline agreed with the practitioner was left out.');
  // The correction is shown as what changed, old → new, in words (issue 15).
  expect(corrected?.versions[1]).toMatch(/Decision: Continue weekly reporting; chase the police response\.\s*→\s*changed to\s*Continue weekly reporting; chase the police response by Friday\./);

  await casePage.withdrawReview();
  await review.waitForWithdraw();
  await app.check('review-withdraw');
  await review.withdraw();
  expect(await review.errorSummary()).toEqual(['Enter the reason for withdrawing the review']);
  await review.fill('Why are you withdrawing this review?', 'Recorded on the wrong case.');
  await review.withdraw();
  expect(await casePage.successBanner()).toContain('Review withdrawn');
  await casePage.waitForCase(crn);
  const [withdrawn] = await casePage.reviews();
  expect(withdrawn?.tags).toContain('Withdrawn: does not count as evidence');
  expect(withdrawn?.versions[2]).toContain('Reason: Recorded on the wrong case.');
  expect((await ok(app.api('reviews:list', { crn }))).reviews[0]).toMatchObject({ withdrawn: true, countsAsEvidence: false });
  // Withdrawn, it is no longer evidence: the flag it answered is back.
  expect(await casePage.flag('OVERSIGHT-NEW').count()).toBe(1);
});

test('A code the app does not know is shown as itself and says so; the codes it knows read in words', async ({ app }) => {
  await ok(app.api('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' }));
  const files = minimalExtract();
  files['registrations.csv'] = `${headers.registrations}\nX000001,RHRH,,,2026-09-10,2027-03-10,\nX000001,LOCX,,,2026-09-12,,\n`;
  files['contacts.csv'] = `${headers.contacts}\nX000001,1001,2026-09-20,COAP,N99P001\nX000001,1003,2026-09-21,ZZZ1,N99P001\n`;
  const dir = join(app.dir, 'local-codes');
  mkdirSync(dir, { recursive: true });
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  await ok(app.api('import:commit', { paths: [await app.uploadExtract(dir)], skipInvalid: true }));
  const casePage = await openCase(app, 'X000001');
  const registrations = await casePage.registrationRows();
  expect(registrations.map((r) => r[0])).toEqual(['LOCX (not a code the app knows)', 'High RoSH (RHRH)']);
  expect((await casePage.timelineRows()).map((r) => r[2])).toContain('LOCX (not a code the app knows)');
  await casePage.showEveryday();
  expect((await casePage.everydayRows()).map((r) => r[2])).toEqual(['ZZZ1 (not a code the app knows)', 'Office appointment (COAP)']);
  await app.check('case-local-codes');
});

/** The focused element's id and text (the test has no DOM types, so it asks by expression). */
async function focusedId(app: App): Promise<string> {
  const id: unknown = await app.page.evaluate('document.activeElement ? document.activeElement.id : ""');
  return typeof id === 'string' ? id : '';
}
async function focusedText(app: App): Promise<string> {
  const text: unknown = await app.page.evaluate('document.activeElement ? document.activeElement.textContent : ""');
  return typeof text === 'string' ? text : '';
}

/** Presses Tab until the focused element has this id (or gives up), as a keyboard user would. */
async function tabTo(app: App, id: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await app.page.keyboard.press('Tab');
    if ((await focusedId(app)) === id) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

test('Keyboard only: open the form, answer the checks, write the decision and save, with Tab, Space and Enter', async ({ app }) => {
  const crn = await demoCase(app);
  await openCase(app, crn);
  const keys = app.page.keyboard;

  // The record button follows the heading the screen opens on.
  const onButton = () => focusedText(app);
  for (let i = 0; i < 10 && (await onButton()) !== 'Record an oversight review'; i++) await keys.press('Tab');
  expect(await onButton()).toBe('Record an oversight review');
  await keys.press('Enter');

  const review = new ReviewPage(app.page);
  await review.waitForForm();
  for (const item of ['risk-assessment', 'rmp', 'police-da', 'childrens-services', 'referrals']) {
    await tabTo(app, `check-${item}`);
    await keys.press('Space');
  }
  await tabTo(app, 'decision');
  await keys.type('Reviewed at the desk; plan is sound.');
  await tabTo(app, 'contactId');
  for (let i = 0; i < 10; i++) {
    await keys.press('Tab');
    if ((await onButton()) === 'Save the review') break;
  }
  expect(await onButton()).toBe('Save the review');
  await keys.press('Enter');

  const casePage = new CasePage(app.page);
  expect(await casePage.successBanner()).toContain('Review recorded');
  expect(await openFlags(app, crn, 'OVERSIGHT-NEW')).toEqual([]);
  const [saved] = (await ok(app.api('reviews:list', { crn }))).reviews;
  expect(saved?.current.checks.map((c) => c.outcome)).toEqual(['checked', 'checked', 'checked', 'checked', 'checked']);
});
