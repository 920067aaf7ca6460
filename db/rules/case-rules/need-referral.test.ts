import { describe, expect, it } from 'vitest';
import { kase, one } from '../testing/cases.js';

// Every date below is worked out by hand from oversight-rules.md; the comments show the sums.

describe('NEED-REFERRAL', () => {
  const need = (n: string, severity = 'SEVERE', harm = true, reoffending = false) => ({ need: n, severity, linkedToHarm: harm, linkedToReoffending: reoffending });

  it('flags a qualifying need with no referral since allocation: allocation + 56 = 2026-11-12', () => {
    expect(one(kase({ roshLevel: 'LOW', needs: [need('DRUG')] }), '2026-11-13', 'NEED-REFERRAL')).toEqual({
      rule: 'NEED-REFERRAL',
      dueDate: '2026-11-12',
      status: 'overdue',
      days: 1,
      reason: 'No referral since allocation on 2026-09-17 for DRUG (severe, linked to harm; no CLDR or CGRF contact)',
    });
  });

  it('uses each need’s own referral codes', () => {
    const at = (n: string, code: string, date = '2026-10-01') => one(kase({ roshLevel: 'LOW', needs: [need(n)], contacts: [{ code, date }] }), '2026-11-13', 'NEED-REFERRAL');
    expect(at('DRUG', 'CLDR')).toBeUndefined();
    expect(at('ALCOHOL', 'CGRF')).toBeUndefined();
    expect(at('ETE', 'CLDR')).toBeDefined();
    expect(at('ETE', 'CGRF')).toBeUndefined();
    expect(at('FINANCE', 'C347')).toBeUndefined();
    expect(at('FINANCE', 'CLDR')).toBeDefined();
    // A referral before allocation does not count.
    expect(at('DRUG', 'CLDR', '2026-09-16')).toBeDefined();
  });

  it('lists several unmet needs in one flag', () => {
    const ev = kase({ roshLevel: 'LOW', needs: [need('FINANCE', 'STANDARD', false, true), need('DRUG'), need('ETE')], contacts: [{ code: 'CGRF', date: '2026-10-01' }] });
    // CGRF answers ETE, DRUG and FINANCE alike: nothing left.
    expect(one(ev, '2026-11-13', 'NEED-REFERRAL')).toBeUndefined();
    const unmet = kase({ roshLevel: 'LOW', needs: [need('FINANCE', 'STANDARD', false, true), need('DRUG')] });
    expect(one(unmet, '2026-11-13', 'NEED-REFERRAL')?.reason).toBe(
      'No referral since allocation on 2026-09-17 for DRUG (severe, linked to harm; no CLDR or CGRF contact), FINANCE (standard, linked to reoffending; no C347 or CGRF contact)',
    );
  });

  it('ignores needs that are not severe enough, not linked, or not referral needs', () => {
    const needs = [need('DRUG', 'NO_NEED'), need('ALCOHOL', 'SEVERE', false, false), need('ACCOMMODATION'), { need: 'ETE', severity: null, linkedToHarm: true, linkedToReoffending: true }];
    expect(one(kase({ roshLevel: 'LOW', needs }), '2026-11-13', 'NEED-REFERRAL')).toBeUndefined();
    expect(one(kase({ roshLevel: 'LOW', needs: [need('DRUG')] }), '2026-11-13', 'NEED-REFERRAL', { needsFile: false })).toBeUndefined();
  });

  it('follows the policy’s referral needs and codes', () => {
    const policy = { referralNeeds: ['ACCOMMODATION'], referralCodes: { ACCOMMODATION: ['CACC'] } };
    expect(one(kase({ roshLevel: 'LOW', needs: [need('ACCOMMODATION')] }), '2026-11-13', 'NEED-REFERRAL', { policy })).toBeDefined();
    expect(one(kase({ roshLevel: 'LOW', needs: [need('DRUG')] }), '2026-11-13', 'NEED-REFERRAL', { policy })).toBeUndefined();
  });
});
