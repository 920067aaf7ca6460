import { describe, expect, it } from 'vitest';
import { kase, one, reg } from '../testing/cases.js';

// Every date below is worked out by hand from oversight-rules.md; the comments show the sums.

describe('DA-POLICE-CHECK and CHILD-SAFEGUARDING-CHECK', () => {
  it('(a) never requested: the later of allocation and the earliest triggering registration, + 10', () => {
    // ADVP 2026-09-25 and REG30 2026-09-20 after allocation 2026-09-17: 2026-09-20 + 10 = 2026-09-30.
    const ev = kase({ roshLevel: 'LOW', registrations: [reg('ADVP', '2026-09-25'), reg('REG30', '2026-09-20')] });
    expect(one(ev, '2026-10-01', 'DA-POLICE-CHECK')).toEqual({
      rule: 'DA-POLICE-CHECK',
      dueDate: '2026-09-30',
      status: 'overdue',
      days: 1,
      reason: 'Domestic abuse registration (REG30 since 2026-09-20, ADVP since 2026-09-25); no police domestic-abuse enquiry requested (C369)',
    });
    // Registered before allocation: allocation + 10 = 2026-09-27.
    expect(one(kase({ roshLevel: 'LOW', registrations: [reg('REG30', '2025-01-01')] }), '2026-10-01', 'DA-POLICE-CHECK')).toMatchObject({ dueDate: '2026-09-27' });
  });

  it('(b) requested without a response: request + 14', () => {
    const ev = kase({ roshLevel: 'LOW', registrations: [reg('ADVP', '2026-09-20')], contacts: [{ code: 'C369', date: '2026-10-01' }, { code: 'C515', date: '2026-09-30' }] });
    expect(one(ev, '2026-10-16', 'DA-POLICE-CHECK')).toEqual({
      rule: 'DA-POLICE-CHECK',
      dueDate: '2026-10-15',
      status: 'overdue',
      days: 1,
      reason: 'Domestic abuse registration (ADVP since 2026-09-20); police domestic-abuse enquiry requested on 2026-10-01 (C369), no response (C515) since',
    });
  });

  it('is satisfied by a response on or after the latest request, but not by one dated after the as-of date', () => {
    const answered = (date: string) => kase({ roshLevel: 'LOW', registrations: [reg('ADVP', '2026-09-20')], contacts: [{ code: 'C369', date: '2026-10-01' }, { code: 'C515', date }] });
    expect(one(answered('2026-10-01'), '2026-10-20', 'DA-POLICE-CHECK')).toBeUndefined();
    expect(one(answered('2026-10-21'), '2026-10-20', 'DA-POLICE-CHECK')).toMatchObject({ dueDate: '2026-10-15', days: 5 });
  });

  it('treats a request dated after the as-of date as never requested', () => {
    const ev = kase({ roshLevel: 'LOW', registrations: [reg('ADVP', '2026-09-20')], contacts: [{ code: 'C369', date: '2026-10-02' }] });
    expect(one(ev, '2026-10-01', 'DA-POLICE-CHECK')).toMatchObject({ dueDate: '2026-09-30' });
  });

  it('checks children’s services the same way with RCCO/RCPR/RCHD, SFGC and SFRR', () => {
    const regs = [reg('RCPR', '2026-09-20'), reg('RCHD', '2026-09-22')];
    expect(one(kase({ roshLevel: 'LOW', registrations: regs }), '2026-10-01', 'CHILD-SAFEGUARDING-CHECK')).toMatchObject({
      dueDate: '2026-09-30',
      reason: 'Child safeguarding registration (RCPR since 2026-09-20, RCHD since 2026-09-22); no children’s services safeguarding enquiry requested (SFGC)',
    });
    const asked = kase({ roshLevel: 'LOW', registrations: regs, contacts: [{ code: 'SFGC', date: '2026-09-25' }] });
    expect(one(asked, '2026-10-10', 'CHILD-SAFEGUARDING-CHECK')).toMatchObject({ dueDate: '2026-10-09', days: 1 });
    expect(one(kase({ ...asked, contacts: [...asked.contacts, { code: 'SFRR', date: '2026-10-05' }] }), '2026-10-10', 'CHILD-SAFEGUARDING-CHECK')).toBeUndefined();
    expect(one(kase({ roshLevel: 'LOW', registrations: [reg('ADVV', '2026-09-20')] }), '2026-10-10', 'DA-POLICE-CHECK')).toBeUndefined();
  });
});
