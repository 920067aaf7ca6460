import type { NotEvaluated, Policy } from '../contract/index.js';
import type { Db } from '../connection.js';
import { byRule, classify } from './classify.js';
import { allStaff, type LoadedCase } from './load.js';
import { forEachCase, missingFileRules, prepareEvaluation, UnknownStaff, type Evaluation } from './evaluate.js';
import type { CaseOutcome } from './evidence.js';
import { loadPolicy } from './settings-store.js';
import { snapshotInfo } from './load.js';
import { evaluateStaff } from './staff-rule.js';
import { triageRank } from './triage.js';

/**
 * Keeps today's flags in `flags`, `flag_details`, `flag_cases`, `flag_staff` and `flag_state`
 * (migration 3).
 *
 * - After an import commit, a change of setting or on the first read of a new day: a full refresh,
 *   in one transaction, so a reader sees the old flags or the new ones, never a mixture.
 * - After a review (or anything else about a few cases): `crns`, by indexed per-CRN look-ups.
 */

export interface FlagState {
  asOf: string;
  computedAt: string;
  importId: number | null;
  reviewsSeen: number;
  policyJson: string;
  policy: Policy;
  notEvaluated: NotEvaluated[];
}

export function readFlagState(db: Db): FlagState | null {
  const row = db
    .prepare<
      [],
      { as_of: string; computed_at: string; import_id: number | null; reviews_seen: number; policy_json: string; not_evaluated_json: string }
    >(`SELECT as_of, computed_at, import_id, reviews_seen, policy_json, not_evaluated_json FROM flag_state WHERE id = 1`)
    .get();
  if (!row) return null;
  return {
    asOf: row.as_of,
    computedAt: row.computed_at,
    importId: row.import_id,
    reviewsSeen: row.reviews_seen,
    policyJson: row.policy_json,
    policy: JSON.parse(row.policy_json) as Policy,
    notEvaluated: JSON.parse(row.not_evaluated_json) as NotEvaluated[],
  };
}

const maxReviewId = (db: Db): number => (db.prepare(`SELECT coalesce(max(id), 0) FROM reviews`).pluck().get() as number | undefined) ?? 0;

export interface RefreshOptions {
  asOf: string;
  /** Only these cases; the rest stay as they are. Omit for a full refresh. */
  crns?: readonly string[];
  now?: () => Date;
}

export interface RefreshSummary {
  full: boolean;
  cases: number;
  flags: number;
}

/** Writes one case's status row and its overdue and due-soon flags. */
function caseWriter(db: Db, ev: Evaluation) {
  const insertCase = db.prepare(
    `INSERT INTO flag_cases (crn, name, staff_code, staff_name, team_code, rosh, rosh_source, high_risk, high_risk_since, mappa_level, mappa_since,
       in_scope_since, overdue, due_soon, next_due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFlag = db.prepare(
    `INSERT INTO flags (crn, rule, status, due_date, days_overdue, reason, name, staff_code, staff_name, team_code, rosh, mappa_level, triage)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDetail = db.prepare(`INSERT INTO flag_details (crn, rule, detail_json) VALUES (?, ?, ?)`);
  let flags = 0;
  let cases = 0;
  const write = (c: LoadedCase, outcome: CaseOutcome): void => {
    const { row, staff } = c;
    const s = outcome.status;
    const team = staff?.teamCode ?? null;
    const staffName = staff?.name ?? null;
    let overdue = 0;
    let dueSoon = 0;
    let nextDue: string | null = null;
    for (const r of outcome.rules) {
      const k = classify(r.dueDate, ev.asOf, ev.policy.dueSoonDays);
      if (k.status === 'not-due') continue;
      if (k.status === 'overdue') overdue++;
      else dueSoon++;
      if (nextDue === null || r.dueDate < nextDue) nextDue = r.dueDate;
      const rank = triageRank(s.effectiveRosh, s.mappaLevel, r.rule);
      insertFlag.run(row.crn, r.rule, k.status, r.dueDate, k.daysOverdue, r.reason, row.name, row.staffCode, staffName, team, s.effectiveRosh, s.mappaLevel, rank);
      insertDetail.run(row.crn, r.rule, JSON.stringify(r.explanation));
    }
    insertCase.run(
      row.crn, row.name, row.staffCode, staffName, team, s.effectiveRosh, s.roshSource, s.highRisk ? 1 : 0, s.highRiskSince, s.mappaLevel, s.mappaSince,
      s.inScopeSince, overdue, dueSoon, nextDue,
    );
    flags += overdue + dueSoon;
    cases++;
  };
  return { write, counts: () => ({ cases, flags }) };
}

/**
 * Runs `fill` with the secondary indexes of these tables dropped, then builds them again: one
 * sort per index instead of a random B-tree insert per row. The definitions are read back from
 * the schema, so they stay whatever the migrations made them.
 */
function withIndexesRebuilt(db: Db, tables: readonly string[], fill: () => void): void {
  const marks = tables.map(() => '?').join(', ');
  const indexes = db
    .prepare<string[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${marks})`)
    .all(...tables);
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
  fill();
  for (const i of indexes) db.exec(i.sql);
}

function fullRefresh(db: Db, asOf: string, computedAt: string): RefreshSummary {
  const ev = prepareEvaluation(db, asOf);
  db.exec(`DELETE FROM flags; DELETE FROM flag_details; DELETE FROM flag_cases; DELETE FROM flag_staff;`);
  const writer = caseWriter(db, ev);
  const unknown = new UnknownStaff();
  withIndexesRebuilt(db, ['flags', 'flag_cases'], () => {
    forEachCase(db, ev, (c, outcome) => {
      unknown.note(c.row.crn, c.row.staffCode, outcome);
      writer.write(c, outcome);
    });
  });
  if (ev.snapshot.staffFile) {
    const insert = db.prepare(`INSERT INTO flag_staff (staff_code, rule, name, team_code, ratio, reason, detail_json) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (const s of allStaff(db).values()) {
      const o = evaluateStaff(s, ev.policy);
      if (o) insert.run(s.staffCode, o.rule, s.name, s.teamCode, o.ratio, o.reason, JSON.stringify(o.explanation));
    }
  }
  const notEvaluated = [...missingFileRules(ev.snapshot), ...unknown.entries()].sort(byRule);
  db.prepare(
    `INSERT INTO flag_state (id, as_of, computed_at, import_id, reviews_seen, policy_json, not_evaluated_json) VALUES (1, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET as_of = excluded.as_of, computed_at = excluded.computed_at, import_id = excluded.import_id,
       reviews_seen = excluded.reviews_seen, policy_json = excluded.policy_json, not_evaluated_json = excluded.not_evaluated_json`,
  ).run(asOf, computedAt, ev.snapshot.importId, maxReviewId(db), JSON.stringify(ev.policy), JSON.stringify(notEvaluated));
  return { full: true, ...writer.counts() };
}

function caseRefresh(db: Db, state: FlagState, crns: readonly string[]): RefreshSummary {
  const ev = prepareEvaluation(db, state.asOf);
  const remove = ['flags', 'flag_details', 'flag_cases'].map((t) => db.prepare(`DELETE FROM ${t} WHERE crn = ?`));
  const unique = [...new Set(crns)];
  for (const crn of unique) for (const r of remove) r.run(crn);
  const writer = caseWriter(db, ev);
  forEachCase(db, ev, writer.write, unique);
  // When every review not yet folded in was about these cases, they are folded in now.
  const pending = db.prepare<[number], string>(`SELECT DISTINCT crn FROM reviews WHERE id > ?`).pluck().all(state.reviewsSeen);
  const wanted = new Set(unique);
  if (pending.length && pending.every((c) => wanted.has(c))) {
    db.prepare(`UPDATE flag_state SET reviews_seen = ? WHERE id = 1`).run(maxReviewId(db));
  }
  return { full: false, ...writer.counts() };
}

/** Whether the stored flags answer for this date, this snapshot and this policy. */
export function stale(db: Db, state: FlagState | null, asOf: string): boolean {
  if (!state || state.asOf !== asOf) return true;
  if (state.importId !== snapshotInfo(db).importId) return true;
  return state.policyJson !== JSON.stringify(loadPolicy(db));
}

/**
 * Recomputes the stored flags as of `asOf`: all of them, or only `crns`. Asking for a few cases
 * when the stored flags are for another date, snapshot or policy refreshes everything instead, so
 * the tables never mix two evaluations. Joins the caller's transaction when there is one (a
 * review and the refresh of its case commit together).
 */
export function refreshFlags(db: Db, opts: RefreshOptions): RefreshSummary {
  const computedAt = (opts.now ?? (() => new Date()))().toISOString();
  return db.transaction(() => {
    const state = readFlagState(db);
    if (opts.crns && state && !stale(db, state, opts.asOf)) return caseRefresh(db, state, opts.crns);
    return fullRefresh(db, opts.asOf, computedAt);
  })();
}

/**
 * Called before the stored flags are read: refreshes them in full when they are for another day,
 * snapshot or policy, and folds in reviews recorded since (whoever recorded them) case by case.
 */
export function ensureFresh(db: Db, today: string, now?: () => Date): FlagState {
  const state = readFlagState(db);
  if (stale(db, state, today)) {
    refreshFlags(db, { asOf: today, ...(now ? { now } : {}) });
  } else if (state && maxReviewId(db) > state.reviewsSeen) {
    db.transaction(() => {
      const crns = db.prepare<[number], string>(`SELECT DISTINCT crn FROM reviews WHERE id > ?`).pluck().all(state.reviewsSeen);
      caseRefresh(db, state, crns);
      db.prepare(`UPDATE flag_state SET reviews_seen = ? WHERE id = 1`).run(maxReviewId(db));
    })();
  }
  const fresh = readFlagState(db);
  if (!fresh) throw new Error('flags were refreshed but no flag state was written');
  return fresh;
}
