import type { AuditEntry, AuditPage, ChainHead, S62Operation } from '../contract/index.js';
import type { Db } from '../connection.js';
import { addDays } from '../contract/dates.js';
import { GENESIS, entryHash, type AuditRow } from './chain.js';
import { auditKey } from './key.js';

/** One entry to write; the log adds the time, the people, the op name and the chain. */
export interface AuditDraft {
  operation: S62Operation;
  crns?: readonly string[];
  justification?: string | null;
  recipients?: readonly string[];
  details?: Record<string, unknown>;
}

export interface Actor {
  osUser: string;
  appUser: string | null;
}

export interface AuditFilters {
  operation?: S62Operation | undefined;
  op?: string | undefined;
  user?: string | undefined;
  crn?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offset: number;
  limit: number;
}

export function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    operation: r.operation as S62Operation,
    op: r.op,
    osUser: r.os_user,
    appUser: r.app_user,
    crns: JSON.parse(r.crns_json) as string[],
    justification: r.justification,
    recipients: JSON.parse(r.recipients_json) as string[],
    details: JSON.parse(r.details_json) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Writes and reads the hash-chained audit log of one database. */
export class AuditLog {
  private readonly last;
  private readonly insert;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.last = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
    this.insert = db.prepare<AuditRow>(
      `INSERT INTO audit_log (id, at, operation, op, os_user, app_user, crns_json, justification, recipients_json, details_json, prev_hash, hash)
       VALUES (@id, @at, @operation, @op, @os_user, @app_user, @crns_json, @justification, @recipients_json, @details_json, @prev_hash, @hash)`,
    );
  }

  /**
   * Appends the entries for one operation. Runs in a transaction of its own, or inside the
   * caller's, so an alteration and its log entry commit together or not at all.
   */
  append(op: string, drafts: readonly AuditDraft[], actor: Actor): AuditEntry[] {
    if (drafts.length === 0) return [];
    const key = auditKey(this.db);
    return this.db.transaction(() => {
      const at = this.now().toISOString();
      let prev = this.last.get() ?? { id: 0, hash: GENESIS };
      const written: AuditEntry[] = [];
      for (const d of drafts) {
        const unhashed: Omit<AuditRow, 'hash'> = {
          id: prev.id + 1,
          at,
          operation: d.operation,
          op,
          os_user: actor.osUser,
          app_user: actor.appUser,
          crns_json: JSON.stringify([...new Set(d.crns ?? [])]),
          justification: d.justification ?? null,
          recipients_json: JSON.stringify(d.recipients ?? []),
          details_json: JSON.stringify(d.details ?? {}),
          prev_hash: prev.hash,
        };
        const row: AuditRow = { ...unhashed, hash: entryHash(key, unhashed) };
        this.insert.run(row);
        written.push(toEntry(row));
        prev = { id: row.id, hash: row.hash };
      }
      return written;
    })();
  }

  /** The last entry: what an export records so a later truncation of the log can be seen. */
  head(): ChainHead | null {
    return this.last.get() ?? null;
  }

  list(f: AuditFilters): AuditPage {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (f.operation) {
      where.push('operation = @operation');
      params.operation = f.operation;
    }
    if (f.op) {
      where.push('op = @op');
      params.op = f.op;
    }
    if (f.user) {
      where.push('(os_user = @user OR app_user = @user)');
      params.user = f.user;
    }
    if (f.crn) {
      // CRNs are stored as a JSON array of quoted strings, so the quoted CRN matches exactly.
      where.push('instr(crns_json, @crn) > 0');
      params.crn = JSON.stringify(f.crn);
    }
    if (f.from) {
      where.push('at >= @from');
      params.from = f.from;
    }
    if (f.to) {
      where.push('at < @to');
      params.to = addDays(f.to, 1);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = this.db.prepare(`SELECT count(*) FROM audit_log ${clause}`).pluck().get(params) as number;
    const rows = this.db
      .prepare<Record<string, string | number>, AuditRow>(`SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: f.limit, offset: f.offset });
    return { entries: rows.map(toEntry), total, offset: f.offset, limit: f.limit };
  }

  /** The disclosure entry that recorded an export with this digest, if the log holds one. */
  disclosureOf(digest: string, after = 0): number | null {
    const id = this.db
      .prepare(`SELECT id FROM audit_log WHERE operation = 'disclosure' AND id > ? AND instr(details_json, ?) > 0 ORDER BY id LIMIT 1`)
      .pluck()
      .get(after, JSON.stringify(digest)) as number | undefined;
    return id ?? null;
  }
}
