import { describe, expect, it } from 'vitest';
import type { CaseFlagsView, CaseRuleResult, Profile, SettingView } from '../../../../db/contract/index.js';
import { addDays, isIsoDate, londonToday } from '../../../../db/contract/dates.js';
import { noChecks, type CheckRows } from './check-form.js';
import { changeType, fieldFor, prefillAmend, prefillRecord, serviceErrors, summaryOf, suggestType, toAmendInput, toRecordInput, validate, type EditableVersion, type ReviewFormValues } from './form.js';

/** The boxes of a date input as typed: `d('31 2 2026')`. */
const d = (typed: string) => {
  const [day = '', month = '', year = ''] = typed.split(' ');
  return { day, month, year };
};
const none = { day: '', month: '', year: '' };

const profile: Profile = { osUser: 'spo', name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01', updatedAt: '2026-11-20T10:00:00Z' };
const settings = [
  { key: 'oversightIntervalDays', value: 84 },
  { key: 'mappaL1ReviewDays', value: 112 },
] as const satisfies readonly Pick<SettingView, 'key' | 'value'>[];
const settingViews: SettingView[] = settings.map((s) => ({ ...s, default: s.value, isDefault: true, unit: 'days', description: '', basis: 'inference', basisNote: '' }));

function rule(r: CaseRuleResult['rule'], status: CaseRuleResult['status']): CaseRuleResult {
  return {
    rule: r,
    status,
    dueDate: '2026-10-02',
    reason: '',
    explanation: { rule: r, title: '', dueDate: '2026-10-02', dueRule: '', evidence: [], settings: [], basis: 'local practice', basisNote: '' },
  };
}
function flags(rules: CaseRuleResult[]): CaseFlagsView {
  return {
    asOf: '2026-11-23',
    crn: 'X000001',
    name: 'Ann Example',
    inCaseload: true,
    staffCode: 'N99P001',
    staffName: 'Pat Example',
    teamCode: 'N99T01',
    status: { effectiveRosh: 'HIGH', roshSource: 'registration', highRisk: true, highRiskSince: '2026-09-10', mappaLevel: null, mappaSince: null, inScopeSince: '2026-09-10' },
    rules,
    notEvaluated: [],
  };
}

/** Every check answered with an outcome and nothing else. */
function answered(outcomes: Partial<Record<keyof CheckRows, CheckRows[keyof CheckRows]['outcome']>>): CheckRows {
  const rows = noChecks();
  for (const [item, outcome] of Object.entries(outcomes) as [keyof CheckRows, CheckRows[keyof CheckRows]['outcome']][]) rows[item] = { ...rows[item], outcome };
  return rows;
}

const complete = (over: Partial<ReviewFormValues> = {}): ReviewFormValues => ({
  ...prefillRecord(flags([rule('OVERSIGHT-NEW', 'overdue')]), profile, '2026-11-23', settingViews),
  checks: answered({ 'risk-assessment': 'checked', rmp: 'checked', 'police-da': 'not-available', 'childrens-services': 'not-applicable', referrals: 'checked' }),
  decision: 'Continue.',
  ...over,
});

describe('filling in a review from the case', () => {
  it('suggests the type from the flag it answers', () => {
    expect(suggestType(['ROSH-STALE', 'OVERSIGHT-NEW'])).toBe('allocation-oversight');
    expect(suggestType(['MAPPA-L1-REVIEW'])).toBe('mappa-l1-review');
    expect(suggestType(['OVERSIGHT-OVERDUE'])).toBe('management-oversight');
    expect(suggestType([])).toBe('management-oversight');
  });

  it('ticks the open flags, dates it today, names the user and suggests the next review and contact code', () => {
    const v = prefillRecord(flags([rule('MAPPA-L1-REVIEW', 'overdue'), rule('ROSH-STALE', 'due-soon'), rule('REGISTRATION-REVIEW', 'not-due')]), profile, '2026-11-23', settingViews);
    expect(v).toMatchObject({
      type: 'mappa-l1-review',
      date: d('23 11 2026'),
      spoName: 'Sam Senior',
      spoStaffCode: 'N99S001',
      triggers: ['MAPPA-L1-REVIEW', 'ROSH-STALE'],
      nextReviewDate: d('15 3 2027'),
      contactCode: 'C281',
    });
  });

  it('changes the suggestions with the type, but never what the user typed', () => {
    const v = prefillRecord(flags([rule('OVERSIGHT-OVERDUE', 'overdue')]), profile, '2026-11-23', settingViews);
    expect(changeType(v, 'mappa-l1-review', settingViews)).toMatchObject({ contactCode: 'C281', nextReviewDate: d('15 3 2027') });
    const typed = { ...v, contactCode: 'CSPO', nextReviewDate: d('1 1 2027') };
    expect(changeType(typed, 'mappa-l1-review', settingViews)).toMatchObject({ contactCode: 'CSPO', nextReviewDate: d('1 1 2027') });
  });

  it('fills a correction from the current version, keeping check notes', () => {
    const version = {
      type: 'management-oversight',
      date: '2026-11-20',
      spo: { name: 'Sam Senior', staffCode: null },
      triggers: ['OVERSIGHT-NEW'],
      checks: [{ item: 'police-da', outcome: 'not-available', note: 'asked on 18 Nov', requestedOn: '2026-11-18', responseOn: null, referrals: [], enter: [] }],
      analysis: 'A',
      decision: 'D',
      actions: [{ text: 'Chase', owner: 'Pat', due: '2026-12-04' }],
      nextReviewDate: null,
      ndelius: { contactCode: 'MO1', contactId: null },
    } satisfies EditableVersion;
    const v = prefillAmend(version);
    expect(v).toMatchObject({
      date: d('20 11 2026'),
      spoStaffCode: '',
      checks: { 'police-da': { outcome: 'not-available', note: 'asked on 18 Nov', requestedOn: d('18 11 2026'), responseOn: none }, rmp: { outcome: '' } },
      nextReviewDate: none,
      contactCode: 'MO1',
      reason: '',
    });
    expect(v.actions[0]?.due).toEqual(d('4 12 2026'));
    expect(toAmendInput(1, { ...v, reason: ' typo ' })).toMatchObject({
      id: 1,
      reason: 'typo',
      checks: [{ item: 'police-da', outcome: 'not-available', note: 'asked on 18 Nov', requestedOn: '2026-11-18' }],
      date: '2026-11-20',
      actions: [{ text: 'Chase', owner: 'Pat', due: '2026-12-04' }],
      nextReviewDate: null,
      ndeliusContactId: null,
      spo: { name: 'Sam Senior' },
    });
  });
});

describe('checking the form', () => {
  it('lists every missing answer at once, in the order of the form', () => {
    const v = { ...complete(), type: '' as const, date: none, spoName: ' ', decision: '', checks: { ...complete().checks, rmp: noChecks().rmp } };
    expect([...validate(v, 'record', '2026-11-23')]).toEqual([
      ['type', 'Select the type of review'],
      ['date', 'Enter the date of review'],
      ['spoName', 'Enter the name of the SPO who did the review'],
      ['check-rmp', 'Select what you found when you looked at the risk management plan'],
      ['decision', 'Enter the decision'],
    ]);
  });

  it('refuses a future review date, dates before the review, an empty action and a correction without a reason', () => {
    const v = complete({
      date: d('20 11 2026'),
      nextReviewDate: d('1 11 2026'),
      actions: [
        { key: 0, text: '', owner: 'Pat', due: d('19 11 2026') },
        { key: 1, text: 'x', owner: '', due: d('30 2 2026') },
      ],
    });
    expect([...validate(v, 'amend', '2026-11-23')]).toEqual([
      ['action-0-text', 'Enter what action 1 is'],
      ['action-0-due', 'Action 1 must be due on or after the date of review'],
      ['action-1-owner', 'Enter who owns action 2'],
      ['action-1-due', 'Due date of action 2 must be a real date'],
      ['nextReviewDate', 'Next review date must be on or after the date of review'],
      ['reason', 'Enter the reason for the correction'],
    ]);
    expect(validate(complete({ date: d('24 11 2026') }), 'record', '2026-11-23').get('date')).toBe('Date of review must be today or in the past');
  });

  it('says 31 February is not a real date, rather than asking for a date, and links the summary to the wrong box', () => {
    const errors = validate(complete({ date: d('31 2 2026') }), 'record', '2026-11-23');
    expect(errors.get('date')).toBe('Date of review must be a real date');
    expect(summaryOf(errors)).toEqual([{ href: '#date-day', text: 'Date of review must be a real date' }]);
    const noMonth = validate(complete({ date: d('3  2026') }), 'record', '2026-11-23');
    expect(summaryOf(noMonth)).toEqual([{ href: '#date-month', text: 'Date of review must include a month' }]);
  });

  it('refuses over-long text with the limit in GOV.UK words', () => {
    const errors = validate(complete({ decision: 'x'.repeat(20_001), spoName: 'y'.repeat(201) }), 'record', '2026-11-23');
    expect(errors.get('decision')).toBe('Decision must be 20,000 characters or fewer');
    expect(errors.get('spoName')).toBe('SPO name must be 200 characters or fewer');
  });

  it('sends what the contract accepts, leaving empty optional fields to their defaults', () => {
    const input = toRecordInput('X000001', complete({ contactCode: '', nextReviewDate: none }));
    expect(input.date).toBe('2026-11-23');
    expect(input).not.toHaveProperty('ndeliusContactCode');
    expect(input).not.toHaveProperty('nextReviewDate');
    expect(input.checks).toHaveLength(5);
    expect(validate(complete(), 'record', '2026-11-23').size).toBe(0);
  });

  it('puts the service’s refusal on the field it names', () => {
    const v = complete({ actions: [{ key: 0, text: 'x', owner: 'y', due: d('1 12 2026') }] });
    expect(fieldFor('date', v)).toBe('date');
    expect(fieldFor('spo.name', v)).toBe('spoName');
    expect(fieldFor('actions.0.due', v)).toBe('action-0-due');
    expect(fieldFor('checks.1.outcome', v)).toBe('check-rmp');
    expect(fieldFor('ndeliusContactCode', v)).toBe('contactCode');
    expect(fieldFor('crn', v)).toBeNull();
  });

  it('shows the service’s refusals in the form’s words, never the engine’s', () => {
    const v = complete();
    const future = serviceErrors({ code: 'invalid-input', field: 'date', message: 'date: 2026-12-01 is in the future (today is 2026-11-30 in Europe/London)' }, v);
    expect([...future.fields]).toEqual([['date', 'Date of review must be today or in the past']]);
    const schema = serviceErrors(
      { code: 'invalid-input', field: 'date', message: 'date: not a calendar date', fields: [{ field: 'date', message: 'Date of review must be a real date' }] },
      v,
    );
    expect([...schema.fields]).toEqual([['date', 'Date of review must be a real date']]);
    const nothing = serviceErrors({ code: 'invalid-input', field: 'id', message: 'id: the amendment changes nothing in review 3; give the fields to correct' }, v);
    expect(nothing.fields.size).toBe(0);
    expect(nothing.problem).toBe('The correction changes nothing. Change the parts that were wrong, then save it.');
  });
});

describe('dates', () => {
  it('reads today in London and adds days across month ends', () => {
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(addDays('2026-11-23', 84)).toBe('2027-02-15');
    expect([isIsoDate('2026-02-29'), isIsoDate('2028-02-29'), isIsoDate('23/11/2026')]).toEqual([false, true, false]);
  });
});
