import { caseRuleIds, type CaseRuleId, type EffectiveRosh, type FlagsQueue, type FlagsReport, type MappaLevel, type ParsedInputOf, type QueueRow } from '../contract/index.js';
import type { Db } from '../connection.js';
import { missingFileRules } from './evaluate.js';
import { snapshotInfo } from './load.js';
import type { FlagState } from './refresh.js';

/**
 * Reads the stored flags (db/rules/refresh.ts) in SQL: the queue's filters, sorts and pages run
 * on indexes, and only one page of rows ever reaches JavaScript. A flag is overdue when its due
 * date is before the as-of date, so the status filter is a range on `due_date` and shares the
 * due-date indexes.
 */

type QueueInput = ParsedInputOf<'flags:queue'>;

interface FlagRow {
  crn: string;
  name: string;
  staff_code: string;
  staff_name: string | null;
  team_code: string | null;
  rosh: EffectiveRosh;
  mappa_level: MappaLevel | null;
  rule: CaseRuleId;
  status: 'overdue' | 'due-soon';
  due_date: string;
  days_overdue: number;
  reason: string;
}

/** LIKE pattern for "contains", with the wildcards in the text taken literally. */
const contains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function where(input: QueueInput, asOf: string, withRuleAndStatus: boolean): { sql: string; params: Record<string, string> } {
  const terms: string[] = [];
  const params: Record<string, string> = {};
  if (input.team !== undefined) {
    terms.push('f.team_code = @team');
    params.team = input.team;
  }
  if (input.staffCode !== undefined) {
    terms.push('f.staff_code = @staffCode');
    params.staffCode = input.staffCode;
  }
  if (input.rosh !== undefined) {
    terms.push('f.rosh = @rosh');
    params.rosh = input.rosh;
  }
  if (input.mappaLevel !== undefined) {
    terms.push('f.mappa_level = @mappaLevel');
    params.mappaLevel = input.mappaLevel;
  }
  if (input.search) {
    // A CRN prefix (CRNs are upper-case letters and digits, all below '~') or part of a name.
    terms.push(`((f.crn >= @crnFrom AND f.crn < @crnTo) OR f.name LIKE @name ESCAPE '\\')`);
    params.crnFrom = input.search.toUpperCase();
    params.crnTo = `${input.search.toUpperCase()}~`;
    params.name = contains(input.search);
  }
  if (withRuleAndStatus) {
    if (input.rule !== undefined) {
      terms.push('f.rule = @rule');
      params.rule = input.rule;
    }
    if (input.status !== undefined) {
      terms.push(input.status === 'overdue' ? 'f.due_date < @asOf' : 'f.due_date >= @asOf');
      params.asOf = asOf;
    }
  }
  return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
}

/** RoSH highest first, as the queue reads it (unknown last). */
const ROSH_ORDER = `CASE f.rosh WHEN 'VERY_HIGH' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END`;
/** MAPPA level 1 first (the level the SPO alone oversees), then 2 and 3, then none. */
const MAPPA_ORDER = `CASE f.mappa_level WHEN 'M1' THEN 0 WHEN 'M2' THEN 1 WHEN 'M3' THEN 2 ELSE 3 END`;

function orderBy(sort: QueueInput['sort'], direction: QueueInput['direction']): string {
  // Most overdue first is the earliest due date first.
  const dir = (fallback: 'ASC' | 'DESC') => (direction ? direction.toUpperCase() : fallback);
  // Highest risk first is the lowest rank first; "desc" turns it round.
  const rank = direction === 'desc' ? 'DESC' : 'ASC';
  switch (sort) {
    case 'risk':
      return `f.triage ${rank}, f.due_date ${rank}, f.crn, f.rule`;
    case 'rosh':
      return `${ROSH_ORDER} ${rank}, f.triage, f.due_date, f.crn, f.rule`;
    case 'mappa':
      return `${MAPPA_ORDER} ${rank}, f.triage, f.due_date, f.crn, f.rule`;
    case 'practitioner':
      return `coalesce(f.staff_name, f.staff_code) ${dir('ASC')}, f.staff_code, f.triage, f.due_date, f.crn, f.rule`;
    case 'daysOverdue':
      return `f.due_date ${direction === 'asc' ? 'DESC' : 'ASC'}, f.crn, f.rule`;
    case 'dueDate':
      return `f.due_date ${dir('ASC')}, f.crn, f.rule`;
    case 'crn':
      return `f.crn ${dir('ASC')}, f.rule`;
    case 'name':
      return `f.name ${dir('ASC')}, f.crn, f.rule`;
    case 'rule':
      return `f.rule ${dir('ASC')}, f.due_date, f.crn`;
    case 'team':
      return `f.team_code ${dir('ASC')}, f.due_date, f.crn, f.rule`;
  }
}

const toRow = (r: FlagRow): QueueRow => ({
  crn: r.crn,
  name: r.name,
  staffCode: r.staff_code,
  staffName: r.staff_name,
  teamCode: r.team_code,
  rosh: r.rosh,
  mappaLevel: r.mappa_level,
  rule: r.rule,
  status: r.status,
  dueDate: r.due_date,
  ...(r.status === 'overdue' ? { daysOverdue: r.days_overdue } : { daysUntilDue: r.days_overdue === 0 ? 0 : -r.days_overdue }),
  reason: r.reason,
});

export function queryQueue(db: Db, state: FlagState, input: QueueInput): FlagsQueue {
  const all = where(input, state.asOf, true);
  const facets = where(input, state.asOf, false);
  const total = db.prepare(`SELECT count(*) FROM flags f ${all.sql}`).pluck().get(all.params) as number;
  const rows = db
    .prepare<Record<string, string | number>, FlagRow>(
      `SELECT f.crn, f.name, f.staff_code, f.staff_name, f.team_code, f.rosh, f.mappa_level, f.rule, f.status, f.due_date, f.days_overdue, f.reason
       FROM flags f ${all.sql} ORDER BY ${orderBy(input.sort, input.direction)} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...all.params, limit: input.limit, offset: input.offset });
  const counts = db
    .prepare<Record<string, string>, { rule: CaseRuleId; overdue: number; dueSoon: number }>(
      `SELECT f.rule AS rule, sum(f.due_date < @asOf) AS overdue, sum(f.due_date >= @asOf) AS dueSoon FROM flags f ${facets.sql} GROUP BY f.rule`,
    )
    .all({ ...facets.params, asOf: state.asOf });
  const byRule = new Map(counts.map((c) => [c.rule, c]));
  return {
    asOf: state.asOf,
    total,
    rows: rows.map(toRow),
    summary: caseRuleIds.map((rule) => ({ rule, overdue: byRule.get(rule)?.overdue ?? 0, dueSoon: byRule.get(rule)?.dueSoon ?? 0 })),
  };
}

/** The `flags --json` document from the stored flags (today's). */
export function storedReport(db: Db, state: FlagState, team?: string): FlagsReport {
  const filter = team === undefined ? '' : 'AND team_code = @team';
  const params: Record<string, string> = team === undefined ? {} : { team };
  const caseFlags = db
    .prepare<Record<string, string>, { crn: string; rule: CaseRuleId; dueDate: string; daysOverdue: number; reason: string }>(
      `SELECT crn, rule, due_date AS dueDate, days_overdue AS daysOverdue, reason FROM flags
       WHERE status = 'overdue' ${filter} ORDER BY days_overdue DESC, crn, rule`,
    )
    .all(params);
  const dueSoon = db
    .prepare<Record<string, string>, { crn: string; rule: CaseRuleId; dueDate: string; daysUntilDue: number; reason: string }>(
      `SELECT crn, rule, due_date AS dueDate, -days_overdue AS daysUntilDue, reason FROM flags
       WHERE status = 'due-soon' ${filter} ORDER BY days_overdue DESC, crn, rule`,
    )
    .all(params);
  const staffFlags = db
    .prepare<Record<string, string>, { staffCode: string; rule: 'PRACTITIONER-CAPACITY'; reason: string }>(
      `SELECT staff_code AS staffCode, rule, reason FROM flag_staff WHERE true ${filter} ORDER BY staff_code, rule`,
    )
    .all(params);
  // A case whose practitioner is not in the staff file belongs to no team: with a team, only the
  // rules the extract's missing files leave unevaluated are listed.
  const notEvaluated = team === undefined ? state.notEvaluated : missingFileRules(snapshotInfo(db));
  return { asOf: state.asOf, policy: state.policy, caseFlags, dueSoon, staffFlags, notEvaluated };
}
