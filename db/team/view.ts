import type { TeamHeatCell, TeamPractitioner, TeamView, TeamWorkload } from '../contract/index.js';
import type { Db } from '../connection.js';
import { prepareEvaluation, teamCrns } from '../rules/evaluate.js';
import { allStaff } from '../rules/load.js';
import { ActionTracker } from '../reviews/actions.js';
import type { StoredStaff } from '../store/staff.js';
import { evaluateStaff } from '../rules/staff-rule.js';
import { weekEndings } from './coverage.js';
import { heatWeeks, type HeatWeek } from './heat.js';
import { emptyWeek, tallyWeek, type StaffWeek } from './tally.js';

export const HEATMAP_WEEKS = 12;

export const HEATMAP_READING =
  'Each cell is one practitioner on one week-end date (a Sunday): how many of their high-risk and MAPPA level 1 cases had no SPO oversight ' +
  '(an oversight contact or a current review) within the oversight interval on that date, out of how many such cases, and how many whole weeks ' +
  'the longest-waiting of those cases had gone without oversight (counted from when it came into scope if it has never had any). ' +
  'A blank cell means the practitioner held no such case.';

/** PRACTITIONER-CAPACITY's own test (db/rules/staff-rule.ts), with the percentage shown whether or not it is reached. */
function workload(s: StoredStaff, threshold: Parameters<typeof evaluateStaff>[1]): TeamWorkload {
  const available = s.pointsAvailable ?? 0;
  return {
    pointsUsed: s.pointsUsed,
    pointsAvailable: s.pointsAvailable,
    percent: available > 0 ? Math.round(((s.pointsUsed ?? 0) / available) * 100) : null,
    overCapacity: evaluateStaff(s, threshold) !== null,
  };
}

const sum = (o: StaffWeek['overdue']): number => Object.values(o).reduce((a, b) => a + b, 0);

function heatCell(weekEnding: string, w: HeatWeek | undefined): TeamHeatCell {
  if (!w || w.inScope === 0) return { weekEnding, inScope: 0, notCovered: 0, weeksSinceOversight: null };
  return { weekEnding, inScope: w.inScope, notCovered: w.inScope - w.covered, weeksSinceOversight: w.oldestDays === null ? null : Math.floor(w.oldestDays / 7) };
}

/**
 * Open actions agreed in oversight on each practitioner's cases, as of `asOf` (reviews dated by
 * then, not done or dropped by then), and how many of those are past their due date.
 */
function actionsByPractitioner(db: Db, asOf: string): Map<string, { open: number; overdue: number }> {
  const open = new ActionTracker(db).list({ status: 'all' }, asOf).filter((a) => a.reviewDate <= asOf && !(a.closed && a.closed.date <= asOf));
  const out = new Map<string, { open: number; overdue: number }>();
  if (open.length === 0) return out;
  const holders = new Map(
    db
      .prepare<[string], { crn: string; staff_code: string }>('SELECT crn, staff_code FROM cases WHERE in_caseload = 1 AND crn IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify([...new Set(open.map((a) => a.crn))]))
      .map((r) => [r.crn, r.staff_code]),
  );
  for (const a of open) {
    const staffCode = holders.get(a.crn);
    if (staffCode === undefined) continue;
    const n = out.get(staffCode) ?? { open: 0, overdue: 0 };
    n.open++;
    if (a.due < asOf) n.overdue++;
    out.set(staffCode, n);
  }
  return out;
}

/**
 * Every practitioner of the team (or every one holding a case) with their caseload as of `asOf`,
 * evaluated afresh, and the heatmap of the last 12 week-ends swept over the same cases. Practitioners
 * in the staff file with no case are listed too, so an empty caseload is visible.
 */
export function teamView(db: Db, opts: { asOf: string; team?: string | undefined; now: () => Date }): TeamView {
  const ev = prepareEvaluation(db, opts.asOf);
  const team = opts.team ?? null;
  const staff = ev.snapshot.staffFile ? allStaff(db) : new Map<string, StoredStaff>();
  const crns = team === null ? undefined : teamCrns(db, team);
  const now = tallyWeek(db, opts.asOf, crns);
  for (const s of staff.values()) if ((team === null || s.teamCode === team) && !now.has(s.staffCode)) now.set(s.staffCode, emptyWeek(s.staffCode, s.teamCode));

  const actions = actionsByPractitioner(db, opts.asOf);
  const practitioners: TeamPractitioner[] = [...now.values()]
    .sort((a, b) => (a.staffCode < b.staffCode ? -1 : a.staffCode > b.staffCode ? 1 : 0))
    .map((w) => {
      const s = staff.get(w.staffCode) ?? null;
      return {
        staffCode: w.staffCode,
        name: s?.name ?? null,
        grade: s?.grade ?? null,
        teamCode: s?.teamCode ?? w.teamCode,
        cases: w.cases,
        highRisk: w.highRisk,
        mappaL1: w.mappaL1,
        inScope: w.inScope,
        covered: w.covered,
        coverage: w.inScope ? w.covered / w.inScope : null,
        overdue: sum(w.overdue),
        dueSoon: w.dueSoon,
        openActions: actions.get(w.staffCode)?.open ?? 0,
        overdueActions: actions.get(w.staffCode)?.overdue ?? 0,
        longestWithoutOversightDays: w.oldestDays,
        workload: s ? workload(s, ev.policy) : null,
      };
    });

  const weeks = weekEndings(opts.asOf, HEATMAP_WEEKS);
  const heat = heatWeeks(db, weeks, crns);
  const byWeek = weeks.map((d) => heat.get(d));
  return {
    asOf: opts.asOf,
    team,
    oversightIntervalDays: ev.policy.oversightIntervalDays,
    capacityThreshold: ev.policy.capacityThreshold,
    staffFile: ev.snapshot.staffFile,
    practitioners,
    heatmap: {
      reading: HEATMAP_READING,
      weeks,
      rows: practitioners.map((p) => ({ staffCode: p.staffCode, name: p.name, cells: weeks.map((d, i) => heatCell(d, byWeek[i]?.get(p.staffCode))) })),
    },
  };
}
