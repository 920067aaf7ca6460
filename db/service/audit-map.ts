import { caseRuleIds, type CaseRuleId, type ImportReport, type Operation, type ParsedInputOf, type ResultOf } from '../contract/index.js';
import { reviewTypeLabels, ruleTitles } from '../contract/words/index.js';
import type { AuditDraft } from '../audit/log.js';
import type { RowSelector } from '../audit/rows.js';

/** A review's trigger in words with the rule's id beside it; an event ("new RoSH registration") as written. */
const triggerWords = (t: string): string => ((caseRuleIds as readonly string[]).includes(t) ? `${ruleTitles[t as CaseRuleId]} (${t})` : t);

/** The version of a review a call wrote. */
const reviewRow = (r: { id: number; current: { version: number } }): RowSelector => ({ table: 'reviews', where: { review_id: r.id, version: r.current.version } });
/** The done or dropped event a call wrote for an action (one per action: the table's unique key). */
const actionRow = (a: { reviewId: number; text: string; owner: string; due: string }): RowSelector => ({
  table: 'action_events',
  where: { review_id: a.reviewId, action_text: a.text, action_owner: a.owner, action_due: a.due },
});

/**
 * For every operation: whether it is logged under DPA 2018 s.62, and what the entry records.
 * This is the one place auditing is decided; each handler writes the entries in its unit of work
 * (unit-of-work.ts), in the same transaction as what it reads and writes, and dispatch withholds
 * the answer of a logged operation whose handler did not.
 *
 * An operation that reads no personal data says why it is not logged. A test checks that every
 * operation in the contract has an entry here, so a new operation cannot go unlogged by accident.
 */
export type AuditRule<O extends Operation> =
  | { notLogged: string }
  | {
      /** The entries to write for one successful call; none when nothing was processed. */
      entries: (input: ParsedInputOf<O>, result: ResultOf<O>) => AuditDraft[];
      /** The rows it wrote, stamped with their SHA-256 in its first entry (db/audit/rows.ts). */
      rows?: (input: ParsedInputOf<O>, result: ResultOf<O>) => RowSelector[];
    };

export type AuditMap = { [O in Operation]?: AuditRule<O> };

/** An import that commits collects the extract and matches its CRNs to the cases already held. */
function importEntries(report: ImportReport): AuditDraft[] {
  if (!report.committed) return [];
  const importId = report.importId ?? null;
  // The CRNs collected are the whole extract: they are identified by the import log entry rather
  // than listed (a national extract holds a quarter of a million).
  return [
    {
      operation: 'collection',
      justification: 'caseload extract from nDelius imported for SPO oversight',
      details: {
        importId,
        files: report.files.map((f) => ({ name: f.name, kind: f.kind, sha256: f.sha256, rows: f.rows })),
        cases: report.cases,
        rows: report.rows,
        rejected: report.rejected,
      },
    },
    {
      operation: 'combination',
      justification: "the extract's cases matched by CRN to the cases, reviews and flags already held",
      details: { importId, matched: report.cases.updated + report.cases.unchanged, new: report.cases.new, leftCaseload: report.cases.leftCaseload },
    },
  ];
}

export const auditMap = {
  'import:preview': { notLogged: 'a dry run: the extract is read and checked in temporary tables, and nothing is kept' },
  'import:commit': { entries: (_input, report) => importEntries(report) },
  'caseload:summary': { notLogged: 'counts only; no personal data' },
  'caseload:teams': { notLogged: 'team codes and practitioner names for the queue filters; no data about people on probation' },
  'demo:load': { entries: (_input, result) => importEntries(result.report) },

  'flags:evaluate': {
    entries: (input, r) => [
      {
        operation: 'consultation',
        crns: [...r.caseFlags.map((f) => f.crn), ...r.dueSoon.map((f) => f.crn)],
        justification: 'oversight flags listed',
        details: { asOf: r.asOf, team: input.team ?? null, caseFlags: r.caseFlags.length, dueSoon: r.dueSoon.length },
      },
    ],
  },
  'flags:queue': {
    entries: (input, r) => [
      {
        operation: 'consultation',
        crns: r.rows.map((row) => row.crn),
        justification: 'oversight queue listed',
        details: {
          asOf: r.asOf,
          filters: { team: input.team, staffCodes: input.staffCodes, rules: input.rules, roshLevels: input.roshLevels, mappaLevels: input.mappaLevels, search: input.search, status: input.status },
          group: input.group,
          offset: input.offset,
          limit: input.limit,
          total: r.total,
        },
      },
    ],
  },
  'flags:case': {
    entries: (_input, r) => [{ operation: 'consultation', crns: [r.crn], justification: 'case opened', details: { asOf: r.asOf } }],
  },
  // The case screen reads everything it shows in this one call, so opening a case is one entry.
  'cases:open': {
    entries: (_input, r) => [
      {
        operation: 'consultation',
        crns: [r.detail.crn],
        justification: 'case opened',
        details: {
          asOf: r.detail.asOf,
          view: 'case details, flags with their explanations, evidence timeline, reviews and their actions',
          contacts: r.detail.contactsShown,
          reviews: r.reviews.reviews.map((x) => x.id),
        },
      },
    ],
  },
  'settings:get': { notLogged: 'policy settings only; no personal data' },
  'settings:set': {
    entries: (input, r) => [{ operation: 'alteration', justification: input.reason, details: { key: r.key, value: r.value } }],
    rows: (input): RowSelector[] => [
      { table: 'settings', where: { key: input.key } },
      { table: 'settings_history', where: { key: input.key }, latest: true },
    ],
  },
  'settings:history': { notLogged: 'the history of policy settings; no data about people on probation' },

  'reviews:record': {
    entries: (input, r) => [
      {
        operation: 'alteration',
        crns: [r.crn],
        justification: `${reviewTypeLabels[input.type]} review recorded${input.triggers.length ? `, prompted by ${input.triggers.map(triggerWords).join(', ')}` : ''}`,
        details: { reviewId: r.id, version: r.current.version, action: 'recorded' },
      },
    ],
    rows: (_input, r) => [reviewRow(r)],
  },
  'reviews:amend': {
    entries: (input, r) => [
      {
        operation: 'alteration',
        crns: [r.crn],
        justification: input.reason,
        details: {
          reviewId: r.id,
          version: r.current.version,
          action: 'amended',
          fields: Object.keys(input).filter((k) => k !== 'id' && k !== 'reason'),
        },
      },
    ],
    rows: (_input, r) => [reviewRow(r)],
  },
  'reviews:withdraw': {
    entries: (input, r) => [
      { operation: 'alteration', crns: [r.crn], justification: input.reason, details: { reviewId: r.id, version: r.current.version, action: 'withdrawn' } },
    ],
    rows: (_input, r) => [reviewRow(r)],
  },
  'reviews:list': {
    entries: (input, r) => [
      { operation: 'consultation', crns: [input.crn], justification: 'reviews of a case listed', details: { reviews: r.reviews.map((x) => x.id) } },
    ],
  },
  'actions:list': {
    entries: (input, r) => [
      {
        operation: 'consultation',
        crns: [...new Set(r.actions.map((a) => a.crn))],
        justification: 'actions agreed in oversight listed',
        details: { crn: input.crn ?? null, reviewId: input.reviewId ?? null, status: input.status, actions: r.actions.length },
      },
    ],
  },
  'actions:done': {
    entries: (input, r) => [
      {
        operation: 'alteration',
        crns: [r.crn],
        justification: input.note ? `action marked done: ${input.note}` : 'action marked done',
        details: { reviewId: r.reviewId, number: r.number, text: r.text, owner: r.owner, due: r.due, kind: 'done', date: input.date },
      },
    ],
    rows: (_input, r) => [actionRow(r)],
  },
  'actions:drop': {
    entries: (input, r) => [
      {
        operation: 'alteration',
        crns: [r.crn],
        justification: input.reason,
        details: { reviewId: r.reviewId, number: r.number, text: r.text, owner: r.owner, due: r.due, kind: 'dropped', date: input.date },
      },
    ],
    rows: (_input, r) => [actionRow(r)],
  },
  'reviews:get': {
    entries: (_input, r) => [{ operation: 'consultation', crns: [r.crn], justification: 'review opened', details: { reviewId: r.id } }],
  },

  'log:export': {
    entries: (input, r) => [
      {
        operation: 'disclosure',
        crns: r.crns,
        justification: input.purpose || null,
        recipients: input.recipient ? [input.recipient] : [],
        details: {
          format: r.format,
          path: r.path,
          digest: r.digest,
          rows: r.rowCount,
          reviews: r.reviewCount,
          filters: { from: input.from, to: input.to, team: input.team, practitioner: input.practitioner, rule: input.rule },
          chainHead: r.chainHead,
        },
      },
    ],
  },
  'log:verify': { notLogged: "checks a file's digest and reads its header; no personal data is read from the database" },
  'audit:verify': { notLogged: 'checks the chain and answers entry ids only; no personal data' },
  'profile:get': { notLogged: "the app user's own name and staff code; no data about people on probation" },
  // Not processing of a data subject's data, but it decides the app user every later entry names.
  'profile:set': {
    entries: (_input, r) => [
      { operation: 'alteration', justification: 'app user profile set', details: { osUser: r.osUser, name: r.name, staffCode: r.staffCode, teamCode: r.teamCode } },
    ],
    rows: (_input, r) => [{ table: 'app_users', where: { os_user: r.osUser } }],
  },
  'audit:list': {
    entries: (input, r) => [
      {
        operation: 'consultation',
        crns: [...(input.crn ? [input.crn] : []), ...r.entries.flatMap((e) => e.crns)],
        justification: 'audit log read',
        details: {
          filters: { operation: input.operation, op: input.op, user: input.user, crn: input.crn, from: input.from, to: input.to },
          offset: input.offset,
          limit: input.limit,
          total: r.total,
          entries: r.entries.map((e) => e.id),
        },
      },
    ],
  },
  // Issue 7: the team view and trends show counts per practitioner, never a case; the audit sample
  // names the cases it draws and re-reads, so each draw, re-reading and reading of it is logged.
  'team:view': { notLogged: 'counts per practitioner (cases, flags, coverage, workload); no case is named' },
  'trends:weekly': { notLogged: 'weekly counts for the caseload or a team; no case is named' },
  'sample:create': {
    entries: (_input, r) => [
      {
        operation: 'alteration',
        crns: r.chosen.map((i) => i.crn),
        justification: 'audit sample of reviewed cases drawn for quality assurance',
        details: { sampleId: r.id, seed: r.seed, size: r.size, from: r.from, to: r.to, team: r.team, population: r.population, reviews: r.chosen.map((i) => i.reviewId) },
      },
    ],
    rows: (_input, r): RowSelector[] => [
      { table: 'audit_samples', where: { id: r.id } },
      { table: 'audit_sample_items', where: { sample_id: r.id } },
    ],
  },
  'sample:record': {
    entries: (input, r) => [
      {
        operation: 'alteration',
        crns: r.chosen.filter((i) => i.position === input.position).map((i) => i.crn),
        justification: 'audit sample re-reading recorded',
        details: { sampleId: r.id, position: input.position, outcome: input.outcome },
      },
    ],
    rows: (input, r) => [{ table: 'audit_sample_results', where: { sample_id: r.id, position: input.position }, latest: true }],
  },
  'sample:list': { notLogged: 'sample dates, sizes and counts only; no case is named' },
  'sample:get': {
    entries: (_input, r) => [
      { operation: 'consultation', crns: r.chosen.map((i) => i.crn), justification: 'audit sample opened', details: { sampleId: r.id } },
    ],
  },
  'health:status': { notLogged: "the state of the database's start-up check; no personal data" },
} satisfies AuditMap;

export function auditRule<O extends Operation>(op: O): AuditRule<O> | undefined {
  return (auditMap as AuditMap)[op];
}
