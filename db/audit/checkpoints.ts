import { sign, verify } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChainHead } from '../contract/index.js';
import type { Db } from '../connection.js';
import { ensureDatabaseId, ensureKeysFolder, keysFolder, readDatabaseId } from '../keys/paths.js';
import type { PublicKeyInfo, SigningKey } from '../signing/key.js';
import { sameHash } from './chain.js';

/*
 * Signed checkpoints: at every export and backup the head of the audit chain (entry id and hash) is
 * signed with the installation's key and appended, one JSON line each, to a small file outside the
 * database, in the per-user keys folder. Whoever can rewrite the database file, and even holds the
 * audit key, cannot make the log shorter or different than a checkpoint says without `audit verify`
 * seeing it, unless they also hold the signing key (the OS key store on the desktop).
 */

export type CheckpointReason = 'export' | 'backup';

interface Checkpoint {
  at: string;
  reason: CheckpointReason;
  head: ChainHead;
  fingerprint: string;
  /** Ed25519 over signedText, base64. */
  signature: string;
}

/** What a checkpoint's signature covers: the database it belongs to, the head, when and why. */
const signedText = (dbId: string, c: Omit<Checkpoint, 'fingerprint' | 'signature'>): Buffer =>
  Buffer.from(`spo-oversight audit checkpoint\n${dbId}\n${String(c.head.id)}\n${c.head.hash}\n${c.at}\n${c.reason}\n`);

/** The checkpoint file of a database file, or null for one in memory. */
export function checkpointFile(db: Db, create = false): { file: string; dbId: string } | null {
  if (db.memory) return null;
  const dbId = create ? ensureDatabaseId(db.name) : readDatabaseId(db.name);
  if (!dbId) return null;
  return { file: join(create ? ensureKeysFolder() : keysFolder(), `${dbId}.checkpoints`), dbId };
}

/** Appends a signed checkpoint of the chain's head; nothing for an empty chain or a database in memory. */
export function writeCheckpoint(db: Db, head: ChainHead | null, reason: CheckpointReason, key: SigningKey, now: () => Date): void {
  if (!head) return;
  const where = checkpointFile(db, true);
  if (!where) return;
  const body = { at: now().toISOString(), reason, head: { id: head.id, hash: head.hash } };
  const line: Checkpoint = { ...body, fingerprint: key.fingerprint, signature: sign(null, signedText(where.dbId, body), key.privateKey).toString('base64') };
  appendFileSync(where.file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
}

/**
 * writeCheckpoint once the export or backup is done and logged: a checkpoint that cannot be written
 * does not undo them, so it is reported on stderr (and the next export or backup writes one again).
 */
export function checkpoint(db: Db, head: ChainHead | null, reason: CheckpointReason, key: SigningKey, now: () => Date): void {
  try {
    writeCheckpoint(db, head, reason, key, now);
  } catch (e) {
    console.error(`[spo-oversight] the signed audit checkpoint of this ${reason} could not be written: ${(e as Error).message}`);
  }
}

export interface CheckpointCheck {
  file: string | null;
  checked: number;
  /** Checkpoints made before a restore the log records, whose entries it replaced: a rollback, declared. */
  rolledBack: number;
  broken?: { id: number; reason: string };
}

/**
 * When the log's restores were recorded. A checkpoint made before a restore may name entries the
 * restore replaced (a rollback over the database) or never had (a copy restored to a new file,
 * which keeps the database's id): the restore entry says so in the chain, so it is accounted for.
 */
function lastRestoreAt(db: Db): string | null {
  return (db.prepare(`SELECT max(at) FROM audit_log WHERE op = 'restore'`).pluck().get() as string | null) ?? null;
}

/**
 * Checks the chain against every checkpoint in the file: each must be signed by this
 * installation's key for this database, and the log must still hold its head entry with the same
 * hash, unless a restore entry declares the entries it replaced.
 */
export function checkCheckpoints(db: Db, installationKey: () => PublicKeyInfo | null): CheckpointCheck {
  const where = checkpointFile(db);
  if (!where) return { file: null, checked: 0, rolledBack: 0 };
  let text: string;
  try {
    text = readFileSync(where.file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { file: where.file, checked: 0, rolledBack: 0 };
    throw e;
  }
  const hashOf = db.prepare<[number], string>('SELECT hash FROM audit_log WHERE id = ?').pluck();
  const restoredAt = lastRestoreAt(db);
  let checked = 0;
  let rolledBack = 0;
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  // Read only when there is something to check: verifying the chain alone needs no signing key.
  const key = lines.length ? installationKey() : null;
  for (const [i, line] of lines.entries()) {
    const n = i + 1;
    const c = parseCheckpoint(line);
    if (!c) return { file: where.file, checked, rolledBack, broken: { id: 0, reason: `line ${String(n)} of the checkpoint file ${where.file} is not a checkpoint: the file was edited` } };
    const valid = key !== null && verifySignature(where.dbId, c, key);
    if (!valid) {
      return {
        file: where.file,
        checked,
        rolledBack,
        broken: { id: c.head.id, reason: `checkpoint ${String(n)} (${c.at}) is not signed by this installation's key: the checkpoint file was edited, or comes from elsewhere` },
      };
    }
    checked++;
    const stored = hashOf.get(c.head.id);
    if (stored !== undefined && sameHash(stored, c.head.hash)) continue;
    if (restoredAt !== null && c.at < restoredAt) {
      rolledBack++;
      continue;
    }
    const when = `${c.reason} of ${c.at.slice(0, 16).replace('T', ' ')} UTC`;
    return {
      file: where.file,
      checked,
      rolledBack,
      broken: {
        id: c.head.id,
        reason:
          stored === undefined
            ? `entry ${String(c.head.id)}, the chain head signed at the ${when}, is no longer in the log, and no restore says so: the log was cut back`
            : `entry ${String(c.head.id)} is not the entry signed at the ${when}: the log was cut back and written again`,
      },
    };
  }
  return { file: where.file, checked, rolledBack };
}

function parseCheckpoint(line: string): Checkpoint | null {
  try {
    const c = JSON.parse(line) as Partial<Checkpoint> | null;
    const ok = c && typeof c.at === 'string' && typeof c.reason === 'string' && typeof c.signature === 'string' && typeof c.head?.id === 'number' && typeof c.head.hash === 'string';
    return ok ? (c as Checkpoint) : null;
  } catch {
    return null;
  }
}

function verifySignature(dbId: string, c: Checkpoint, key: PublicKeyInfo): boolean {
  try {
    return verify(null, signedText(dbId, c), key.key, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}
