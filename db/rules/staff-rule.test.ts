import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './policy.js';
import { evaluateStaff } from './staff-rule.js';

const staff = (pointsAvailable: number | null, pointsUsed: number | null) => ({ staffCode: 'N99P001', pointsAvailable, pointsUsed });

describe('PRACTITIONER-CAPACITY', () => {
  it('flags a practitioner at exactly 100% of available points', () => {
    expect(evaluateStaff(staff(100, 100), defaultPolicy())).toMatchObject({ rule: 'PRACTITIONER-CAPACITY', reason: '100% of available points', ratio: 1 });
  });

  it('says how far over capacity, as the spec words it', () => {
    expect(evaluateStaff(staff(100, 124), defaultPolicy())?.reason).toBe('124% of available points');
  });

  it('does not flag just under the threshold, nor without points available', () => {
    expect(evaluateStaff(staff(100, 99.9), defaultPolicy())).toBeNull();
    expect(evaluateStaff(staff(0, 50), defaultPolicy())).toBeNull();
    expect(evaluateStaff(staff(null, 50), defaultPolicy())).toBeNull();
    expect(evaluateStaff(staff(100, null), defaultPolicy())).toBeNull();
  });

  it('follows capacityThreshold', () => {
    expect(evaluateStaff(staff(100, 90), { ...defaultPolicy(), capacityThreshold: 0.9 })?.reason).toBe('90% of available points');
    expect(evaluateStaff(staff(100, 110), { ...defaultPolicy(), capacityThreshold: 1.2 })).toBeNull();
  });
});
