import type { Db } from '../connection.js';
import type { Policy } from '../contract/index.js';
import { prepareEvaluation } from '../rules/evaluate.js';
import type { EvalContext } from '../rules/evidence.js';
import { EvidenceLoader, type CrnRange, type LoadedCase } from '../rules/load.js';
import { sweepCase, sweepWeeks, type CaseWeek, type SweepWeek } from './sweep.js';

/** One case's outcome over weeks `from` ≤ i < `to` (./sweep.ts). */
export type SweepVisit = (c: LoadedCase, from: number, to: number, o: CaseWeek) => void;

export interface CaseloadSweep {
  /** The week-end dates in ascending order, as the week indices passed to a visit count them. */
  weeks: SweepWeek[];
  /** The policy in force, which every week is evaluated under. */
  policy: Policy;
  /** Sweeps every case in the caseload, or only `crns`. */
  run(visit: SweepVisit, crns?: readonly string[]): void;
  /** Sweeps the cases of the caseload whose CRN is in `range`. */
  runIn(range: CrnRange, visit: SweepVisit): void;
}

/**
 * The weekly evaluations of the caseload as one sweep: each case's evidence up to the last date is
 * read once (the rules filter it by each week's date) and evaluated only at the weeks its evidence
 * changes (./sweep.ts).
 */
export function caseloadSweep(db: Db, dates: readonly string[]): CaseloadSweep {
  const weeks = sweepWeeks(dates);
  const last = weeks[weeks.length - 1]?.iso ?? '';
  const { policy, ctx } = prepareEvaluation(db, last);
  const contexts: EvalContext[] = weeks.map((w) => ({ ...ctx, asOf: w.iso, horizon: null }));
  const sweep =
    (visit: SweepVisit) =>
    (c: LoadedCase): void => {
      sweepCase(c.evidence, weeks, contexts, (from, to, o) => {
        visit(c, from, to, o);
      });
    };
  const loader = () => new EvidenceLoader(db, policy, last, { history: true });
  return {
    weeks,
    policy,
    run: (visit, crns) => {
      if (last) loader().each(sweep(visit), crns);
    },
    runIn: (range, visit) => {
      if (last) loader().eachIn(range, sweep(visit));
    },
  };
}
