import { describe, expect, it } from 'vitest';
import { evaluateCase } from '../evaluate-case.js';
import { ctxFor, kase, one, reg } from '../testing/cases.js';

// Every date below is worked out by hand from oversight-rules.md; the comments show the sums.

describe('ALLOCATION-GRADE', () => {
  const pso = kase({ allocationDate: '2026-09-17', registrations: [reg('RHRH', '2026-10-01')], staff: { grade: 'PSQ' } });

  it('is flagged from the day after the later of allocation and high risk since', () => {
    expect(one(pso, '2026-10-01', 'ALLOCATION-GRADE')).toMatchObject({ dueDate: '2026-10-01', status: 'due-soon', days: 0 });
    expect(one(pso, '2026-10-02', 'ALLOCATION-GRADE')).toEqual({
      rule: 'ALLOCATION-GRADE',
      dueDate: '2026-10-01',
      status: 'overdue',
      days: 1,
      reason: 'High RoSH (RHRH since 2026-10-01) held by N99P001, grade PSQ (PSO); allocated on 2026-09-17',
    });
  });

  it('is not evaluated for a case whose staff code the staff file does not hold', () => {
    const unknown = kase({ ...pso, staff: null });
    const outcome = evaluateCase(unknown, ctxFor('2026-10-02'));
    expect(outcome.rules.map((r) => r.rule)).not.toContain('ALLOCATION-GRADE');
    expect(outcome.notEvaluated).toEqual([{ rule: 'ALLOCATION-GRADE', reason: 'staff code N99P001 is not in the staff file' }]);
  });

  it('needs a restricted grade, a high-risk case and the staff file', () => {
    expect(one(kase({ ...pso, staff: { grade: 'PSM' } }), '2026-10-02', 'ALLOCATION-GRADE')).toBeUndefined();
    expect(one(kase({ ...pso, registrations: [reg('RMRH', '2026-10-01')] }), '2026-10-02', 'ALLOCATION-GRADE')).toBeUndefined();
    expect(one(pso, '2026-10-02', 'ALLOCATION-GRADE', { staffFile: false })).toBeUndefined();
    expect(evaluateCase(kase({ ...pso, staff: null }), ctxFor('2026-10-02', { staffFile: false })).notEvaluated).toEqual([]);
  });
});
