import { describe, expect, it } from 'vitest';
import { evaluateCase } from './evaluate-case.js';
import { ctxFor, judge, kase, one, reg } from './testing/cases.js';

// The driver over every rule: codes, explanations, the horizon and the caseload. Each rule's own
// tests are beside it in case-rules/.

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
