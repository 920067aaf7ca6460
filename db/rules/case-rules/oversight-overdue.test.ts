import { describe, expect, it } from 'vitest';
import { evaluateCase } from '../evaluate-case.js';
import { ctxFor, judge, kase, one, reg } from '../testing/cases.js';

// Every date below is worked out by hand from oversight-rules.md; the comments show the sums.

describe('OVERSIGHT-OVERDUE', () => {
  const highRisk = kase({ registrations: [reg('RHRH', '2026-09-10')] });

  it('runs from the latest oversight contact: 2026-09-20 + 84 = 2026-12-13', () => {
    const ev = kase({ ...highRisk, contacts: [{ code: 'CSPO', date: '2026-09-18' }, { code: 'MO1', date: '2026-09-20' }] });
    expect(one(ev, '2026-12-14', 'OVERSIGHT-OVERDUE')).toEqual({
      rule: 'OVERSIGHT-OVERDUE',
      dueDate: '2026-12-13',
      status: 'overdue',
      days: 1,
      reason: 'High RoSH (RHRH since 2026-09-10); last management oversight on 2026-09-20 (MO1 contact)',
    });
  });

  it('counts a review recorded in the app as oversight evidence, of any type', () => {
    for (const type of ['management-oversight', 'allocation-oversight', 'mappa-l1-review']) {
      const ev = kase({ ...highRisk, reviews: [{ type, date: '2026-09-20' }] });
      expect(one(ev, '2026-12-14', 'OVERSIGHT-OVERDUE')).toMatchObject({ dueDate: '2026-12-13', days: 1 });
    }
    expect(one(kase({ ...highRisk, reviews: [{ type: 'management-oversight', date: '2026-09-20' }] }), '2026-12-14', 'OVERSIGHT-OVERDUE')?.reason).toBe(
      'High RoSH (RHRH since 2026-09-10); last management oversight on 2026-09-20 (management oversight review recorded in the app)',
    );
  });

  it('never applies together with OVERSIGHT-NEW', () => {
    const without = judge(highRisk, '2027-06-01').map((j) => j.rule);
    const withIt = judge(kase({ ...highRisk, contacts: [{ code: 'MO8', date: '2026-09-30' }] }), '2027-06-01').map((j) => j.rule);
    expect(without).toContain('OVERSIGHT-NEW');
    expect(without).not.toContain('OVERSIGHT-OVERDUE');
    expect(withIt).toContain('OVERSIGHT-OVERDUE');
    expect(withIt).not.toContain('OVERSIGHT-NEW');
  });

  it('counts oversight from before the case came into scope, with no floor at in-scope-since (spec, "Points settled")', () => {
    // Allocated 2025-01-01, MO1 2025-02-01, high risk from 2026-09-10: due 2025-02-01 + 84 =
    // 2025-04-26, so 523 days overdue on 2026-10-01; the reason says the oversight came first.
    const ev = kase({ allocationDate: '2025-01-01', registrations: [reg('RHRH', '2026-09-10')], contacts: [{ code: 'MO1', date: '2025-02-01' }] });
    expect(one(ev, '2026-10-01', 'OVERSIGHT-OVERDUE')).toEqual({
      rule: 'OVERSIGHT-OVERDUE',
      dueDate: '2025-04-26',
      status: 'overdue',
      days: 523,
      reason: 'High RoSH (RHRH since 2026-09-10); last management oversight on 2025-02-01 (MO1 contact), before the case came into scope on 2026-09-10',
    });
    expect(one(ev, '2026-10-01', 'OVERSIGHT-NEW')).toBeUndefined();
  });

  it('shows a very-high-risk case reassessed last week, last overseen five months ago, as 64 days overdue, not due soon', () => {
    // OASys VERY_HIGH assessed 2026-11-16, so in scope since then; last MO1 2026-06-28.
    // Spec: 2026-06-28 + 84 = 2026-09-20, 64 days overdue on 2026-11-23. A floor at
    // 2026-11-16 + 15 = 2026-12-01 would have shown it as due soon in 8 days.
    const ev = kase({ allocationDate: '2025-06-01', roshLevel: 'VERY_HIGH', roshAssessedOn: '2026-11-16', contacts: [{ code: 'MO1', date: '2026-06-28' }] });
    expect(one(ev, '2026-11-23', 'OVERSIGHT-OVERDUE')).toMatchObject({ dueDate: '2026-09-20', status: 'overdue', days: 64 });
    const explained = evaluateCase(ev, ctxFor('2026-11-23')).rules.find((r) => r.rule === 'OVERSIGHT-OVERDUE')?.explanation;
    expect(explained?.dueRule).toBe('last oversight 2026-06-28 + 84 days');
    expect(explained?.settings.map((s) => s.key)).not.toContain('newCaseOversightDays');
  });
});
