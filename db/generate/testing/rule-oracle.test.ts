import { describe, expect, it } from 'vitest';
import { evaluate, parseSimpleCsv, type Extract, type Row } from './rule-oracle.js';

/* The oracle judges the generated data, so it is checked here against cases worked by hand. */

const AS_OF = '2026-06-30';
/** The date `n` days before AS_OF. */
function ago(n: number): string {
  return new Date(Date.UTC(2026, 5, 30 - n)).toISOString().slice(0, 10);
}

function extractOf(parts: Partial<Extract> & { cases: Row[] }): Extract {
  return { registrations: [], contacts: [], staff: [{ staff_code: 'S1', grade: 'PSM', points_available: '100', points_used: '80' }], needs: [], ...parts };
}

function kase(over: Partial<Record<string, string>> = {}): Row {
  return { crn: 'X000001', staff_code: 'S1', allocation_date: ago(200), rosh_level: 'MEDIUM', rosh_assessed_on: ago(220), ...over };
}

function reg(code: string, registered: string, over: Partial<Record<string, string>> = {}): Row {
  return { crn: 'X000001', register_code: code, level_code: '', registration_date: registered, next_review_date: '', deregistration_date: '', ...over };
}

function contact(code: string, date: string): Row {
  return { crn: 'X000001', contact_type_code: code, contact_date: date };
}

function rulesOf(x: Extract): { overdue: string[]; dueSoon: string[] } {
  const r = evaluate(x, AS_OF);
  return { overdue: r.overdue.map((h) => h.rule + (h.form ? `:${h.form}` : '')), dueSoon: r.dueSoon.map((h) => h.rule) };
}

describe('rule oracle', () => {
  it('flags a high-risk case with no oversight 15 days after allocation, and not on day 15', () => {
    expect(rulesOf(extractOf({ cases: [kase({ rosh_level: 'HIGH', allocation_date: ago(16) })] })).overdue).toEqual(['OVERSIGHT-NEW']);
    const onTheDay = rulesOf(extractOf({ cases: [kase({ rosh_level: 'HIGH', allocation_date: ago(15) })] }));
    expect(onTheDay.overdue).toEqual([]);
    expect(onTheDay.dueSoon).toContain('OVERSIGHT-NEW');
  });

  it('ignores oversight from before the allocation', () => {
    const x = extractOf({ cases: [kase({ rosh_level: 'HIGH', allocation_date: ago(30) })], contacts: [contact('MO1', ago(31))] });
    expect(rulesOf(x).overdue).toEqual(['OVERSIGHT-NEW']);
  });

  it('counts from a RoSH registration that came after allocation', () => {
    const x = extractOf({ cases: [kase({ allocation_date: ago(100) })], registrations: [reg('RHRH', ago(10), { next_review_date: ago(-90) })] });
    // Effective RoSH HIGH from the registration, though OASys still says MEDIUM.
    expect(rulesOf(x)).toEqual({ overdue: ['ROSH-MISMATCH'], dueSoon: ['OVERSIGHT-NEW'] });
  });

  it('flags oversight 84 days after the latest evidence', () => {
    const x = extractOf({ cases: [kase({ rosh_level: 'VERY_HIGH' })], contacts: [contact('CSPO', ago(150)), contact('MO8', ago(85))] });
    expect(rulesOf(x).overdue).toEqual(['OVERSIGHT-OVERDUE']);
  });

  it('flags a MAPPA level 1 case for oversight and for its 16-week review', () => {
    const x = extractOf({ cases: [kase()], registrations: [reg('MAPP', ago(113), { level_code: 'M1' })], contacts: [contact('MO1', ago(20))] });
    expect(rulesOf(x).overdue).toEqual(['MAPPA-L1-REVIEW']);
    const level2 = extractOf({ cases: [kase()], registrations: [reg('MAPP', ago(113), { level_code: 'M2' })] });
    expect(rulesOf(level2).overdue).toEqual([]);
  });

  it('tells the two forms of the police check apart and ignores ADVV and ended registrations', () => {
    const never = extractOf({ cases: [kase()], registrations: [reg('ADVP', ago(300))] });
    expect(rulesOf(never).overdue).toEqual(['DA-POLICE-CHECK:never-requested']);
    const unanswered = extractOf({ cases: [kase()], registrations: [reg('REG30', ago(300))], contacts: [contact('C369', ago(15))] });
    expect(rulesOf(unanswered).overdue).toEqual(['DA-POLICE-CHECK:no-response']);
    const answered = extractOf({ cases: [kase()], registrations: [reg('ADVP', ago(300))], contacts: [contact('C369', ago(15)), contact('C515', ago(2))] });
    expect(rulesOf(answered).overdue).toEqual([]);
    const ignored = extractOf({ cases: [kase()], registrations: [reg('ADVV', ago(300)), reg('ADVP', ago(300), { deregistration_date: ago(1) })] });
    expect(rulesOf(ignored).overdue).toEqual([]);
  });

  it('flags a linked need with no referral since allocation', () => {
    const need = { crn: 'X000001', need: 'DRUG', severity: 'STANDARD', linked_to_harm: 'N', linked_to_reoffending: 'Y' };
    const before = extractOf({ cases: [kase()], needs: [need], contacts: [contact('CLDR', ago(201))] });
    expect(rulesOf(before).overdue).toEqual(['NEED-REFERRAL']);
    const after = extractOf({ cases: [kase()], needs: [need], contacts: [contact('CGRF', ago(150))] });
    expect(rulesOf(after).overdue).toEqual([]);
  });

  it('flags missing, stale and mismatched RoSH, and a high-risk case held by a PSO', () => {
    expect(rulesOf(extractOf({ cases: [kase({ rosh_level: '', rosh_assessed_on: '', allocation_date: ago(16) })] })).overdue).toEqual(['ROSH-MISSING']);
    expect(rulesOf(extractOf({ cases: [kase({ rosh_assessed_on: ago(366) })] })).overdue).toEqual(['ROSH-STALE']);
    const mismatch = extractOf({ cases: [kase({ rosh_level: 'LOW', rosh_assessed_on: ago(1) })], registrations: [reg('RMRH', ago(50))] });
    expect(rulesOf(mismatch).overdue).toEqual(['ROSH-MISMATCH']);
    const pso = extractOf({
      cases: [kase({ rosh_level: 'HIGH' })],
      staff: [{ staff_code: 'S1', grade: 'PSQ', points_available: '100', points_used: '80' }],
      contacts: [contact('MO1', ago(10))],
    });
    expect(rulesOf(pso).overdue).toEqual(['ALLOCATION-GRADE']);
  });

  it('flags a registration past its next review date, only while it is active', () => {
    const due = extractOf({ cases: [kase()], registrations: [reg('WRSM', ago(90), { next_review_date: ago(1) })] });
    expect(rulesOf(due).overdue).toEqual(['REGISTRATION-REVIEW']);
    const ended = extractOf({ cases: [kase()], registrations: [reg('WRSM', ago(90), { next_review_date: ago(10), deregistration_date: ago(5) })] });
    expect(rulesOf(ended).overdue).toEqual([]);
  });

  it('counts a practitioner at exactly 100% of points as over capacity', () => {
    const staff = [
      { staff_code: 'A', points_available: '120', points_used: '120' },
      { staff_code: 'B', points_available: '120', points_used: '119' },
      { staff_code: 'C', points_available: '', points_used: '' },
    ];
    expect(evaluate(extractOf({ cases: [], staff }), AS_OF).overCapacity).toEqual(['A']);
  });

  it('reads only unquoted CSV and checks each row against the header', () => {
    expect(parseSimpleCsv('a,b\n1,2\n').rows).toEqual([{ a: '1', b: '2' }]);
    expect(() => parseSimpleCsv('a,b\n"1",2\n')).toThrow(/quoted/);
    expect(() => parseSimpleCsv('a,b\n1\n')).toThrow(/line 2/);
  });
});
