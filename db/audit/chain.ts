import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `prev_hash` of the first entry. */
export const GENESIS = '0'.repeat(64);

/** An audit_log row exactly as stored. */
export interface AuditRow {
  id: number;
  at: string;
  operation: string;
  op: string;
  os_user: string;
  app_user: string | null;
  crns_json: string;
  justification: string | null;
  recipients_json: string;
  details_json: string;
  prev_hash: string;
  hash: string;
}

/**
 * The bytes an entry's hash covers: every stored column but the hash, in a fixed order, as a JSON
 * array. The JSON columns go in as the text stored, not re-serialised, so that no edit of the row
 * — not even whitespace inside a JSON column — leaves the canonical form unchanged. The id is
 * included so an entry moved to another position no longer verifies.
 */
export function canonical(row: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([
    row.id,
    row.at,
    row.operation,
    row.op,
    row.os_user,
    row.app_user,
    row.crns_json,
    row.justification,
    row.recipients_json,
    row.details_json,
  ]);
}

/** hash = HMAC-SHA-256(key, prev_hash + canonical JSON of the entry), lower-case hex. */
export function entryHash(key: Buffer, row: Omit<AuditRow, 'hash'>): string {
  return createHmac('sha256', key).update(row.prev_hash).update(canonical(row)).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
