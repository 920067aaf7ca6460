import type { CaseloadCounts, CaseRuleId, Policy } from '../contract/index.js';
import type { Db } from '../connection.js';
import { plusDays } from '../rules/days.js';
import { classify } from '../rules/classify.js';
import { evaluateCase } from '../rules/evaluate-case.js';
import { prepareEvaluation } from '../rules/evaluate.js';
import type { CaseOutcome, EvalContext } from '../rules/evidence.js';
import { EvidenceLoader, type LoadedCase } from '../rules/load.js';
import { oversightAge } from './coverage.js';

/** What the rules found for one practitioner's cases on one date. */
export interface StaffWeek extends CaseloadCounts {
  /** The most days any in-scope case has gone without oversight; null with none in scope. */
  oldestDays: number | null;
  /** Overdue case flags by rule. */
  overdue: Partial<Record<CaseRuleId, number>>;
  dueSoon: number;
  /** Days overdue of every overdue case flag, ascending. */
  daysOverdue: number[];
}

export function emptyWeek(staffCode: string, teamCode: string | null): StaffWeek {
  return { staffCode, teamCode, cases: 0, highRisk: 0, mappaL1: 0, inScope: 0, covered: 0, oldestDays: null, overdue: {}, dueSoon: 0, daysOverdue: [] };
}

/** Adds one case's outcome on `asOf` to its practitioner's tally. */
function addCase(out: Map<string, StaffWeek>, c: LoadedCase, outcome: CaseOutcome, asOf: string, policy: Policy): void {
  // The extract only says who holds a case now and since when: before its allocation date a
  // case is counted nowhere, rather than against a practitioner who did not yet hold it.
  if (c.row.allocationDate > asOf) return;
  const code = c.row.staffCode;
  let w = out.get(code);
  if (!w) out.set(code, (w = emptyWeek(code, c.staff?.teamCode ?? null)));
  w.cases++;
  const s = outcome.status;
  if (s.highRisk) w.highRisk++;
  if (s.mappaLevel === 'M1') w.mappaL1++;
  // In scope from the day oversight is first counted from (a RoSH assessed later is a snapshot value).
  if (outcome.oversight && outcome.oversight.since <= asOf) {
    const age = oversightAge(outcome.oversight, asOf, policy.oversightIntervalDays);
    w.inScope++;
    if (age.covered) w.covered++;
    if (w.oldestDays === null || age.days > w.oldestDays) w.oldestDays = age.days;
  }
  for (const r of outcome.rules) {
    const k = classify(r.dueDate, asOf, policy.dueSoonDays);
    if (k.status === 'overdue') {
      w.overdue[r.rule] = (w.overdue[r.rule] ?? 0) + 1;
      w.daysOverdue.push(k.daysOverdue);
    } else if (k.status === 'due-soon') w.dueSoon++;
  }
}

function sortDays(out: Map<string, StaffWeek>): Map<string, StaffWeek> {
  for (const w of out.values()) w.daysOverdue.sort((a, b) => a - b);
  return out;
}

/**
 * Evaluates the rules as of `asOf` over the caseload (or only `crns`) and adds up each
 * practitioner's cases: the same evaluation as `flags:evaluate`, grouped by the case's staff code,
 * leaving out cases allocated after `asOf`.
 */
export function tallyWeek(db: Db, asOf: string, crns?: readonly string[]): Map<string, StaffWeek> {
  return tallyWeeks(db, [asOf], crns).get(asOf) ?? new Map<string, StaffWeek>();
}

/**
 * The same for several dates from one read of the evidence: each case's evidence up to the last
 * date is loaded once and evaluated as of every date (the rules ignore what is dated later), so a
 * year of weeks costs one pass over the caseload rather than fifty-two.
 */
export function tallyWeeks(db: Db, dates: readonly string[], crns?: readonly string[]): Map<string, Map<string, StaffWeek>> {
  const out = new Map<string, Map<string, StaffWeek>>(dates.map((d) => [d, new Map<string, StaffWeek>()]));
  const last = dates.reduce((a, b) => (b > a ? b : a), '');
  if (!last) return out;
  const { policy, ctx } = prepareEvaluation(db, last);
  const contexts: EvalContext[] = dates.map((asOf) => ({ ...ctx, asOf, horizon: plusDays(asOf, policy.dueSoonDays) }));
  new EvidenceLoader(db, policy, last, { history: true }).each((c) => {
    for (const cx of contexts) {
      const tally = out.get(cx.asOf);
      if (tally) addCase(tally, c, evaluateCase(c.evidence, cx), cx.asOf, policy);
    }
  }, crns);
  for (const t of out.values()) sortDays(t);
  return out;
}
