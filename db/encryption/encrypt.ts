import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { AuditLog } from '../audit/log.js';
import { openDatabase } from '../connection.js';
import { DomainError } from '../errors.js';
import { applyKey, isPlainSqlite, rekeyPragmas } from './cipher.js';
import { findDatabaseKey, makeDatabaseKey, type DatabaseKey } from './key.js';

export interface EncryptOptions {
  /** The operating-system account, for the audit entry. */
  osUser: string;
  /** The key to encrypt with; otherwise the database's own (found or, if it has none, made). */
  key?: Buffer;
  nativeBinding?: string;
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
}

export interface EncryptResult {
  file: string;
  /** False when the file was already encrypted: nothing was done. */
  encrypted: boolean;
  /** Where its key came from (a key file, or the variable that gave it). */
  keySource: string | null;
  /** The id of the audit entry that records it; null when the database has no audit log to write to. */
  auditEntry: number | null;
  /** Why the encryption could not be audited, when it could not. */
  auditProblem?: string;
  ms: number;
}

type Connection = Database.Database;

function openPlain(file: string, nativeBinding: string | undefined): Connection {
  return new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

function tableCounts(db: Connection): Record<string, number> {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`).pluck().get() as number]));
}

/**
 * Folds the plaintext database's `-wal` into it and takes it out of WAL mode, so the file alone is
 * the whole database, and counts its rows to compare with the encrypted copy. SQLite does it and
 * refuses while another connection is open, so a running app is detected.
 */
function settle(file: string, nativeBinding: string | undefined): Record<string, number> {
  const db = openPlain(file, nativeBinding);
  try {
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DomainError('io', `${file} fails its integrity check (${String(check)}): it is not encrypted as it is; restore a backup of it first`);
    db.pragma('journal_mode = DELETE');
    return tableCounts(db);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    const busy = (e as { code?: string }).code?.startsWith('SQLITE_BUSY') ?? false;
    throw busy
      ? new DomainError('conflict', `${file} is open in another program (the app, or another command): close it, then encrypt`)
      : new DomainError('io', `${file} could not be read to encrypt it (${(e as Error).message})`);
  } finally {
    db.close();
  }
}

/** A byte-for-byte copy, created readable by its owner only (copyFile would give it the original's mode). */
function copyPrivately(from: string, to: string): void {
  const src = openSync(from, 'r');
  try {
    const dst = openSync(to, 'wx', 0o600);
    try {
      const chunk = Buffer.alloc(1 << 20);
      for (let n = readSync(src, chunk); n > 0; n = readSync(src, chunk)) writeSync(dst, chunk, 0, n);
      fsyncSync(dst);
    } finally {
      closeSync(dst);
    }
  } finally {
    closeSync(src);
  }
}

function syncDir(file: string): void {
  const fd = openSync(dirname(file), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** SQLite rewrites every page of the copy under the key (`rekey`), then the copy is read back whole with it. */
function encryptCopy(copy: string, key: DatabaseKey, expected: Record<string, number>, nativeBinding: string | undefined): void {
  const db = openPlain(copy, nativeBinding);
  try {
    for (const p of rekeyPragmas(key)) db.pragma(p);
  } finally {
    db.close();
  }
  if (isPlainSqlite(copy)) throw new DomainError('io', `${copy} is still unencrypted after encryption: the database engine did not encrypt it`);
  const check = openPlain(copy, nativeBinding);
  try {
    applyKey(check, key, copy);
    const integrity = check.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new DomainError('io', `the encrypted copy fails its integrity check (${String(integrity)})`);
    const counts = tableCounts(check);
    if (JSON.stringify(counts) !== JSON.stringify(expected)) throw new DomainError('io', 'the encrypted copy does not hold the same rows as the database');
  } finally {
    check.close();
  }
}

/** Records the encryption in the database's audit log, when it has one (a database from before the log has none). */
function audit(file: string, key: DatabaseKey, opts: EncryptOptions): Pick<EncryptResult, 'auditEntry' | 'auditProblem'> {
  try {
    const db = openDatabase(file, { key: key.key, migrate: false, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
    try {
      const hasLog = db.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'`).pluck().get() === 1;
      if (!hasLog) return { auditEntry: null };
      const [entry] = new AuditLog(db, opts.now ?? (() => new Date())).append('encrypt', [{ operation: 'alteration', details: { file, key: key.source } }], { osUser: opts.osUser, appUser: null });
      return { auditEntry: entry?.id ?? null };
    } finally {
      db.close();
    }
  } catch (e) {
    // The file is encrypted by now: that stands, and the caller says why it is not in the log.
    return { auditEntry: null, auditProblem: (e as Error).message };
  }
}

/**
 * Encrypts a database written before the app encrypted its data: the explicit, one-time step that
 * replaces the old silent encryption on open. The plaintext file is never changed in place: an
 * encrypted copy is made beside it (0600), read back whole with the key and compared row count by
 * row count, and only then renamed over it, so a failure at any point leaves the original as it was.
 * The key is the database's own if one exists (found as every open finds it), else a new one in
 * the per-user keys folder.
 */
export function encryptDatabase(dbFile: string, opts: EncryptOptions): EncryptResult {
  const started = performance.now();
  const file = resolve(dbFile);
  const env = opts.env ?? process.env;
  if (!existsSync(file)) throw new DomainError('invalid-input', `no database at ${file}`);
  if (statSync(file).size === 0) throw new DomainError('invalid-input', `${file} is empty: there is nothing to encrypt (a new database is created encrypted when it is first opened)`);
  if (!isPlainSqlite(file)) {
    return { file, encrypted: false, keySource: findDatabaseKey(file, opts.key, env)?.source ?? null, auditEntry: null, ms: performance.now() - started };
  }
  const expected = settle(file, opts.nativeBinding);
  const key = findDatabaseKey(file, opts.key, env) ?? makeDatabaseKey(file);
  const copy = `${file}.encrypting-${randomBytes(6).toString('hex')}`;
  try {
    copyPrivately(file, copy);
    encryptCopy(copy, key, expected, opts.nativeBinding);
    renameSync(copy, file);
    syncDir(file);
  } catch (e) {
    if (e instanceof DomainError) throw new DomainError(e.code, `${file} was not encrypted and is as it was: ${e.message}`);
    throw e;
  } finally {
    rmSync(copy, { force: true });
  }
  return { file, encrypted: true, keySource: key.source, ...audit(file, key, opts), ms: performance.now() - started };
}
