import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseEvidence, RegistrationEvidence } from './evidence.js';
import { isoOfDay, dayNumber } from './days.js';
import { caseFacts } from './evaluate-case.js';
import { judge, kase } from './testing/cases.js';

const BASE = dayNumber('2024-01-01');
const SPAN = 1100; // about three years of dates
const OVERSIGHT_RULES = new Set(['OVERSIGHT-NEW', 'OVERSIGHT-OVERDUE']);

const day = (max = SPAN) => fc.integer({ min: 0, max }).map((d) => isoOfDay(BASE + d));
const code = (codes: string[]) => fc.constantFrom(...codes);

/** A case whose every dated item is on or before `asOf` (BASE + SPAN), so nothing is filtered out. */
function arbitraryCase(): fc.Arbitrary<CaseEvidence> {
  const registration: fc.Arbitrary<RegistrationEvidence> = fc.record({
    code: code(['RHRH', 'RVHR', 'RMRH', 'RLRH', 'MAPP', 'ADVP', 'REG30', 'RCCO', 'WRSM']),
    level: fc.option(code(['M1', 'M2', 'M3']), { nil: null }),
    date: day(),
    nextReview: fc.option(day(SPAN + 400), { nil: null }),
    deregistered: fc.constant(null),
  });
  return fc.record({
    allocationDate: day(),
    roshLevel: fc.option(code(['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH']), { nil: null }),
    roshAssessedOn: fc.option(day(), { nil: null }),
    registrations: fc.array(registration, { maxLength: 5 }),
    contacts: fc.array(fc.record({ code: code(['MO1', 'CSPO', 'C281', 'C369', 'C515', 'SFGC', 'CGRF', 'COAP']), date: day() }), { maxLength: 6 }),
    reviews: fc.array(fc.record({ type: code(['management-oversight', 'allocation-oversight', 'mappa-l1-review']), date: day() }), { maxLength: 2 }),
    grade: code(['PSQ', 'PSM']),
  }).map(({ grade, ...rest }) => kase({ ...rest, staff: { grade } }));
}

const AS_OF = isoOfDay(BASE + SPAN);

describe('rule properties', () => {
  it('adding an oversight contact dated once the case is in scope never adds an oversight flag or makes one more overdue', () => {
    fc.assert(
      fc.property(arbitraryCase(), day(), code(['MO1', 'MO8', 'CSPO', 'C053']), (ev, date, c) => {
        // Oversight from before the case came into scope counts with no floor (oversight-rules.md,
        // "Points settled"), so such a contact may make a case more overdue; this property is
        // about contacts from the day first oversight is counted from.
        const since = caseFacts(ev, AS_OF).status.inScopeSince;
        fc.pre(date >= ev.allocationDate && (since === null || date >= since));
        const overdue = (e: CaseEvidence) => judge(e, AS_OF).filter((j) => OVERSIGHT_RULES.has(j.rule) && j.status === 'overdue');
        const before = overdue(ev);
        const after = overdue({ ...ev, contacts: [...ev.contacts, { code: c, date }] });
        expect(after.length).toBeLessThanOrEqual(before.length);
        for (const a of after) expect(a.days).toBeLessThanOrEqual(before[0]?.days ?? -Infinity);
      }),
      { numRuns: 500 },
    );
  });

  it('adding any oversight contact dated on or after allocation ends OVERSIGHT-NEW, and its due date is that contact + the interval or later', () => {
    fc.assert(
      fc.property(arbitraryCase(), day(), (ev, date) => {
        fc.pre(date >= ev.allocationDate);
        const after = judge({ ...ev, contacts: [...ev.contacts, { code: 'MO1', date }] }, AS_OF);
        expect(after.some((j) => j.rule === 'OVERSIGHT-NEW')).toBe(false);
        const repeat = after.find((j) => j.rule === 'OVERSIGHT-OVERDUE');
        if (repeat) expect(repeat.dueDate >= isoOfDay(dayNumber(date) + 84)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('moving the as-of date forward never lowers the days overdue of a flag whose evidence did not change', () => {
    fc.assert(
      fc.property(arbitraryCase(), fc.integer({ min: 1, max: 400 }), (ev, k) => {
        const later = isoOfDay(BASE + SPAN + k);
        const then = judge(ev, AS_OF);
        const now = judge(ev, later);
        for (const f of then.filter((j) => j.status === 'overdue')) {
          const same = now.find((j) => j.rule === f.rule);
          expect(same).toMatchObject({ status: 'overdue', dueDate: f.dueDate, days: f.days + k });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never applies OVERSIGHT-NEW and OVERSIGHT-OVERDUE to the same case, and flags each rule at most once', () => {
    fc.assert(
      fc.property(arbitraryCase(), (ev) => {
        const rules = judge(ev, AS_OF).map((j) => j.rule);
        expect(new Set(rules).size).toBe(rules.length);
        expect(rules.includes('OVERSIGHT-NEW') && rules.includes('OVERSIGHT-OVERDUE')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
