import type { CaseFlag, DueSoonFlag, FlagsReport, NotEvaluated, Policy, StaffFlag } from '../contract/index.js';
import type { Db } from '../connection.js';
import { plusDays } from './days.js';
import { byDueSoon, byOverdue, byRule, byStaff, classify, daysUntil } from './classify.js';
import { evaluateCase } from './evaluate-case.js';
import type { CaseOutcome, EvalContext } from './evidence.js';
import type { StoredStaff } from '../store/staff.js';
import { allStaff, EvidenceLoader, snapshotInfo, type LoadedCase, type SnapshotInfo } from './load.js';
import { loadPolicy } from './settings-store.js';
import { evaluateStaff } from './staff-rule.js';

/** Rules that need a file the snapshot in force lacks (oversight-rules.md, "Not evaluated"), by rule id. */
export function missingFileRules(snapshot: SnapshotInfo): NotEvaluated[] {
  const out: NotEvaluated[] = [];
  if (!snapshot.staffFile) out.push({ rule: 'ALLOCATION-GRADE', reason: 'no staff data in the extract' });
  if (!snapshot.needsFile) out.push({ rule: 'NEED-REFERRAL', reason: 'no needs data in the extract' });
  if (!snapshot.staffFile) out.push({ rule: 'PRACTITIONER-CAPACITY', reason: 'no staff data in the extract' });
  return out;
}

/** Collects the high-risk cases whose practitioner the staff file does not hold, for one notEvaluated line. */
export class UnknownStaff {
  private readonly cases: { crn: string; staffCode: string }[] = [];
  note(crn: string, staffCode: string, outcome: CaseOutcome): void {
    if (outcome.notEvaluated.some((n) => n.rule === 'ALLOCATION-GRADE')) this.cases.push({ crn, staffCode });
  }
  entries(): NotEvaluated[] {
    const n = this.cases.length;
    if (n === 0) return [];
    const shown = this.cases.slice(0, 10).map((c) => `${c.crn} (${c.staffCode})`);
    return [
      {
        rule: 'ALLOCATION-GRADE',
        reason: `not evaluated for ${n} high-risk case${n === 1 ? '' : 's'} whose staff code is not in the staff file: ${shown.join(', ')}${n > 10 ? ', …' : ''}`,
      },
    ];
  }
}

export interface Evaluation {
  asOf: string;
  policy: Policy;
  snapshot: SnapshotInfo;
  ctx: EvalContext;
}

/**
 * The policy and snapshot for one evaluation. Listing flags needs only the rules due within
 * dueSoonDays; the case screen (`everyRule`) shows every rule that applies.
 */
export function prepareEvaluation(db: Db, asOf: string, everyRule = false): Evaluation {
  const policy = loadPolicy(db);
  const snapshot = snapshotInfo(db);
  const horizon = everyRule ? null : plusDays(asOf, policy.dueSoonDays);
  return { asOf, policy, snapshot, ctx: { asOf, policy, staffFile: snapshot.staffFile, needsFile: snapshot.needsFile, horizon } };
}

/** Cases of one team (through the staff file), in CRN order. */
export function teamCrns(db: Db, team: string): string[] {
  return db
    .prepare<[string], string>(
      `SELECT c.crn FROM cases c JOIN staff s ON s.staff_code = c.staff_code WHERE c.in_caseload = 1 AND s.team_code = ? ORDER BY c.crn`,
    )
    .pluck()
    .all(team);
}

/**
 * Visits every case in the caseload (or the given CRNs) with its outcome. The whole caseload goes
 * through the chunked bulk loader; a short list of CRNs through per-CRN look-ups.
 */
export function forEachCase(db: Db, ev: Evaluation, visit: (c: LoadedCase, outcome: CaseOutcome) => void, crns?: readonly string[]): void {
  new EvidenceLoader(db, ev.policy, ev.asOf).each((c) => {
    visit(c, evaluateCase(c.evidence, ev.ctx));
  }, crns);
}

export function staffFlagsFor(staff: Iterable<StoredStaff>, policy: Policy, team?: string): StaffFlag[] {
  const out: StaffFlag[] = [];
  for (const s of staff) {
    if (team !== undefined && s.teamCode !== team) continue;
    const o = evaluateStaff(s, policy);
    if (o) out.push({ staffCode: s.staffCode, rule: o.rule, reason: o.reason });
  }
  return out.sort(byStaff);
}

/**
 * The `flags --json` document computed afresh for any as-of date (the trend chart, `--as-of`),
 * without touching the stored flags.
 */
export function evaluateFlags(db: Db, opts: { asOf: string; team?: string | undefined }): FlagsReport {
  const ev = prepareEvaluation(db, opts.asOf);
  const caseFlags: CaseFlag[] = [];
  const dueSoon: DueSoonFlag[] = [];
  const unknown = new UnknownStaff();
  forEachCase(
    db,
    ev,
    (c, outcome) => {
      unknown.note(c.row.crn, c.row.staffCode, outcome);
      for (const r of outcome.rules) {
        const k = classify(r.dueDate, ev.asOf, ev.policy.dueSoonDays);
        if (k.status === 'overdue') caseFlags.push({ crn: c.row.crn, rule: r.rule, dueDate: r.dueDate, daysOverdue: k.daysOverdue, reason: r.reason });
        else if (k.status === 'due-soon') dueSoon.push({ crn: c.row.crn, rule: r.rule, dueDate: r.dueDate, daysUntilDue: daysUntil(k), reason: r.reason });
      }
    },
    opts.team === undefined ? undefined : teamCrns(db, opts.team),
  );
  return {
    asOf: ev.asOf,
    policy: ev.policy,
    caseFlags: caseFlags.sort(byOverdue),
    dueSoon: dueSoon.sort(byDueSoon),
    staffFlags: ev.snapshot.staffFile ? staffFlagsFor(allStaff(db).values(), ev.policy, opts.team) : [],
    notEvaluated: [...missingFileRules(ev.snapshot), ...unknown.entries()].sort(byRule),
  };
}
