import { describe, expect, it } from 'vitest';
import { caseFacts } from '../evaluate-case.js';
import { kase, one, reg } from '../testing/cases.js';

// Every date below is worked out by hand from oversight-rules.md; the comments show the sums.

describe('RoSH rules', () => {
  it('ROSH-MISSING: no RoSH registration and no OASys level, allocation + 15', () => {
    expect(one(kase(), '2026-10-03', 'ROSH-MISSING')).toMatchObject({ dueDate: '2026-10-02', days: 1 });
    expect(one(kase({ roshLevel: 'LOW' }), '2026-10-03', 'ROSH-MISSING')).toBeUndefined();
    expect(one(kase({ registrations: [reg('RLRH', '2026-09-01')] }), '2026-10-03', 'ROSH-MISSING')).toBeUndefined();
  });

  it('ROSH-STALE: an assessment of 2025-11-22 is overdue on 2026-11-23', () => {
    expect(one(kase({ roshLevel: 'MEDIUM', roshAssessedOn: '2025-11-22' }), '2026-11-23', 'ROSH-STALE')).toEqual({
      rule: 'ROSH-STALE',
      dueDate: '2026-11-22',
      status: 'overdue',
      days: 1,
      reason: 'OASys RoSH assessment dated 2025-11-22 (MEDIUM); reassessment due 365 days later',
    });
  });

  it('ROSH-MISMATCH: flagged from the day after the later of the registration and the assessment', () => {
    const ev = kase({ allocationDate: '2026-09-01', roshLevel: 'MEDIUM', roshAssessedOn: '2026-09-15', registrations: [reg('RHRH', '2026-09-10')] });
    expect(one(ev, '2026-09-15', 'ROSH-MISMATCH')).toMatchObject({ dueDate: '2026-09-15', status: 'due-soon', days: 0 });
    expect(one(ev, '2026-09-16', 'ROSH-MISMATCH')).toEqual({
      rule: 'ROSH-MISMATCH',
      dueDate: '2026-09-15',
      status: 'overdue',
      days: 1,
      reason: 'RoSH registration RHRH (HIGH, since 2026-09-10) differs from the OASys RoSH level MEDIUM assessed on 2026-09-15',
    });
  });

  it('ROSH-MISMATCH compares the highest active RoSH registration, and is silent when they agree', () => {
    const both = kase({ allocationDate: '2025-12-01', roshLevel: 'HIGH', registrations: [reg('RHRH', '2026-01-01'), reg('RVHR', '2026-02-01')] });
    expect(caseFacts(both, '2026-06-01').status).toMatchObject({ effectiveRosh: 'VERY_HIGH', highRiskSince: '2026-01-01' });
    expect(one(both, '2026-06-01', 'ROSH-MISMATCH')).toMatchObject({ dueDate: '2026-02-01' });
    expect(one(kase({ allocationDate: '2025-12-01', roshLevel: 'HIGH', registrations: [reg('RHRH', '2026-01-01')] }), '2026-06-01', 'ROSH-MISMATCH')).toBeUndefined();
  });
});
