import { describe, expect, it } from 'vitest';
import { settingBases, settingKeys } from '../contract/index.js';
import { defaultPolicy, policyProblem, settingList, validateSetting } from './policy.js';

describe('policy settings', () => {
  it('has every number and code list of oversight-rules.md with its default', () => {
    expect(defaultPolicy()).toEqual({
      newCaseOversightDays: 15,
      oversightIntervalDays: 84,
      mappaL1ReviewDays: 112,
      roshMissingDays: 15,
      roshReassessmentDays: 365,
      checkRequestDays: 10,
      checkResponseDays: 14,
      referralDays: 56,
      dueSoonDays: 14,
      capacityThreshold: 1.0,
      oversightContactCodes: ['MO1', 'MO8', 'CSPO', 'C053'],
      mappaReviewContactCodes: ['C281'],
      domesticAbuseCodes: ['ADVP', 'REG30'],
      policeCheckRequestCodes: ['C369'],
      policeCheckResponseCodes: ['C515'],
      childSafeguardingCodes: ['RCCO', 'RCPR', 'RCHD'],
      childrenCheckRequestCodes: ['SFGC'],
      childrenCheckResponseCodes: ['SFRR'],
      referralNeeds: ['DRUG', 'ALCOHOL', 'ETE', 'FINANCE'],
      referralCodes: { DRUG: ['CLDR', 'CGRF'], ALCOHOL: ['CLDR', 'CGRF'], ETE: ['CGRF'], FINANCE: ['C347', 'CGRF'] },
      restrictedGrades: ['PSQ'],
    });
    expect(settingList.map((d) => d.key)).toEqual([...settingKeys]);
  });

  it('says how firm each default is, never calling a local or inferred one national policy', () => {
    for (const d of settingList) {
      expect(settingBases).toContain(d.basis);
      expect(d.description.length).toBeGreaterThan(10);
      expect(d.unit).not.toBe('');
    }
    const basis = Object.fromEntries(settingList.map((d) => [d.key, d.basis]));
    expect(basis).toMatchObject({
      newCaseOversightDays: 'local practice',
      oversightIntervalDays: 'inference',
      mappaL1ReviewDays: 'MAPPA guidance',
      roshMissingDays: 'inference',
      roshReassessmentDays: 'inference',
      checkRequestDays: 'inference',
      checkResponseDays: 'inference',
      referralDays: 'inference',
      oversightContactCodes: 'nDelius',
    });
  });

  it('accepts positive whole days, a positive threshold and non-empty upper-case code lists', () => {
    expect(validateSetting('newCaseOversightDays', 30)).toEqual({ ok: true, value: 30 });
    expect(validateSetting('oversightContactCodes', [' mo1', 'MO8'])).toEqual({ ok: true, value: ['MO1', 'MO8'] });
    expect(validateSetting('capacityThreshold', 0.85)).toEqual({ ok: true, value: 0.85 });
    expect(validateSetting('referralCodes', { drug: ['cldr'] })).toEqual({ ok: true, value: { DRUG: ['CLDR'] } });
  });

  it.each([
    ['newCaseOversightDays', 0, 'at least 1 day'],
    ['newCaseOversightDays', 1.5, 'whole number of days'],
    ['newCaseOversightDays', '15', 'whole number of days'],
    ['capacityThreshold', 0, 'above 0'],
    ['oversightContactCodes', [], 'at least one code'],
    ['oversightContactCodes', 'MO1', 'list of codes'],
    ['oversightContactCodes', ['MO1', 'mo1'], 'MO1 is listed twice'],
    ['oversightContactCodes', ['MO 1'], 'letters, digits or _'],
    ['referralCodes', {}, 'at least one need'],
    ['referralCodes', { DRUG: [] }, 'at least one code'],
  ] as const)('refuses %s = %j (%s)', (key, value, message) => {
    const r = validateSetting(key, value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it('refuses a referral need that has no referral codes', () => {
    expect(policyProblem({ ...defaultPolicy(), referralNeeds: ['DRUG', 'ACCOMMODATION'] })).toMatch(/ACCOMMODATION/);
    expect(policyProblem(defaultPolicy())).toBeNull();
  });
});
