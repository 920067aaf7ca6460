import type { Db } from '../connection.js';
import { snapshotInfo } from '../rules/load.js';
import { loadPolicy } from '../rules/settings-store.js';
import { tallyWeeks, type StaffWeek } from './tally.js';

/**
 * The weekly tallies behind the trend chart and the team heatmap, kept in `trend_weeks` and
 * `trend_staff` (migration 6). A year of weeks is 52 evaluations of the whole caseload: made in
 * one pass over the evidence (db/team/tally.ts), but still too slow to repeat on every read, so
 * each week is stored under its basis — the import and the policy in force — and used while that
 * basis holds. Reviews recorded,
 * amended or withdrawn since a week was stored change only their practitioners' figures, so only
 * those practitioners are evaluated again.
 */

interface WeekRow {
  as_of: string;
  basis: string;
  reviews_seen: number;
}

interface StaffRowDb {
  as_of: string;
  staff_code: string;
  team_code: string | null;
  cases: number;
  high_risk: number;
  mappa_l1: number;
  in_scope: number;
  covered: number;
  oldest_days: number | null;
  overdue_json: string;
  due_soon: number;
  days_overdue_json: string;
}

export interface WeeklyTallies {
  /** Week-end date → practitioner tallies (all practitioners holding cases, or the team's). */
  weeks: Map<string, StaffWeek[]>;
  /** How many weeks were evaluated in full or in part by this call (the rest came from the cache). */
  evaluated: number;
}

const maxReviewId = (db: Db): number => db.prepare<[], number>(`SELECT coalesce(max(id), 0) FROM reviews`).pluck().get() ?? 0;

/** What a stored week was evaluated under: the snapshot and every setting in force. */
export function currentBasis(db: Db): string {
  return `${snapshotInfo(db).importId ?? 'none'}|${JSON.stringify(loadPolicy(db))}`;
}

function toRow(asOf: string, w: StaffWeek): StaffRowDb {
  return {
    as_of: asOf,
    staff_code: w.staffCode,
    team_code: w.teamCode,
    cases: w.cases,
    high_risk: w.highRisk,
    mappa_l1: w.mappaL1,
    in_scope: w.inScope,
    covered: w.covered,
    oldest_days: w.oldestDays,
    overdue_json: JSON.stringify(w.overdue),
    due_soon: w.dueSoon,
    days_overdue_json: JSON.stringify(w.daysOverdue),
  };
}

function fromRow(r: StaffRowDb): StaffWeek {
  return {
    staffCode: r.staff_code,
    teamCode: r.team_code,
    cases: r.cases,
    highRisk: r.high_risk,
    mappaL1: r.mappa_l1,
    inScope: r.in_scope,
    covered: r.covered,
    oldestDays: r.oldest_days,
    overdue: JSON.parse(r.overdue_json) as StaffWeek['overdue'],
    dueSoon: r.due_soon,
    daysOverdue: JSON.parse(r.days_overdue_json) as number[],
  };
}

/**
 * The tallies for these week-end dates, from the cache where its basis holds, evaluated (and
 * stored) where not. Each week is written in its own transaction.
 */
export function weeklyTallies(db: Db, dates: readonly string[], opts: { team?: string | undefined; now: () => Date }): WeeklyTallies {
  const basis = currentBasis(db);
  const reviewsNow = maxReviewId(db);
  const getWeek = db.prepare<[string], WeekRow>(`SELECT as_of, basis, reviews_seen FROM trend_weeks WHERE as_of = ?`);
  const insertWeek = db.prepare(
    `INSERT INTO trend_weeks (as_of, basis, reviews_seen, computed_at) VALUES (@as_of, @basis, @reviews_seen, @computed_at)
     ON CONFLICT (as_of) DO UPDATE SET basis = excluded.basis, reviews_seen = excluded.reviews_seen, computed_at = excluded.computed_at`,
  );
  const deleteStaff = db.prepare(`DELETE FROM trend_staff WHERE as_of = ?`);
  const deleteOne = db.prepare(`DELETE FROM trend_staff WHERE as_of = ? AND staff_code = ?`);
  const insertStaff = db.prepare<StaffRowDb>(
    `INSERT INTO trend_staff (as_of, staff_code, team_code, cases, high_risk, mappa_l1, in_scope, covered, oldest_days, overdue_json, due_soon, days_overdue_json)
     VALUES (@as_of, @staff_code, @team_code, @cases, @high_risk, @mappa_l1, @in_scope, @covered, @oldest_days, @overdue_json, @due_soon, @days_overdue_json)`,
  );
  const read = db.prepare<{ as_of: string; team: string | null }, StaffRowDb>(
    `SELECT * FROM trend_staff WHERE as_of = @as_of AND (@team IS NULL OR team_code = @team) ORDER BY staff_code`,
  );
  const changedStaff = db
    .prepare<[number], string>(`SELECT DISTINCT c.staff_code FROM reviews r JOIN cases c ON c.crn = r.crn WHERE r.id > ? ORDER BY c.staff_code`)
    .pluck();
  const casesOf = db.prepare<[string], string>(`SELECT crn FROM cases WHERE in_caseload = 1 AND staff_code = ? ORDER BY crn`).pluck();

  // Weeks never stored, or stored under another import or policy, are evaluated together in one
  // pass; weeks with reviews recorded since are evaluated again for those practitioners only.
  const full: string[] = [];
  const partial: string[] = [];
  let seen = reviewsNow;
  for (const asOf of dates) {
    const stored = getWeek.get(asOf);
    if (!stored || stored.basis !== basis) full.push(asOf);
    else if (stored.reviews_seen < reviewsNow) {
      partial.push(asOf);
      seen = Math.min(seen, stored.reviews_seen);
    }
  }
  const computedAt = opts.now().toISOString();
  const store = (asOf: string, tallies: Map<string, StaffWeek> | undefined, replace: readonly string[] | null): void => {
    db.transaction(() => {
      if (replace === null) deleteStaff.run(asOf);
      else for (const s of replace) deleteOne.run(asOf, s);
      insertWeek.run({ as_of: asOf, basis, reviews_seen: reviewsNow, computed_at: computedAt });
      for (const w of tallies?.values() ?? []) insertStaff.run(toRow(asOf, w));
    })();
  };
  if (full.length) {
    const tallies = tallyWeeks(db, full);
    // Weeks kept under an older import or policy would be evaluated again anyway: dropping them
    // keeps the cache to the weeks of the basis in force, however many dates were ever asked for.
    db.transaction(() => {
      db.prepare(`DELETE FROM trend_staff WHERE as_of IN (SELECT as_of FROM trend_weeks WHERE basis <> ?)`).run(basis);
      db.prepare(`DELETE FROM trend_weeks WHERE basis <> ?`).run(basis);
    })();
    for (const asOf of full) store(asOf, tallies.get(asOf), null);
  }
  if (partial.length) {
    const staff = changedStaff.all(seen);
    const tallies = tallyWeeks(db, partial, staff.flatMap((s) => casesOf.all(s)));
    for (const asOf of partial) store(asOf, tallies.get(asOf), staff);
  }
  const weeks = new Map<string, StaffWeek[]>(dates.map((asOf) => [asOf, read.all({ as_of: asOf, team: opts.team ?? null }).map(fromRow)]));
  const evaluated = full.length + partial.length;
  return { weeks, evaluated };
}
