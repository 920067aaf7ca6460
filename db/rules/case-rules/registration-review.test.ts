import { describe, expect, it } from 'vitest';
import { kase, one, reg } from '../testing/cases.js';

// Every date below is worked out by hand from oversight-rules.md; the comments show the sums.

describe('REGISTRATION-REVIEW', () => {
  it('lists every active registration with a review date in one flag, due on the earliest', () => {
    const ev = kase({
      roshLevel: 'LOW',
      registrations: [
        reg('RHRH', '2026-01-01', { nextReview: '2026-12-01' }),
        reg('ADVP', '2026-02-01', { nextReview: '2026-11-01' }),
        reg('RCCO', '2026-02-01', { nextReview: '2026-10-01', deregistered: '2026-03-01' }),
      ],
    });
    expect(one(ev, '2026-11-03', 'REGISTRATION-REVIEW')).toEqual({
      rule: 'REGISTRATION-REVIEW',
      dueDate: '2026-11-01',
      status: 'overdue',
      days: 2,
      reason: 'Registration reviews due: ADVP (registered 2026-02-01) on 2026-11-01, RHRH (registered 2026-01-01) on 2026-12-01',
    });
  });
});
