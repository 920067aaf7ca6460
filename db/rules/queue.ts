import {
  caseRuleIds,
  ruleChecks,
  type CaseRuleId,
  type EffectiveRosh,
  type FlagExplanation,
  type FlagsQueue,
  type FlagsReport,
  type MappaLevel,
  type ParsedInputOf,
  type QueueFlag,
  type QueueRow,
} from '../contract/index.js';
import { checkForFlag, recordedChecks } from '../reviews/recorded-checks.js';
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
type Params = Record<string, string | number>;

interface CaseCols {
  crn: string;
  name: string;
  staff_code: string;
  staff_name: string | null;
  team_code: string | null;
  rosh: EffectiveRosh;
  mappa_level: MappaLevel | null;
}
interface FlagCols {
  rule: CaseRuleId;
  status: 'overdue' | 'due-soon';
  due_date: string;
  days_overdue: number;
  reason: string;
}
type FlagRow = CaseCols & FlagCols;

/** LIKE pattern for "contains", with the wildcards in the text taken literally. */
const contains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A filter of several values: `column IN (...)`, bound as one JSON parameter so the statement stays the same. */
function anyOf(terms: string[], params: Params, column: string, name: string, values: readonly string[] | undefined): void {
  if (!values?.length) return;
  terms.push(`${column} IN (SELECT value FROM json_each(@${name}))`);
  params[name] = JSON.stringify(values);
}

function where(input: QueueInput, asOf: string, { rule, status }: { rule: boolean; status: boolean }): { sql: string; params: Params } {
  const terms: string[] = [];
  const params: Params = {};
  if (input.team !== undefined) {
    terms.push('f.team_code = @team');
    params.team = input.team;
  }
  anyOf(terms, params, 'f.staff_code', 'staffCodes', input.staffCodes);
  anyOf(terms, params, 'f.rosh', 'roshLevels', input.roshLevels);
  anyOf(terms, params, 'f.mappa_level', 'mappaLevels', input.mappaLevels);
  if (input.search) {
    // A CRN prefix (CRNs are upper-case letters and digits, all below '~') or part of a name.
    terms.push(`((f.crn >= @crnFrom AND f.crn < @crnTo) OR f.name LIKE @name ESCAPE '\\')`);
    params.crnFrom = input.search.toUpperCase();
    params.crnTo = `${input.search.toUpperCase()}~`;
    params.name = contains(input.search);
  }
  if (rule) anyOf(terms, params, 'f.rule', 'rules', input.rules);
  if (status && input.status !== undefined) {
    terms.push(input.status === 'overdue' ? 'f.due_date < @asOf' : 'f.due_date >= @asOf');
    params.asOf = asOf;
  }
  return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
}

/** RoSH highest first, as the queue reads it (unknown last). */
const ROSH_ORDER = `CASE f.rosh WHEN 'VERY_HIGH' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END`;
/** MAPPA level 1 first (the level the SPO alone oversees), then 2 and 3, then none. */
const MAPPA_ORDER = `CASE f.mappa_level WHEN 'M1' THEN 0 WHEN 'M2' THEN 1 WHEN 'M3' THEN 2 ELSE 3 END`;

/**
 * The sort keys, as SQL over one flag (`flag`) or over a case's flags (`case`, inside GROUP BY).
 * A case sorts by its worst flag: the lowest triage rank, then the earliest due date. The rank is
 * one digit (db/rules/triage.ts) and the date is ISO, so "rank || date || rule" sorts as text and
 * its minimum is the worst flag.
 */
const keys = {
  flag: { worst: 'f.triage, f.due_date', due: 'f.due_date', rule: 'f.rule' },
  case: { worst: 'min(f.triage || f.due_date || f.rule)', due: 'min(f.due_date)', rule: 'substr(min(f.triage || f.due_date || f.rule), 12)' },
} as const;

function orderBy(input: QueueInput): string {
  const { sort, direction, group } = input;
  const k = keys[group];
  // The tie-breaks keep a page boundary stable: a flag is its case and rule, a case its CRN.
  const last = group === 'flag' ? 'f.crn, f.rule' : 'f.crn';
  const dir = (fallback: 'ASC' | 'DESC') => (direction ? direction.toUpperCase() : fallback);
  // Highest risk first is the lowest rank first; "desc" turns it round.
  const rank = direction === 'desc' ? 'DESC' : 'ASC';
  switch (sort) {
    case 'risk':
      return group === 'flag' ? `f.triage ${rank}, f.due_date ${rank}, ${last}` : `${k.worst} ${rank}, ${last}`;
    case 'rosh':
      return `${ROSH_ORDER} ${rank}, ${k.worst}, ${last}`;
    case 'mappa':
      return `${MAPPA_ORDER} ${rank}, ${k.worst}, ${last}`;
    case 'practitioner':
      return `coalesce(f.staff_name, f.staff_code) ${dir('ASC')}, f.staff_code, ${k.worst}, ${last}`;
    case 'daysOverdue':
      // Most overdue first is the earliest due date first.
      return `${k.due} ${direction === 'asc' ? 'DESC' : 'ASC'}, ${last}`;
    case 'dueDate':
      return `${k.due} ${dir('ASC')}, ${last}`;
    case 'crn':
      return `f.crn ${dir('ASC')}${group === 'flag' ? ', f.rule' : ''}`;
    case 'name':
      return `f.name ${dir('ASC')}, ${last}`;
    case 'rule':
      return `${k.rule} ${dir('ASC')}, ${k.due}, ${last}`;
    case 'team':
      return `f.team_code ${dir('ASC')}, ${k.due}, ${last}`;
  }
}

const toFlag = (r: FlagCols): QueueFlag => ({
  rule: r.rule,
  status: r.status,
  dueDate: r.due_date,
  ...(r.status === 'overdue' ? { daysOverdue: r.days_overdue } : { daysUntilDue: r.days_overdue === 0 ? 0 : -r.days_overdue }),
  reason: r.reason,
});

function toRow(c: CaseCols, flags: QueueFlag[]): QueueRow {
  const [worst] = flags;
  if (!worst) throw new Error(`case ${c.crn} has no flag`);
  return {
    crn: c.crn,
    name: c.name,
    staffCode: c.staff_code,
    staffName: c.staff_name,
    teamCode: c.team_code,
    rosh: c.rosh,
    mappaLevel: c.mappa_level,
    ...worst,
    flags,
  };
}

const FLAG_COLUMNS = 'f.crn, f.name, f.staff_code, f.staff_name, f.team_code, f.rosh, f.mappa_level, f.rule, f.status, f.due_date, f.days_overdue, f.reason';

/** One page of flags, one row each. */
function flagPage(db: Db, input: QueueInput, all: { sql: string; params: Params }): QueueRow[] {
  return db
    .prepare<Params, FlagRow>(`SELECT ${FLAG_COLUMNS} FROM flags f ${all.sql} ORDER BY ${orderBy(input)} LIMIT @limit OFFSET @offset`)
    .all({ ...all.params, limit: input.limit, offset: input.offset })
    .map((r) => toRow(r, [toFlag(r)]));
}

/** One page of cases, then every flag of those cases under the filters, worst first. */
function casePage(db: Db, input: QueueInput, all: { sql: string; params: Params }): QueueRow[] {
  const crns = db
    .prepare<Params, string>(`SELECT f.crn FROM flags f ${all.sql} GROUP BY f.crn ORDER BY ${orderBy(input)} LIMIT @limit OFFSET @offset`)
    .pluck()
    .all({ ...all.params, limit: input.limit, offset: input.offset });
  if (crns.length === 0) return [];
  const flags = db
    .prepare<Params, FlagRow>(
      `SELECT ${FLAG_COLUMNS} FROM flags f ${all.sql ? `${all.sql} AND` : 'WHERE'} f.crn IN (SELECT value FROM json_each(@crns))
       ORDER BY f.crn, f.triage, f.due_date, f.rule`,
    )
    .all({ ...all.params, crns: JSON.stringify(crns) });
  const byCase = new Map<string, FlagRow[]>();
  for (const r of flags) {
    const rows = byCase.get(r.crn);
    if (rows) rows.push(r);
    else byCase.set(r.crn, [r]);
  }
  return crns.map((crn) => {
    const rows = byCase.get(crn) ?? [];
    const [first] = rows;
    if (!first) throw new Error(`case ${crn} has no flag`);
    return toRow(first, rows.map(toFlag));
  });
}

/**
 * Marks each flag of the page whose check the SPO has recorded in a review since the flag's
 * evidence (db/reviews/recorded-checks.ts): a page is at most a thousand rows, so this reads the
 * reviews and explanations of those cases only.
 */
function withRecordedChecks(db: Db, rows: QueueRow[]): QueueRow[] {
  const checked = new Set<string>(Object.keys(ruleChecks));
  const asked = rows.filter((r) => r.flags.some((f) => checked.has(f.rule)));
  if (asked.length === 0) return rows;
  const checks = recordedChecks(db, [...new Set(asked.map((r) => r.crn))]);
  if (checks.size === 0) return rows;
  const detail = db.prepare<[string, string], string>('SELECT detail_json FROM flag_details WHERE crn = ? AND rule = ?').pluck();
  const mark = (crn: string, f: QueueFlag): QueueFlag => {
    const mine = checks.get(crn);
    if (!mine || !checked.has(f.rule)) return f;
    const json = detail.get(crn, f.rule);
    const evidence = json ? (JSON.parse(json) as FlagExplanation).evidence : [];
    const recorded = checkForFlag(f.rule, evidence, mine);
    return recorded ? { ...f, recorded } : f;
  };
  return rows.map((r) => {
    if (!checks.has(r.crn)) return r;
    const flags = r.flags.map((f) => mark(r.crn, f));
    const [worst] = flags;
    return { ...r, ...(worst?.recorded ? { recorded: worst.recorded } : {}), flags };
  });
}

export function queryQueue(db: Db, state: FlagState, input: QueueInput): FlagsQueue {
  const all = where(input, state.asOf, { rule: true, status: true });
  const tabsWhere = where(input, state.asOf, { rule: true, status: false });
  const facets = where(input, state.asOf, { rule: false, status: false });
  const unit = input.group === 'case' ? 'DISTINCT f.crn' : '*';
  const total = db.prepare<Params, number>(`SELECT count(${unit}) FROM flags f ${all.sql}`).pluck().get(all.params) ?? 0;
  const rows = withRecordedChecks(db, input.group === 'case' ? casePage(db, input, all) : flagPage(db, input, all));
  // A case with flags on both sides counts on both tabs, as it is listed on both.
  const of = (cond: string) => (input.group === 'case' ? `count(DISTINCT CASE WHEN ${cond} THEN f.crn END)` : `coalesce(sum(${cond}), 0)`);
  const tabs = db
    .prepare<Params, { overdue: number; dueSoon: number }>(`SELECT ${of('f.due_date < @asOf')} AS overdue, ${of('f.due_date >= @asOf')} AS dueSoon FROM flags f ${tabsWhere.sql}`)
    .get({ ...tabsWhere.params, asOf: state.asOf }) ?? { overdue: 0, dueSoon: 0 };
  const counts = db
    .prepare<Params, { rule: CaseRuleId; overdue: number; dueSoon: number }>(
      `SELECT f.rule AS rule, sum(f.due_date < @asOf) AS overdue, sum(f.due_date >= @asOf) AS dueSoon FROM flags f ${facets.sql} GROUP BY f.rule`,
    )
    .all({ ...facets.params, asOf: state.asOf });
  const byRule = new Map(counts.map((c) => [c.rule, c]));
  return {
    asOf: state.asOf,
    group: input.group,
    total,
    rows,
    tabs,
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
