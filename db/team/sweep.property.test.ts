import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseRuleIds } from '../contract/index.js';
import { dayNumber, isoOfDay } from '../rules/days.js';
import { evaluateCase } from '../rules/evaluate-case.js';
import type { ActionEvidence, CaseEvidence, RegistrationEvidence } from '../rules/evidence.js';
import { ctxFor, kase } from '../rules/testing/cases.js';
import { weekEndings } from './coverage.js';
import { sweepCase, sweepWeeks, type CaseWeek } from './sweep.js';

/*
 * The sweep evaluates a case only at the weeks its evidence changes and reuses that outcome until
 * the next change. Checked against the rules' own evaluation (evaluateCase) as of every one of 52
 * weeks, for random cases whose dated items fall before, inside and after the year.
 */

const BASE = dayNumber('2024-06-01');
const SPAN = 950; // to 2027-01-06: past the last week too
const WEEKS = weekEndings('2026-11-23', 52);
const day = (from = 0, span = SPAN) => fc.integer({ min: from, max: from + span }).map((d) => isoOfDay(BASE + d));
const code = (codes: string[]) => fc.constantFrom(...codes);

const registration: fc.Arbitrary<RegistrationEvidence> = fc
  .record({
    code: code(['RHRH', 'RVHR', 'RMRH', 'RLRH', 'MAPP', 'MAPP', 'ADVP', 'REG30', 'RCCO', 'RCPR', 'WRSM']),
    level: fc.option(code(['M1', 'M1', 'M2', 'M3']), { nil: null }),
    start: fc.integer({ min: 0, max: SPAN }),
    nextReview: fc.option(day(0, SPAN + 200), { nil: null }),
    length: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
  })
  .map((r) => ({ code: r.code, level: r.level, date: isoOfDay(BASE + r.start), nextReview: r.nextReview, deregistered: r.length === null ? null : isoOfDay(BASE + r.start + r.length) }));

const action: fc.Arbitrary<ActionEvidence> = fc
  .record({ reviewId: fc.integer({ min: 1, max: 3 }), reviewDay: fc.integer({ min: 0, max: SPAN }), due: fc.integer({ min: 0, max: 120 }), closed: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }) })
  .map((a) => ({
    reviewId: a.reviewId,
    reviewType: 'management-oversight',
    reviewDate: isoOfDay(BASE + a.reviewDay),
    number: 1,
    text: `action ${String(a.due)}`,
    owner: 'Pat',
    due: isoOfDay(BASE + a.reviewDay + a.due),
    closedOn: a.closed === null ? null : isoOfDay(BASE + a.reviewDay + a.closed),
  }));

const arbitraryCase: fc.Arbitrary<CaseEvidence> = fc
  .record({
    allocationDate: day(),
    roshLevel: fc.option(code(['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH', 'high ']), { nil: null }),
    roshAssessedOn: fc.option(day(), { nil: null }),
    registrations: fc.array(registration, { maxLength: 5 }),
    contacts: fc.array(fc.record({ code: code(['MO1', 'MO8', 'CSPO', 'C053', 'C281', 'C369', 'C515', 'SFGC', 'SFRR', 'CGRF', 'CLDR', 'C347', 'COAP']), date: day() }), { maxLength: 10 }),
    reviews: fc.array(fc.record({ type: code(['management-oversight', 'allocation-oversight', 'mappa-l1-review']), date: day() }), { maxLength: 3 }),
    needs: fc.array(fc.record({ need: code(['DRUG', 'ALCOHOL', 'ETE', 'FINANCE', 'ACCOMMODATION']), severity: fc.option(code(['STANDARD', 'SEVERE', 'LOW']), { nil: null }), linkedToHarm: fc.boolean(), linkedToReoffending: fc.boolean() }), { maxLength: 3 }),
    actions: fc.array(action, { maxLength: 3 }),
    staff: fc.option(fc.record({ grade: fc.option(code(['PSQ', 'PSM']), { nil: null }) }), { nil: null }),
  })
  .map((c) => kase(c));

const policy = fc.record({
  oversightIntervalDays: fc.integer({ min: 1, max: 200 }),
  newCaseOversightDays: fc.integer({ min: 0, max: 60 }),
  dueSoonDays: fc.integer({ min: 0, max: 30 }),
  mappaL1ReviewDays: fc.integer({ min: 1, max: 200 }),
  referralDays: fc.integer({ min: 1, max: 100 }),
});

/** What the rules find as of one date, in the sweep's terms. */
function direct(ev: CaseEvidence, asOf: string, ctx: ReturnType<typeof ctxFor>): CaseWeek {
  const o = evaluateCase(ev, { ...ctx, asOf });
  return {
    highRisk: o.status.highRisk,
    mappaL1: o.status.mappaLevel === 'M1',
    since: o.oversight ? dayNumber(o.oversight.since) : null,
    latest: o.oversight?.latest ? dayNumber(o.oversight.latest) : null,
    rules: o.rules.map((r) => caseRuleIds.indexOf(r.rule)),
    due: o.rules.map((r) => dayNumber(r.dueDate)),
  };
}

describe('the weekly sweep of one case', () => {
  it('finds, for every one of 52 weeks, what evaluating the case as of that week finds', () => {
    fc.assert(
      fc.property(arbitraryCase, policy, fc.boolean(), fc.boolean(), (ev, p, staffFile, needsFile) => {
        const weeks = sweepWeeks(WEEKS);
        const ctx = ctxFor(WEEKS[0] ?? '', { policy: p, staffFile, needsFile });
        const contexts = weeks.map((w) => ({ ...ctx, asOf: w.iso }));
        const swept = new Map<number, CaseWeek>();
        sweepCase(ev, weeks, contexts, (from, to, o) => {
          for (let i = from; i < to; i++) swept.set(i, o);
        });
        weeks.forEach((w, i) => {
          // A case is counted only from its allocation (oversight-rules.md, "Terms").
          const expected = ev.allocationDate > w.iso ? undefined : direct(ev, w.iso, ctx);
          expect({ week: w.iso, o: swept.get(i) }).toEqual({ week: w.iso, o: expected });
        });
      }),
      { numRuns: 1000 },
    );
  });
});
