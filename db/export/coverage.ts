import type { CaseRuleId, ExportFilters } from '../contract/index.js';
import type { Db } from '../connection.js';
import { classify } from '../rules/classify.js';
import { forEachCase, prepareEvaluation, teamCrns } from '../rules/evaluate.js';

/** The rules whose overdue flag means a case in scope has gone without the SPO oversight it needs. */
export const coverageRules: readonly CaseRuleId[] = ['OVERSIGHT-NEW', 'OVERSIGHT-OVERDUE', 'MAPPA-L1-REVIEW'];

/**
 * Oversight coverage for the title page of the oversight log, on the day of export.
 *
 * In scope: a case in the caseload now whose RoSH is high or very high, or that is managed at MAPPA
 * level 1 — held now by the export's team or practitioner, when it names one. (The export's dates
 * and rule choose reviews, not cases.) Covered: none of `coverageRules` is overdue for it. This is
 * the flags' own judgement (the queue shows the same cases as overdue), so a case whose first
 * oversight is not yet due counts as covered.
 */
export interface ExportCoverage {
  asOf: string;
  inScope: number;
  covered: number;
}

function scopeCrns(db: Db, f: ExportFilters): string[] | undefined {
  const held = f.practitioner
    ? db.prepare<[string], string>('SELECT crn FROM cases WHERE in_caseload = 1 AND upper(staff_code) = ? ORDER BY crn').pluck().all(f.practitioner)
    : undefined;
  if (!f.team) return held;
  const team = teamCrns(db, f.team);
  if (!held) return team;
  const inTeam = new Set(team);
  return held.filter((crn) => inTeam.has(crn));
}

export function exportCoverage(db: Db, f: ExportFilters, asOf: string): ExportCoverage {
  const ev = prepareEvaluation(db, asOf);
  let inScope = 0;
  let covered = 0;
  forEachCase(
    db,
    ev,
    (c, outcome) => {
      const s = outcome.status;
      if (!c.row.inCaseload || !(s.highRisk || s.mappaLevel === 'M1')) return;
      inScope++;
      const late = outcome.rules.some((r) => coverageRules.includes(r.rule) && classify(r.dueDate, asOf, ev.policy.dueSoonDays).status === 'overdue');
      if (!late) covered++;
    },
    scopeCrns(db, f),
  );
  return { asOf, inScope, covered };
}
