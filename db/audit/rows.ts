import { createHash } from 'node:crypto';
import type { Db } from '../connection.js';

/*
 * The audit chain proves its own entries; these stamps extend it to what an entry recorded. An
 * entry that changes a review, an action, a setting, a profile or a QA sample carries the SHA-256
 * of the rows it wrote, so editing a review's text in the database file (with the triggers dropped)
 * breaks `audit verify` even though the chain itself still holds.
 */

/** The tables whose rows an audit entry stamps, and the columns a stamp may select them by. */
const stampable = {
  reviews: ['review_id', 'version'],
  action_events: ['review_id', 'action_text', 'action_owner', 'action_due'],
  settings: ['key'],
  settings_history: ['key'],
  app_users: ['os_user'],
  audit_samples: ['id'],
  audit_sample_items: ['sample_id'],
  audit_sample_results: ['sample_id', 'position'],
} as const satisfies Record<string, readonly string[]>;

export type StampedTable = keyof typeof stampable;
type Value = string | number | null;

/** Which rows an entry wrote: every row matching `where`, or with `latest` only the last one written. */
export interface RowSelector {
  table: StampedTable;
  where: Record<string, Value>;
  latest?: boolean;
}

/** What an entry records of them: the rows (by `where`, or by `rowid` for the latest) and their digest. */
export interface RowStamp {
  table: StampedTable;
  where: Record<string, Value>;
  sha256: string;
}

const isStamped = (t: string): t is StampedTable => Object.hasOwn(stampable, t);

function whereClause(table: StampedTable, where: Record<string, Value>): string {
  const allowed: readonly string[] = ['rowid', ...stampable[table]];
  const cols = Object.keys(where);
  // Table and column names come from code, never from input; refusing any other is a guard, not a check of data.
  for (const c of cols) if (!allowed.includes(c)) throw new Error(`audit row stamp: ${table}.${c} is not a stamped column`);
  return cols.length ? cols.map((c) => `${c} IS @${c}`).join(' AND ') : '1';
}

/** The digest of the rows `where` selects, in the order written: an empty selection has a digest too (a row deleted). */
function rowsDigest(db: Db, table: StampedTable, where: Record<string, Value>): string {
  const rows = db.prepare(`SELECT * FROM ${table} WHERE ${whereClause(table, where)} ORDER BY rowid`).all(where);
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

/** Stamps the rows an operation wrote, inside its transaction, just before its audit entry is appended. */
export function stampRows(db: Db, selectors: readonly RowSelector[]): RowStamp[] {
  return selectors.map((s) => {
    let where = s.where;
    if (s.latest) {
      const rowid = db.prepare(`SELECT max(rowid) FROM ${s.table} WHERE ${whereClause(s.table, s.where)}`).pluck().get(s.where) as number | null;
      where = { rowid };
    }
    return { table: s.table, where, sha256: rowsDigest(db, s.table, where) };
  });
}

/** A stamp as read back from an entry's details, or null when it is not one. */
function readStamp(x: unknown): RowStamp | null {
  if (typeof x !== 'object' || x === null) return null;
  const s = x as { table?: unknown; where?: unknown; sha256?: unknown };
  if (typeof s.table !== 'string' || !isStamped(s.table) || typeof s.sha256 !== 'string' || typeof s.where !== 'object' || s.where === null) return null;
  return { table: s.table, where: s.where as Record<string, Value>, sha256: s.sha256 };
}

/** Collects stamps entry by entry (in chain order) and checks, at the end, that the rows still hold them. */
export class StampChecker {
  /** The latest stamp of each selection: a setting or profile changed again is judged by its last entry. */
  private readonly latest = new Map<string, { entryId: number; stamp: RowStamp }>();

  add(entryId: number, detailsJson: string): void {
    if (!detailsJson.includes('"rows"')) return;
    const rows = (JSON.parse(detailsJson) as { rows?: unknown }).rows;
    if (!Array.isArray(rows)) return;
    for (const r of rows) {
      const stamp = readStamp(r);
      if (stamp) this.latest.set(`${stamp.table}:${JSON.stringify(stamp.where)}`, { entryId, stamp });
    }
  }

  /** The earliest entry whose rows were changed since, with why; null when every stamp holds. */
  firstChanged(db: Db): { id: number; reason: string } | null {
    let first: { id: number; reason: string } | null = null;
    for (const { entryId, stamp } of this.latest.values()) {
      if (first && first.id <= entryId) continue;
      if (rowsDigest(db, stamp.table, stamp.where) === stamp.sha256) continue;
      first = { id: entryId, reason: `the ${rowWords[stamp.table]} it recorded (${stamp.table} ${describeWhere(stamp.where)}) was changed or deleted in the database after it was written` };
    }
    return first;
  }
}

const rowWords: Record<StampedTable, string> = {
  reviews: 'review version',
  action_events: 'action event',
  settings: 'setting',
  settings_history: 'setting change',
  app_users: 'user profile',
  audit_samples: 'QA sample',
  audit_sample_items: 'QA sample items',
  audit_sample_results: 'QA result',
};

const describeWhere = (where: Record<string, Value>): string =>
  Object.entries(where)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');
