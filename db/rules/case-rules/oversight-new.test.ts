import { describe, expect, it } from 'vitest';
import { kase, one, reg } from '../testing/cases.js';

// Every date below is worked out by hand from oversight-rules.md; the comments show the sums.

describe('OVERSIGHT-NEW', () => {
  // RHRH since 2026-09-10, allocated 2026-09-17: due the later (09-17) + 15 = 2026-10-02.
  const highRisk = kase({ registrations: [reg('RHRH', '2026-09-10')] });

  it('flags a high-risk case one day after its first-oversight due date, with the reason in words', () => {
    expect(one(highRisk, '2026-10-03', 'OVERSIGHT-NEW')).toEqual({
      rule: 'OVERSIGHT-NEW',
      dueDate: '2026-10-02',
      status: 'overdue',
      days: 1,
      reason: 'High RoSH (RHRH since 2026-09-10); no management oversight since allocation on 2026-09-17',
    });
  });

  it('is due today, not overdue, on the due date itself', () => {
    expect(one(highRisk, '2026-10-02', 'OVERSIGHT-NEW')).toMatchObject({ status: 'due-soon', days: 0 });
  });

  it('is due soon exactly dueSoonDays ahead and not one day beyond', () => {
    expect(one(highRisk, '2026-09-18', 'OVERSIGHT-NEW')).toMatchObject({ status: 'due-soon', days: 14 });
    expect(one(highRisk, '2026-09-17', 'OVERSIGHT-NEW')).toMatchObject({ status: 'not-due', days: 15 });
  });

  it('ignores oversight dated the day after the as-of date, and oversight before allocation', () => {
    const ev = kase({ ...highRisk, contacts: [{ code: 'MO1', date: '2026-10-04' }, { code: 'MO1', date: '2026-09-16' }] });
    expect(one(ev, '2026-10-03', 'OVERSIGHT-NEW')).toMatchObject({ status: 'overdue', days: 1 });
    expect(one(ev, '2026-10-03', 'OVERSIGHT-OVERDUE')).toBeUndefined();
  });

  it('counts the first oversight from when the case came into scope, when that is later than allocation', () => {
    // Allocated 2025-01-01, high risk only from 2026-09-10: due 2026-09-10 + 15 = 2026-09-25.
    const ev = kase({ allocationDate: '2025-01-01', registrations: [reg('RHRH', '2026-09-10')] });
    expect(one(ev, '2026-10-01', 'OVERSIGHT-NEW')).toEqual({
      rule: 'OVERSIGHT-NEW',
      dueDate: '2026-09-25',
      status: 'overdue',
      days: 6,
      reason: 'High RoSH (RHRH since 2026-09-10); no management oversight since allocation on 2025-01-01; first oversight counted from 2026-09-10, when the case came into scope',
    });
  });

  it('counts a MAPPA level 1 case from its MAPP registration, whatever its RoSH', () => {
    // MAPP M1 2026-05-01, allocated 2026-01-01, medium RoSH: due 2026-05-01 + 15 = 2026-05-16.
    const ev = kase({ allocationDate: '2026-01-01', roshLevel: 'MEDIUM', registrations: [reg('MAPP', '2026-05-01', { level: 'M1' })] });
    expect(one(ev, '2026-05-20', 'OVERSIGHT-NEW')).toMatchObject({ dueDate: '2026-05-16', days: 4 });
    expect(one(ev, '2026-05-20', 'OVERSIGHT-NEW')?.reason).toBe(
      'MAPPA level 1 (MAPP since 2026-05-01); no management oversight since allocation on 2026-01-01; first oversight counted from 2026-05-01, when the case came into scope',
    );
  });

  it('takes high risk since from the OASys assessment date, or allocation when there is none', () => {
    // HIGH assessed 2026-10-01 after allocation on 2026-09-17: due 2026-10-01 + 15 = 2026-10-16.
    expect(one(kase({ roshLevel: 'HIGH', roshAssessedOn: '2026-10-01' }), '2026-10-20', 'OVERSIGHT-NEW')).toMatchObject({ dueDate: '2026-10-16' });
    expect(one(kase({ roshLevel: 'VERY_HIGH' }), '2026-10-20', 'OVERSIGHT-NEW')).toMatchObject({
      dueDate: '2026-10-02',
      reason: 'Very high RoSH (OASys RoSH with no assessment date; counted from allocation); no management oversight since allocation on 2026-09-17',
    });
  });

  it('treats a registration deregistered on the as-of date as no longer active', () => {
    const ev = kase({ roshLevel: 'LOW', registrations: [reg('RHRH', '2026-09-10', { deregistered: '2026-10-03' })] });
    expect(one(ev, '2026-10-03', 'OVERSIGHT-NEW')).toBeUndefined();
    expect(one(ev, '2026-10-02', 'OVERSIGHT-NEW')).toMatchObject({ status: 'due-soon', days: 0 });
  });

  it('never applies to a case that is neither high risk nor MAPPA level 1', () => {
    expect(one(kase({ roshLevel: 'MEDIUM', registrations: [reg('MAPP', '2026-01-01', { level: 'M2' })] }), '2027-01-01', 'OVERSIGHT-NEW')).toBeUndefined();
  });
});
