import { describe, expect, it } from 'vitest';
import { caseFacts } from '../evaluate-case.js';
import { kase, one, reg } from '../testing/cases.js';

// Every date below is worked out by hand from oversight-rules.md; the comments show the sums.

describe('MAPPA-L1-REVIEW', () => {
  const l1 = kase({ allocationDate: '2026-01-01', roshLevel: 'LOW', registrations: [reg('MAPP', '2026-01-10', { level: 'M1', nextReview: null })] });

  it('is due mappaL1ReviewDays after registration without a review: 2026-01-10 + 112 = 2026-05-02', () => {
    expect(one(l1, '2026-05-03', 'MAPPA-L1-REVIEW')).toEqual({
      rule: 'MAPPA-L1-REVIEW',
      dueDate: '2026-05-02',
      status: 'overdue',
      days: 1,
      reason: 'MAPPA level 1 (MAPP since 2026-01-10); no level 1 review since registration',
    });
  });

  it('runs from the latest C281 contact or app MAPPA level 1 review: 2026-03-01 + 112 = 2026-06-21', () => {
    expect(one(kase({ ...l1, contacts: [{ code: 'C281', date: '2026-03-01' }] }), '2026-06-21', 'MAPPA-L1-REVIEW')).toMatchObject({ dueDate: '2026-06-21', status: 'due-soon', days: 0 });
    expect(one(kase({ ...l1, reviews: [{ type: 'mappa-l1-review', date: '2026-03-01' }] }), '2026-06-22', 'MAPPA-L1-REVIEW')).toMatchObject({ dueDate: '2026-06-21', days: 1 });
  });

  it('does not count a management oversight review as a MAPPA level 1 review', () => {
    expect(one(kase({ ...l1, reviews: [{ type: 'management-oversight', date: '2026-03-01' }] }), '2026-05-03', 'MAPPA-L1-REVIEW')).toMatchObject({ dueDate: '2026-05-02' });
  });

  it('ignores a level 1 review dated after the as-of date', () => {
    expect(one(kase({ ...l1, contacts: [{ code: 'C281', date: '2026-05-04' }] }), '2026-05-03', 'MAPPA-L1-REVIEW')).toMatchObject({ dueDate: '2026-05-02', days: 1 });
  });

  it('takes the higher level when two MAPP registrations share the latest date, and the latest date otherwise', () => {
    const tie = kase({ allocationDate: '2025-01-01', registrations: [reg('MAPP', '2026-01-10', { level: 'M1' }), reg('MAPP', '2026-01-10', { level: 'M2' })] });
    expect(caseFacts(tie, '2026-06-01').status.mappaLevel).toBe('M2');
    expect(one(tie, '2026-06-01', 'MAPPA-L1-REVIEW')).toBeUndefined();
    const later = kase({ allocationDate: '2025-01-01', registrations: [reg('MAPP', '2025-01-10', { level: 'M2' }), reg('MAPP', '2026-01-10', { level: 'M1' })] });
    expect(caseFacts(later, '2026-06-01').status).toMatchObject({ mappaLevel: 'M1', mappaSince: '2026-01-10' });
    expect(one(later, '2026-06-01', 'MAPPA-L1-REVIEW')).toMatchObject({ dueDate: '2026-05-02' });
  });
});
