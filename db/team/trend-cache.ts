import { caseRuleIds, type CaseRuleId } from '../contract/index.js';
import type { Db } from '../connection.js';
import { loadPolicy } from '../rules/settings-store.js';
import { sweepHere, type TrendSweep } from './parallel-sweep.js';
import type { WeekTotals } from './trend-totals.js';
import type { WeekFigures } from './week-figures.js';

/**
 * The trend cache (migration 11): each week's whole-caseload and whole-team totals, kept under the
 * basis they were evaluated under and read only while it holds, so a repeat read is a look-up.
 *
 * The basis names everything a week's figures are a function of, each by a counter that moves
 * whenever it changes: the snapshot (the latest import that committed it or confirmed it, which
 * also says which files it came with), every review version (recorded, amended or withdrawn: each
 * is a new row, never an update), every action done or dropped (likewise), and the policy in
 * force. Reading three maxima of integer keys and the settings costs far less than a millisecond,
 * and unlike triggers it cannot miss a path that writes.
 */

interface WeekRow {
  as_of: string;
}

interface TotalsRow {
  as_of: string;
  scope: string;
  cases: number;
  high_risk: number;
  mappa_l1: number;
  in_scope: number;
  covered: number;
  oldest_days: number | null;
  overdue_json: string;
  overdue: number;
  due_soon: number;
  median_days_overdue: number | null;
}

export function trendBasis(db: Db): string {
  const max = (sql: string): number => db.prepare<[], number | null>(sql).pluck().get() ?? 0;
  const snapshot = max(`SELECT max(id) FROM import_log WHERE outcome IN ('committed', 'already-imported')`);
  const reviews = max(`SELECT max(id) FROM reviews`);
  const actions = max(`SELECT max(id) FROM action_events`);
  return `import ${String(snapshot)}|reviews ${String(reviews)}|actions ${String(actions)}|${JSON.stringify(loadPolicy(db))}`;
}

function toRow(asOf: string, scope: string, f: WeekFigures): TotalsRow {
  return {
    as_of: asOf,
    scope,
    cases: f.cases,
    high_risk: f.highRisk,
    mappa_l1: f.mappaL1,
    in_scope: f.inScope,
    covered: f.covered,
    oldest_days: f.oldestDays,
    overdue_json: JSON.stringify(f.overdueByRule),
    overdue: f.overdue,
    due_soon: f.dueSoon,
    median_days_overdue: f.medianDaysOverdue,
  };
}

function fromRow(r: TotalsRow): WeekFigures {
  const stored = JSON.parse(r.overdue_json) as Partial<Record<CaseRuleId, number>>;
  return {
    cases: r.cases,
    highRisk: r.high_risk,
    mappaL1: r.mappa_l1,
    inScope: r.in_scope,
    covered: r.covered,
    oldestDays: r.oldest_days,
    overdueByRule: Object.fromEntries(caseRuleIds.map((rule) => [rule, stored[rule] ?? 0])) as Record<CaseRuleId, number>,
    overdue: r.overdue,
    dueSoon: r.due_soon,
    medianDaysOverdue: r.median_days_overdue,
  };
}

export interface CachedWeeks {
  /** Week-end date → the scope's figures; absent for a week in which the scope held no case. */
  figures: Map<string, WeekFigures>;
  /** How many of the dates were evaluated by this call (the rest were read from the cache). */
  evaluated: number;
}

/**
 * The figures of one scope (CASELOAD_SCOPE or a teamScope of ./trend-totals.ts) for these week-end dates: weeks stored
 * under the current basis are read; the others are evaluated together in one sweep, for every
 * scope at once, and stored in one transaction that also drops the weeks of any other basis. Weeks
 * are stored only if the basis still holds when the sweep ends (the sweep may run in part in a
 * worker, while this thread answers other calls): figures of a basis already gone are answered,
 * never kept.
 */
export async function cachedWeeks(db: Db, dates: readonly string[], scope: string, now: () => Date, sweep: TrendSweep = sweepHere): Promise<CachedWeeks> {
  const basis = trendBasis(db);
  const wanted = JSON.stringify(dates);
  const stored = new Set(
    db
      .prepare<[string, string], WeekRow>(`SELECT as_of FROM trend_weeks WHERE basis = ? AND as_of IN (SELECT value FROM json_each(?))`)
      .all(basis, wanted)
      .map((r) => r.as_of),
  );
  const missing = [...new Set(dates)].filter((d) => !stored.has(d));
  let fresh: WeekTotals = new Map();
  if (missing.length) {
    fresh = await sweep(db, missing);
    if (trendBasis(db) === basis) store(db, basis, fresh, now().toISOString());
  }
  const rows = db
    .prepare<[string, string, string], TotalsRow>(`SELECT t.* FROM trend_totals t JOIN trend_weeks w USING (as_of) WHERE w.basis = ? AND t.scope = ? AND t.as_of IN (SELECT value FROM json_each(?))`)
    .all(basis, scope, wanted);
  const figures = new Map(rows.map((r) => [r.as_of, fromRow(r)]));
  for (const [asOf, scopes] of fresh) {
    const f = scopes.get(scope);
    if (f) figures.set(asOf, f);
  }
  return { figures, evaluated: missing.length };
}

function store(db: Db, basis: string, totals: WeekTotals, computedAt: string): void {
  const insertWeek = db.prepare(`INSERT OR REPLACE INTO trend_weeks (as_of, basis, computed_at) VALUES (?, ?, ?)`);
  const insertTotals = db.prepare<TotalsRow>(
    `INSERT OR REPLACE INTO trend_totals (as_of, scope, cases, high_risk, mappa_l1, in_scope, covered, oldest_days, overdue_json, overdue, due_soon, median_days_overdue)
     VALUES (@as_of, @scope, @cases, @high_risk, @mappa_l1, @in_scope, @covered, @oldest_days, @overdue_json, @overdue, @due_soon, @median_days_overdue)`,
  );
  db.transaction(() => {
    // Weeks of an older basis would be evaluated again anyway: dropping them keeps the cache to
    // the basis in force, however many dates were ever asked for. Two calls that swept the same
    // weeks at once store the same figures: the second replaces the first.
    db.prepare(`DELETE FROM trend_weeks WHERE basis <> ?`).run(basis);
    for (const [asOf, scopes] of totals) {
      insertWeek.run(asOf, basis, computedAt);
      for (const [s, f] of scopes) insertTotals.run(toRow(asOf, s, f));
    }
  })();
}
