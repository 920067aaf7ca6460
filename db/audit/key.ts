import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Db } from '../connection.js';
import { DomainError } from '../errors.js';
import { writeNewSecretFile } from '../secret-file.js';
import { keyFilePath } from '../keys/paths.js';

export const KEY_BYTES = 32;

/** Where a database file's audit key lives: never inside it (db/keys/paths.ts decides where). */
export function auditKeyPath(dbFile: string): string {
  return keyFilePath(dbFile, 'audit-key');
}

/** One key per connection: in-memory keys live here, file keys are read once. */
const keys = new WeakMap<Db, Buffer>();

function readKey(path: string): Buffer | null {
  try {
    const key = readFileSync(path);
    if (key.length !== KEY_BYTES) {
      throw new DomainError('io', `the audit key file ${path} holds ${key.length} bytes, not ${KEY_BYTES}: it is damaged; restore it from a backup`);
    }
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Gives a connection the audit key its host keeps (the desktop app, from the OS key store), so no
 * key file is read or written for it. Must be called before the first entry is written or read.
 */
export function useAuditKey(db: Db, key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new DomainError('invalid-input', `the audit key given by the app holds ${key.length} bytes, not ${KEY_BYTES}`);
  keys.set(db, key);
}

/**
 * The HMAC key of a database's audit chain. Kept outside the database so that whoever can edit the
 * database file cannot recompute the chain. Created (32 random bytes, mode 0600) on first use of a
 * database whose audit log is empty; a missing key for a log that has entries is refused rather
 * than replaced, because a new key would make every existing entry look forged. An in-memory
 * database gets a key that lives as long as the connection.
 */
export function auditKey(db: Db): Buffer {
  let key = keys.get(db);
  if (!key) {
    key = db.memory ? randomBytes(KEY_BYTES) : fileKey(db);
    keys.set(db, key);
  }
  return key;
}

function fileKey(db: Db): Buffer {
  const path = auditKeyPath(db.name);
  const existing = readKey(path);
  if (existing) return existing;
  const entries = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  if (entries > 0) {
    throw new DomainError(
      'io',
      `the audit key file ${path} is missing but the audit log holds ${entries} entries: restore the key file from a backup (a new key would break the chain)`,
    );
  }
  const key = randomBytes(KEY_BYTES);
  try {
    writeNewSecretFile(path, key);
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      const raced = readKey(path);
      if (raced) return raced;
    }
    throw e;
  }
}
