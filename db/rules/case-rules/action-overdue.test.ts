import { describe, expect, it } from 'vitest';
import type { ActionEvidence } from '../evidence.js';
import { kase, one } from '../testing/cases.js';

// Every date below is worked out by hand from oversight-rules.md, "Actions agreed in oversight".

function action(over: Partial<ActionEvidence> = {}): ActionEvidence {
  return { reviewId: 4, reviewType: 'management-oversight', reviewDate: '2026-10-01', number: 1, text: 'Request the police DA call-outs', owner: 'Connor Dunmere', due: '2026-10-15', closedOn: null, ...over };
}

describe('ACTION-OVERDUE', () => {
  const twoActions = kase({ actions: [action(), action({ number: 2, text: 'Refer to the drug service', owner: 'Sam Senior', due: '2026-11-01' })] });

  it('is due on the earliest open action’s due date and names each overdue action’s text and owner', () => {
    expect(one(twoActions, '2026-10-15', 'ACTION-OVERDUE')).toMatchObject({ dueDate: '2026-10-15', status: 'due-soon', days: 0 });
    expect(one(twoActions, '2026-10-20', 'ACTION-OVERDUE')).toEqual({
      rule: 'ACTION-OVERDUE',
      dueDate: '2026-10-15',
      status: 'overdue',
      days: 5,
      reason: '1 action agreed in oversight overdue: "Request the police DA call-outs" (owner Connor Dunmere, due 2026-10-15)',
    });
    expect(one(twoActions, '2026-11-05', 'ACTION-OVERDUE')?.reason).toBe(
      '2 actions agreed in oversight overdue: "Request the police DA call-outs" (owner Connor Dunmere, due 2026-10-15); "Refer to the drug service" (owner Sam Senior, due 2026-11-01)',
    );
  });

  it('takes an action done or dropped on or before the as-of date as closed, and one closed later as still open then', () => {
    const firstDone = kase({ actions: [action({ closedOn: '2026-10-18' }), action({ number: 2, text: 'Refer', due: '2026-11-01' })] });
    // Done on 18 October: overdue from the 16th to the 18th, then the next action leads.
    expect(one(firstDone, '2026-10-17', 'ACTION-OVERDUE')).toMatchObject({ dueDate: '2026-10-15', status: 'overdue', days: 2 });
    expect(one(firstDone, '2026-10-18', 'ACTION-OVERDUE')).toMatchObject({ dueDate: '2026-11-01', days: 14 });
    expect(one(kase({ actions: [action({ closedOn: '2026-10-10' })] }), '2026-10-20', 'ACTION-OVERDUE')).toBeUndefined();
  });

  it('counts only actions of reviews dated on or before the as-of date', () => {
    const later = kase({ actions: [action({ reviewDate: '2026-10-30', due: '2026-11-05' })] });
    expect(one(later, '2026-10-29', 'ACTION-OVERDUE')).toBeUndefined();
    expect(one(later, '2026-10-30', 'ACTION-OVERDUE')).toMatchObject({ dueDate: '2026-11-05', status: 'due-soon', days: 6 });
  });

  it('says which action comes first before any is overdue, and applies to a case of any risk', () => {
    expect(one(kase({ roshLevel: 'LOW', actions: [action()] }), '2026-10-02', 'ACTION-OVERDUE')?.reason).toBe(
      '1 open action agreed in oversight, the first due 2026-10-15: "Request the police DA call-outs" (owner Connor Dunmere, due 2026-10-15)',
    );
    expect(one(kase(), '2026-10-20', 'ACTION-OVERDUE')).toBeUndefined();
  });
});
