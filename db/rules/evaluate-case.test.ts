import { describe, expect, it } from 'vitest';
import { caseFacts, evaluateCase } from './evaluate-case.js';
import { ctxFor, judge, kase, one, reg } from './testing.js';

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

describe('codes and explanations', () => {
  it('compares codes trimmed and upper-cased', () => {
    const ev = kase({ registrations: [reg(' rhrh ', '2026-09-10')], contacts: [{ code: 'mo1', date: '2026-09-20' }] });
    expect(one(ev, '2026-12-14', 'OVERSIGHT-OVERDUE')).toMatchObject({ dueDate: '2026-12-13' });
  });

  it('explains each flag with its evidence, the settings used and how firm their basis is', () => {
    const [rule] = evaluateCase(kase({ registrations: [reg('RHRH', '2026-09-10')] }), ctxFor('2026-10-03')).rules;
    expect(rule?.explanation).toEqual({
      rule: 'OVERSIGHT-NEW',
      title: 'First SPO oversight',
      dueDate: '2026-10-02',
      dueRule: 'allocation 2026-09-17 + 15 days',
      evidence: [
        { source: 'registration', code: 'RHRH', date: '2026-09-10', note: 'active RoSH registration' },
        { source: 'case', code: 'allocation_date', date: '2026-09-17', note: 'allocated to the practitioner' },
      ],
      settings: [
        { key: 'newCaseOversightDays', value: 15, basis: 'local practice', basisNote: expect.stringContaining('not national policy') as string },
        { key: 'oversightContactCodes', value: ['MO1', 'MO8', 'CSPO', 'C053'], basis: 'nDelius', basisNote: 'nDelius contact types' },
      ],
      basis: 'local practice',
      basisNote: expect.stringContaining('configurable') as string,
    });
  });

  it('returns only rules due within the horizon when one is given', () => {
    const ev = kase({ roshLevel: 'MEDIUM', roshAssessedOn: '2026-09-01' });
    expect(evaluateCase(ev, ctxFor('2026-10-01')).rules.map((r) => r.rule)).toEqual(['ROSH-STALE']);
    expect(evaluateCase(ev, ctxFor('2026-10-01', { horizon: '2026-10-15' })).rules).toEqual([]);
  });
});

describe('a case allocated after the as-of date', () => {
  // Allocated 2026-09-17 with every kind of trigger: very high RoSH with no oversight, MAPPA level 1,
  // a domestic-abuse registration due for review, a stale assessment and a PSO practitioner.
  const ev = kase({
    roshLevel: 'VERY_HIGH',
    roshAssessedOn: '2025-01-01',
    registrations: [reg('MAPP', '2025-01-01', { level: 'M1' }), reg('ADVP', '2025-01-01', { nextReview: '2025-06-01' })],
    needs: [{ need: 'DRUG', severity: 'SEVERE', linkedToHarm: true, linkedToReoffending: true }],
    staff: { grade: 'PSQ' },
  });

  it('is not yet in the caseload: no rule applies the day before allocation, overdue or due soon', () => {
    const outcome = evaluateCase(ev, ctxFor('2026-09-16'));
    expect(outcome.rules).toEqual([]);
    expect(outcome.notEvaluated).toEqual([]);
    expect(outcome.oversight).toBeNull();
  });

  it('is flagged from its allocation date on', () => {
    expect(judge(ev, '2026-09-17').map((j) => j.rule)).toEqual(
      expect.arrayContaining(['OVERSIGHT-NEW', 'MAPPA-L1-REVIEW', 'REGISTRATION-REVIEW', 'ROSH-STALE', 'DA-POLICE-CHECK', 'NEED-REFERRAL', 'ALLOCATION-GRADE']),
    );
  });

  it('is not listed as an ALLOCATION-GRADE case left unevaluated for an unknown staff code', () => {
    expect(evaluateCase({ ...ev, staff: null }, ctxFor('2026-09-16')).notEvaluated).toEqual([]);
    expect(evaluateCase({ ...ev, staff: null }, ctxFor('2026-09-17')).notEvaluated).toHaveLength(1);
  });
});
