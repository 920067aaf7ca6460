import type { AuditVerification, ChainHead } from '../contract/index.js';
import type { Db } from '../connection.js';
import { GENESIS, entryHash, sameHash, type AuditRow } from './chain.js';
import { auditKey } from './key.js';
import { StampChecker } from './rows.js';

/**
 * Walks the chain from the first entry and names the first one that does not hold: its
 * `prev_hash` is not the previous entry's hash (an entry before it was deleted, inserted or
 * moved), or its contents do not give its hash (edited, or written without the key).
 *
 * Deleting the last entries leaves a shorter chain that is still whole; `expectedHead` (the chain
 * head an export recorded) catches that: the entry must still be there with the same hash.
 */
export function verifyChain(db: Db, expectedHead?: ChainHead | null, key: Buffer = auditKey(db)): AuditVerification {
  let prev: { id: number; hash: string } | null = null;
  let entries = 0;
  const broken = (id: number, reason: string): AuditVerification => ({
    intact: false,
    entries,
    head: prev,
    firstBroken: { id, reason },
  });
  const stamps = new StampChecker();
  for (const row of db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id').iterate()) {
    entries++;
    const expected = prev?.hash ?? GENESIS;
    if (!sameHash(row.prev_hash, expected)) {
      return broken(
        row.id,
        prev
          ? `its prev_hash is not the hash of entry ${prev.id}: an entry between them was deleted, or this one was inserted or moved`
          : 'the first entry does not start the chain: earlier entries were deleted, or this one was inserted',
      );
    }
    if (!sameHash(row.hash, entryHash(key, row))) {
      return broken(row.id, 'its contents do not match its hash: it was edited, or written without the audit key');
    }
    stamps.add(row.id, row.details_json);
    prev = { id: row.id, hash: row.hash };
  }
  const changed = stamps.firstChanged(db);
  if (changed) return { intact: false, entries, head: prev, firstBroken: changed };
  const result: AuditVerification = { intact: true, entries, head: prev };
  if (expectedHead) {
    const stored = db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE id = ?').get(expectedHead.id);
    if (!stored) {
      return {
        ...result,
        intact: false,
        firstBroken: {
          id: expectedHead.id,
          reason: `entry ${expectedHead.id}, the chain head when the export was made, is no longer in the log: the last entries were deleted`,
        },
      };
    }
    if (!sameHash(stored.hash, expectedHead.hash)) {
      return {
        ...result,
        intact: false,
        firstBroken: {
          id: expectedHead.id,
          reason: `entry ${expectedHead.id} is not the entry the export recorded as the chain head: the log was cut back and written again`,
        },
      };
    }
  }
  return result;
}
