import { createHash } from 'node:crypto';
import type { ExtractKind, ImportReport, RowError } from '../contract/index.js';
import type { Db } from '../connection.js';
import { columnsOf, contactsStagedInOrder, CONTACTS_ORDER, stagingTable } from './staging.js';

export interface LoggedFile {
  name: string;
  kind: ExtractKind | null;
  sha256: string;
  encoding: string;
  rows: number;
  bytes: number;
}

/** Identifies a set of files regardless of their names or order. */
export function fingerprint(files: readonly { sha256: string }[]): string {
  return createHash('sha256')
    .update(files.map((f) => f.sha256).sort().join('\n'))
    .digest('hex');
}

/** The fingerprint of the snapshot in force: the latest import that committed (or re-confirmed) it. */
export function currentFingerprint(db: Db): string | null {
  const row = db
    .prepare<[], { fingerprint: string }>(
      `SELECT fingerprint FROM import_log WHERE outcome IN ('committed', 'already-imported') ORDER BY id DESC LIMIT 1`,
    )
    .get();
  return row?.fingerprint ?? null;
}

/** New, updated, unchanged and departed cases, comparing the staged cases with the caseload in force. */
export function caseCounts(db: Db): ImportReport['cases'] {
  const compared = columnsOf('cases').filter((c) => c !== 'crn');
  const differs = [...compared.map((c) => `c.${c} IS NOT s.${c}`), 'c.raw_json IS NOT s.raw_json', 'c.extra_json IS NOT s.extra_json'].join(' OR ');
  const row = db
    .prepare<[], { new: number; updated: number; unchanged: number }>(
      `SELECT
         coalesce(sum(c.crn IS NULL), 0) AS new,
         coalesce(sum(c.crn IS NOT NULL AND (${differs})), 0) AS updated,
         coalesce(sum(c.crn IS NOT NULL AND NOT (${differs})), 0) AS unchanged
       FROM ${stagingTable('cases')} s
       LEFT JOIN main.cases c ON c.crn = s.crn AND c.in_caseload = 1`,
    )
    .get();
  const left = db
    .prepare(
      `SELECT count(*) FROM main.cases c WHERE c.in_caseload = 1 AND NOT EXISTS (SELECT 1 FROM ${stagingTable('cases')} s WHERE s.crn = c.crn)`,
    )
    .pluck()
    .get() as number;
  return { new: row?.new ?? 0, updated: row?.updated ?? 0, unchanged: row?.unchanged ?? 0, leftCaseload: left };
}

export interface LogEntry {
  at: string;
  osUser: string;
  appUser: string | null;
  outcome: 'committed' | 'already-imported' | 'refused';
  skipInvalid: boolean;
  fingerprint: string;
  files: LoggedFile[];
  counts: { cases: ImportReport['cases']; rows: ImportReport['rows'] };
  rejected: number;
  errors: RowError[];
}

export function writeLog(db: Db, e: LogEntry): number {
  const info = db
    .prepare(
      `INSERT INTO import_log (at, os_user, app_user, outcome, skip_invalid, fingerprint, files_json, counts_json, rejected, errors_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.at, e.osUser, e.appUser, e.outcome, e.skipInvalid ? 1 : 0, e.fingerprint, JSON.stringify(e.files), JSON.stringify(e.counts), e.rejected, JSON.stringify(e.errors));
  return Number(info.lastInsertRowid);
}

/**
 * Replaces the snapshot with the staged one, inside the caller's transaction, so the import and
 * what the caller writes with it (the s.62 audit entry) commit together or not at all. Cases that
 * left the caseload are kept and marked; reviews and anything else recorded in the app are not
 * touched, and stay linked by CRN.
 */
export function replaceSnapshot(db: Db, entry: LogEntry): number {
  // The commit rebuilds the smaller kinds' indexes and, for a large extract, appends contacts to
  // their live indexes: both work in the page cache, so a large one saves page reads and writes
  // (bench: region import). 128 MiB, set for the commit whatever the connection's usual size, keeps
  // a national import well under its 1 GiB peak; the usual cache comes back after.
  const usual = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -131072');
  try {
    return commitSnapshot(db, entry);
  } finally {
    db.pragma(`cache_size = ${String(usual)}`);
  }
}

/** Reads staged contacts through their staging index: in order, with no sort (staging.ts, CONTACTS_ORDER). */
export function contactsInIndexOrder(cols: string): string {
  return `SELECT ${cols} FROM ${stagingTable('contacts')} ORDER BY ${CONTACTS_ORDER}`;
}

/** Runs inside the caller's transaction (the service's unit of work): all of it commits, or none. */
function commitSnapshot(db: Db, entry: LogEntry): number {
  const id = writeLog(db, entry);
  if (entry.outcome !== 'committed') return id;

  const caseCols = columnsOf('cases');
  const stage = stagingTable('cases');
  db.prepare(
    `UPDATE main.cases SET in_caseload = 0, left_import_id = ?
     WHERE in_caseload = 1 AND NOT EXISTS (SELECT 1 FROM ${stage} s WHERE s.crn = cases.crn)`,
  ).run(id);
  const updates = [...caseCols.filter((c) => c !== 'crn'), 'raw_json', 'extra_json'].map((c) => `${c} = excluded.${c}`).join(', ');
  db.prepare(
    `INSERT INTO main.cases (${caseCols.join(', ')}, raw_json, extra_json, in_caseload, first_import_id, last_import_id)
     SELECT ${caseCols.join(', ')}, raw_json, extra_json, 1, ?, ? FROM ${stage} WHERE true
     ON CONFLICT (crn) DO UPDATE SET ${updates}, in_caseload = 1, last_import_id = excluded.last_import_id, left_import_id = NULL`,
  ).run(id, id);

  for (const kind of ['registrations', 'contacts', 'staff', 'needs'] as const) {
    const cols = [...columnsOf(kind), 'raw_json', 'extra_json'].join(', ');
    if (kind === 'contacts' && contactsStagedInOrder(db)) {
      db.exec(`DELETE FROM main.contacts`);
      db.exec(`INSERT INTO main.contacts (${cols}) ${contactsInIndexOrder(cols)}`);
      continue;
    }
    // The smaller kinds load faster into a bare table with their indexes built afterwards (one
    // in-memory sort each) than with every index updated row by row; DDL is transactional, so
    // this is still all or nothing.
    const indexes = db
      .prepare<[string], { name: string; sql: string }>(`SELECT name, sql FROM main.sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
      .all(kind);
    for (const ix of indexes) db.exec(`DROP INDEX main."${ix.name}"`);
    db.exec(`DELETE FROM main.${kind}`);
    // Staged rows are in file order already (rowid order), so no sort is needed.
    db.exec(`INSERT INTO main.${kind} (${cols}) SELECT ${cols} FROM ${stagingTable(kind)}`);
    for (const ix of indexes) db.exec(ix.sql);
  }
  return id;
}
