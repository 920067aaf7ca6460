import { constants, copyFileSync, existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { auditKeyPath } from '../audit/key.js';
import { verifyChain } from '../audit/verify.js';
import { openDatabase, type Db } from '../connection.js';
import { DomainError } from '../errors.js';
import { checkDatabase } from './health.js';

/**
 * Backups and restores go only through SQLite's online backup API (better-sqlite3's
 * `db.backup()`), which copies a consistent snapshot page by page while the app runs. The database
 * file, its `-wal` and `-shm` are never copied, moved or deleted by hand: copying them apart
 * gives a torn database, and a `-wal` left beside the wrong file is replayed into it.
 */

export interface BackupResult {
  file: string;
  bytes: number;
  /** The audit key copied beside the backup (`<backup>.audit-key`), without which its chain cannot be verified. */
  keyFile: string | null;
  integrity: 'ok';
  ms: number;
}

/** Opens a copy, runs `integrity_check`, and makes it one self-contained file (rollback journal, no `-wal`). */
function verifyCopy(file: string): string[] {
  const copy = new Database(file, { fileMustExist: true });
  try {
    const health = checkDatabase(copy, 'integrity_check');
    if (health.ok) copy.pragma('journal_mode = DELETE');
    return health.problems;
  } finally {
    copy.close();
  }
}

export async function backupDatabase(db: Db, out: string): Promise<BackupResult> {
  const started = performance.now();
  const file = resolve(out);
  if (file === resolve(db.name)) throw new DomainError('invalid-input', 'out: the backup cannot be the database itself', 'out');
  if (existsSync(file)) throw new DomainError('invalid-input', `out: ${file} already exists; name a new file for the backup`, 'out');
  await db.backup(file);
  const problems = verifyCopy(file);
  if (problems.length) {
    // A backup that fails its check must not be restored from by mistake. It is a single file now.
    unlinkSync(file);
    throw new DomainError('io', `the backup failed its integrity check (${problems.join('; ')}) and was removed; the database itself may be damaged: run spo-oversight backup again, and if it fails again restore an earlier backup`);
  }
  let keyFile: string | null = null;
  if (!db.memory && existsSync(auditKeyPath(db.name))) {
    keyFile = auditKeyPath(file);
    copyFileSync(auditKeyPath(db.name), keyFile, constants.COPYFILE_EXCL);
  }
  return { file, bytes: statSync(file).size, keyFile, integrity: 'ok', ms: performance.now() - started };
}

export interface RestoreResult {
  file: string;
  from: string;
  auditEntries: number;
  ms: number;
}

export interface RestoreOptions {
  /** Replace a database that passes its own check (everything written since the backup is lost). */
  force: boolean;
}

function readKey(path: string): Buffer | null {
  return existsSync(path) ? readFileSync(path) : null;
}

/**
 * Restores `backup` over the database `target`, through the backup API. Refused unless the backup
 * passes `integrity_check` and its audit chain verifies, when the backup's audit key differs from
 * the target's, and — without `force` — when the target is healthy, because a restore discards
 * every review and audit entry written since the backup.
 */
export async function restoreDatabase(backup: string, target: string, opts: RestoreOptions): Promise<RestoreResult> {
  const started = performance.now();
  const from = resolve(backup);
  const file = resolve(target);
  if (!existsSync(from)) throw new DomainError('invalid-input', `backup: no such file: ${from}`, 'backup');
  if (from === file) throw new DomainError('invalid-input', 'backup: the backup is the database itself', 'backup');

  const backupKey = readKey(auditKeyPath(from));
  const targetKey = readKey(auditKeyPath(file));
  if (backupKey && targetKey && !backupKey.equals(targetKey)) {
    throw new DomainError('invalid-input', `backup: ${from} was made from another database (its audit key differs from ${auditKeyPath(file)}); restore it to a new --db file instead`, 'backup');
  }
  const key = backupKey ?? targetKey;

  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    const health = checkDatabase(source, 'integrity_check');
    if (!health.ok) throw new DomainError('invalid-input', `backup: ${from} fails its integrity check (${health.problems.join('; ')}); choose an earlier backup`, 'backup');
    const entries = source.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    if (entries > 0) {
      if (!key) throw new DomainError('invalid-input', `backup: no audit key beside ${from} or ${file} (${auditKeyPath(from)}); without it the restored audit log cannot be verified`, 'backup');
      const chain = verifyChain(source, undefined, key);
      if (!chain.intact) throw new DomainError('invalid-input', `backup: the audit chain of ${from} is broken at entry ${chain.firstBroken?.id ?? '?'} (${chain.firstBroken?.reason ?? ''}); choose another backup`, 'backup');
    }

    if (existsSync(file) && !opts.force && targetIsHealthy(file)) {
      throw new DomainError('conflict', `${file} passes its integrity check: restoring would discard everything recorded since the backup. Add --force if that is what you want (back it up first)`);
    }
    await source.backup(file);
    if (!targetKey && key) writeFileSync(auditKeyPath(file), key, { mode: 0o600, flag: 'wx' });

    const restored = openDatabase(file);
    try {
      const after = checkDatabase(restored, 'integrity_check');
      if (!after.ok) throw new DomainError('io', `the restored database ${file} fails its integrity check (${after.problems.join('; ')}); the disk may be failing`);
      return { file, from, auditEntries: entries, ms: performance.now() - started };
    } finally {
      restored.close();
    }
  } finally {
    source.close();
  }
}

function targetIsHealthy(file: string): boolean {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return checkDatabase(db, 'integrity_check').ok;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
