import { describe, expect, it } from 'vitest';
import { reviewRecordInput, type CaseFlagsView, type CaseRuleResult } from '../../../../db/contract/index.js';
import { FieldErrors } from './form.js';
import { checkFieldFor, checkRowsOf, checksInput, newReferral, noChecks, referralNeeds, validateChecks, type CheckRows, type ReferralRow } from './check-form.js';

const d = (typed: string) => {
  const [day = '', month = '', year = ''] = typed.split(' ');
  return { day, month, year };
};
const none = { day: '', month: '', year: '' };
const today = '2026-11-23';

function allChecked(): CheckRows {
  const rows = noChecks();
  for (const item of Object.keys(rows) as (keyof CheckRows)[]) rows[item] = { ...rows[item], outcome: 'checked' };
  return rows;
}
function problems(checks: CheckRows, referrals: ReferralRow[] = []): [string, string][] {
  const e = new FieldErrors();
  validateChecks(e, checks, referrals, today);
  return [...e];
}

describe('a check asked of someone', () => {
  it('needs the request date while the response is awaited, and never sends a response date then', () => {
    const checks = { ...allChecked(), 'police-da': { outcome: 'requested' as const, note: '', requestedOn: none, responseOn: d('20 11 2026') } };
    expect(problems(checks)).toEqual([['check-police-da-requestedOn', 'Enter the date the police domestic-abuse information was requested']]);
    checks['police-da'].requestedOn = d('18 11 2026');
    expect(problems(checks)).toEqual([]);
    expect(checksInput(checks, []).find((c) => c.item === 'police-da')).toEqual({ item: 'police-da', outcome: 'requested', requestedOn: '2026-11-18' });
  });

  it('refuses a response before the request, a response with no request and a request in the future', () => {
    const checks = allChecked();
    checks['police-da'] = { outcome: 'checked', note: '', requestedOn: d('20 11 2026'), responseOn: d('19 11 2026') };
    checks['childrens-services'] = { outcome: 'checked', note: '', requestedOn: none, responseOn: d('19 11 2026') };
    checks.rmp = { outcome: 'action-needed', note: '', requestedOn: d('24 11 2026'), responseOn: none };
    expect(problems(checks)).toEqual([
      ['check-rmp-requestedOn', 'Date the risk management plan was requested must be today or in the past'],
      ['check-police-da-responseOn', 'Response about the police domestic-abuse information must be on or after the date it was requested'],
      ['check-childrens-services-requestedOn', "Enter the date the children's services information was requested, as well as the response date"],
    ]);
  });

  it('sends the dates, the outcome in words and nothing for a check that does not apply', () => {
    const checks = allChecked();
    checks['police-da'] = { outcome: 'checked', note: ' Two call-outs, shared with the practitioner ', requestedOn: d('10 11 2026'), responseOn: d('17 11 2026') };
    checks['childrens-services'] = { outcome: 'not-applicable', note: 'No children in contact', requestedOn: d('10 11 2026'), responseOn: none };
    const sent = checksInput(checks, []);
    expect(sent.find((c) => c.item === 'police-da')).toEqual({ item: 'police-da', outcome: 'checked', note: 'Two call-outs, shared with the practitioner', requestedOn: '2026-11-10', responseOn: '2026-11-17' });
    expect(sent.find((c) => c.item === 'childrens-services')).toEqual({ item: 'childrens-services', outcome: 'not-applicable', note: 'No children in contact' });
    expect(reviewRecordInput.safeParse({ crn: 'X000001', type: 'management-oversight', date: today, spo: { name: 'S' }, decision: 'D', checks: sent }).success).toBe(true);
  });
});

describe('referrals per need', () => {
  const needFlags = {
    rules: [
      {
        rule: 'NEED-REFERRAL',
        explanation: {
          evidence: [
            { source: 'case', code: 'allocation_date', date: '2026-09-01', note: '' },
            { source: 'need', code: 'DRUG', date: null, note: '' },
            { source: 'need', code: 'FINANCE', date: null, note: '' },
          ],
        },
      } as unknown as CaseRuleResult,
    ],
  } as unknown as CaseFlagsView;

  it('asks about each need the referral flag names', () => {
    expect(referralNeeds(needFlags)).toEqual(['DRUG', 'FINANCE']);
    expect(referralNeeds({ rules: [] } as unknown as CaseFlagsView)).toEqual([]);
  });

  it('needs an answer per need, a service and date for a referral and a reason for no referral', () => {
    const rows = [newReferral('DRUG'), { ...newReferral('FINANCE'), answer: 'not-referred' as const }, { ...newReferral('ETE'), answer: 'referred' as const }];
    expect(problems(allChecked(), rows)).toEqual([
      ['referral-DRUG', 'Select whether the person was referred for drug misuse'],
      ['referral-FINANCE-reason', 'Enter why the person was not referred for finance'],
      ['referral-ETE-service', 'Enter the service the person was referred to for education, training and employment'],
      ['referral-ETE-date', 'Enter the date of the referral for education, training and employment'],
    ]);
    // A referrals check that does not apply asks nothing of the needs.
    expect(problems({ ...allChecked(), referrals: { ...allChecked().referrals, outcome: 'not-applicable' } }, rows)).toEqual([]);
  });

  it('sends each answer with only what it calls for, and finds the field a refusal names', () => {
    const rows: ReferralRow[] = [
      { need: 'DRUG', answer: 'referred', service: ' Forward Trust ', date: d('20 11 2026'), reason: 'left over' },
      { need: 'FINANCE', answer: 'declined', service: 'left over', date: d('1 1 2026'), reason: '' },
    ];
    const sent = checksInput(allChecked(), rows);
    expect(sent.find((c) => c.item === 'referrals')?.referrals).toEqual([
      { need: 'DRUG', answer: 'referred', service: 'Forward Trust', date: '2026-11-20' },
      { need: 'FINANCE', answer: 'declined' },
    ]);
    expect(checkFieldFor(['4', 'referrals', '0', 'date'], allChecked(), rows)).toBe('referral-DRUG-date');
    expect(checkFieldFor(['0', 'responseOn'], allChecked(), rows)).toBe('check-risk-assessment-responseOn');
  });

  it('fills a correction from the stored answers', () => {
    const back = checkRowsOf([
      {
        item: 'referrals',
        outcome: 'checked',
        note: null,
        requestedOn: null,
        responseOn: null,
        referrals: [{ need: 'DRUG', answer: 'referred', service: 'Forward Trust', date: '2026-11-20', reason: null }],
        enter: [{ for: 'referral', code: 'CLDR', date: '2026-11-20' }],
      },
    ]);
    expect(back.referrals).toEqual([{ need: 'DRUG', answer: 'referred', service: 'Forward Trust', date: d('20 11 2026'), reason: '' }]);
    expect(back.checks.referrals.outcome).toBe('checked');
  });
});
