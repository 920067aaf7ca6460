import { describe, expect, it } from 'vitest';
import type { CaseFlagsView, CaseRuleResult, Profile, SettingView } from '../../../../db/contract/index.js';
import { addDays, isIsoDate, londonToday } from '../../../../db/contract/dates.js';
import { changeType, fieldFor, prefillAmend, prefillRecord, serviceMessage, suggestType, toAmendInput, toRecordInput, validate, type EditableVersion, type ReviewFormValues } from './form.js';

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

const complete = (over: Partial<ReviewFormValues> = {}): ReviewFormValues => ({
  ...prefillRecord(flags([rule('OVERSIGHT-NEW', 'overdue')]), profile, '2026-11-23', settingViews),
  checks: { 'risk-assessment': 'checked', rmp: 'checked', 'police-da': 'not-available', 'childrens-services': 'not-applicable', referrals: 'checked' },
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
      date: '2026-11-23',
      spoName: 'Sam Senior',
      spoStaffCode: 'N99S001',
      triggers: ['MAPPA-L1-REVIEW', 'ROSH-STALE'],
      nextReviewDate: '2027-03-15',
      contactCode: 'C281',
    });
  });

  it('changes the suggestions with the type, but never what the user typed', () => {
    const v = prefillRecord(flags([rule('OVERSIGHT-OVERDUE', 'overdue')]), profile, '2026-11-23', settingViews);
    expect(changeType(v, 'mappa-l1-review', settingViews)).toMatchObject({ contactCode: 'C281', nextReviewDate: '2027-03-15' });
    const typed = { ...v, contactCode: 'CSPO', nextReviewDate: '2027-01-01' };
    expect(changeType(typed, 'mappa-l1-review', settingViews)).toMatchObject({ contactCode: 'CSPO', nextReviewDate: '2027-01-01' });
  });

  it('fills a correction from the current version, keeping check notes', () => {
    const version = {
      type: 'management-oversight',
      date: '2026-11-20',
      spo: { name: 'Sam Senior', staffCode: null },
      triggers: ['OVERSIGHT-NEW'],
      checks: [{ item: 'police-da', outcome: 'not-available', note: 'asked on 18 Nov' }],
      analysis: 'A',
      decision: 'D',
      actions: [{ text: 'Chase', owner: 'Pat', due: '2026-12-04' }],
      nextReviewDate: null,
      ndelius: { contactCode: 'MO1', contactId: null },
    } satisfies EditableVersion;
    const v = prefillAmend(version);
    expect(v).toMatchObject({ spoStaffCode: '', checks: { 'police-da': 'not-available', rmp: '' }, nextReviewDate: '', contactCode: 'MO1', reason: '' });
    expect(toAmendInput(1, { ...v, reason: ' typo ' })).toMatchObject({
      id: 1,
      reason: 'typo',
      checks: [{ item: 'police-da', outcome: 'not-available', note: 'asked on 18 Nov' }],
      nextReviewDate: null,
      ndeliusContactId: null,
      spo: { name: 'Sam Senior' },
    });
  });
});

describe('checking the form', () => {
  it('lists every missing answer at once, in the order of the form', () => {
    const v = { ...complete(), type: '' as const, date: '', spoName: ' ', decision: '', checks: { ...complete().checks, rmp: '' as const } };
    expect([...validate(v, 'record', '2026-11-23')]).toEqual([
      ['type', 'Select the type of review'],
      ['date', 'Enter the date of the review'],
      ['spoName', 'Enter the name of the SPO who did the review'],
      ['check-rmp', 'Select what you found when you looked at the risk management plan'],
      ['decision', 'Enter the decision'],
    ]);
  });

  it('refuses a future review date, dates before the review, an empty action and a correction without a reason', () => {
    const v = complete({
      date: '2026-11-20',
      nextReviewDate: '2026-11-01',
      actions: [
        { key: 0, text: '', owner: 'Pat', due: '2026-11-19' },
        { key: 1, text: 'x', owner: '', due: '2026-02-30' },
      ],
    });
    expect([...validate(v, 'amend', '2026-11-23')]).toEqual([
      ['action-0-text', 'Enter what action 1 is'],
      ['action-0-due', 'Action 1 must be due on or after the date of the review'],
      ['action-1-owner', 'Enter who owns action 2'],
      ['action-1-due', 'Due date of action 2 must be a real date'],
      ['nextReviewDate', 'Next review date must be on or after the date of the review'],
      ['reason', 'Enter the reason for the correction'],
    ]);
    expect(validate(complete({ date: '2026-11-24' }), 'record', '2026-11-23').get('date')).toBe('Date of the review must be today or in the past');
  });

  it('sends what the contract accepts, leaving empty optional fields to their defaults', () => {
    const input = toRecordInput('X000001', complete({ contactCode: '', nextReviewDate: '' }));
    expect(input).not.toHaveProperty('ndeliusContactCode');
    expect(input).not.toHaveProperty('nextReviewDate');
    expect(input.checks).toHaveLength(5);
    expect(validate(complete(), 'record', '2026-11-23').size).toBe(0);
  });

  it('puts the service’s refusal on the field it names', () => {
    const v = complete({ actions: [{ key: 0, text: 'x', owner: 'y', due: '2026-12-01' }] });
    expect(fieldFor('date', v)).toBe('date');
    expect(fieldFor('spo.name', v)).toBe('spoName');
    expect(fieldFor('actions.0.due', v)).toBe('action-0-due');
    expect(fieldFor('checks.1.outcome', v)).toBe('check-rmp');
    expect(fieldFor('ndeliusContactCode', v)).toBe('contactCode');
    expect(fieldFor('crn', v)).toBeNull();
    expect(serviceMessage({ code: 'invalid-input', field: 'date', message: 'date: 2026-12-01 is in the future' })).toBe('2026-12-01 is in the future');
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
