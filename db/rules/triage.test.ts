import { describe, expect, it } from 'vitest';
import { riskTier, triageRank } from './triage.js';

describe('risk-first triage', () => {
  it('puts very high, then high RoSH, then MAPPA level 1 at a lower RoSH, then unknown RoSH, then the rest', () => {
    expect([
      riskTier('VERY_HIGH', null),
      riskTier('HIGH', 'M1'),
      riskTier('MEDIUM', 'M1'),
      riskTier('UNKNOWN', 'M1'),
      riskTier('UNKNOWN', null),
      riskTier('LOW', 'M2'),
      riskTier('MEDIUM', null),
    ]).toEqual([0, 1, 2, 2, 3, 4, 4]);
  });

  it('ranks the safety rules of a tier before its other rules, and any rule of a higher tier before both', () => {
    expect(triageRank('HIGH', null, 'OVERSIGHT-NEW')).toBeLessThan(triageRank('HIGH', null, 'ROSH-STALE'));
    expect(triageRank('HIGH', null, 'DA-POLICE-CHECK')).toBe(triageRank('HIGH', null, 'OVERSIGHT-OVERDUE'));
    expect(triageRank('VERY_HIGH', null, 'NEED-REFERRAL')).toBeLessThan(triageRank('HIGH', null, 'OVERSIGHT-NEW'));
    expect(triageRank('LOW', null, 'CHILD-SAFEGUARDING-CHECK')).toBeLessThan(triageRank('LOW', null, 'NEED-REFERRAL'));
  });
});
