import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { verifyChain } from '../audit/verify.js';
import { AuditLog } from '../audit/log.js';
import { useAuditKey } from '../audit/key.js';
import { checkpoint } from '../audit/checkpoints.js';
import { installationSigningKey } from '../signing/installation.js';
import { keyOf, openDatabase, type Db } from '../connection.js';
import { applyKey } from '../encryption/cipher.js';
import { findDatabaseKey, KEY_FILE_ENV, type DatabaseKey } from '../encryption/key.js';
import { DomainError } from '../errors.js';
import { databaseIdFile, findKeyFile, keyFilePath, legacyKeyFilePath, readDatabaseId, type KeyKind } from '../keys/paths.js';
import { writeNewSecretFile } from '../secret-file.js';
import { checkDatabase } from './health.js';

/**
 * Backups and restores are made by SQLite itself, as a consistent snapshot while the app runs:
 * `VACUUM INTO`, which SQLite3 Multiple Ciphers writes encrypted with the database's own cipher
 * and key. (SQLite's page-by-page backup API cannot write an encrypted copy from better-sqlite3:
 * it opens the target without a key, and the cipher refuses the pair.) The database file, its
 * `-wal` and `-shm` are never copied, moved or deleted by hand: copying them apart gives a torn
 * database, and a `-wal` left beside the wrong file is replayed into it. A backup holds no key:
 * it is useless to whoever finds it without the key kept apart from it.
 */

/** Who made a backup or a restore, for its audit entry. */
export interface BackupActor {
  osUser: string;
  appUser: string | null;
  now: () => Date;
}

export interface BackupResult {
  file: string;
  bytes: number;
  /** The audit entry recording the backup as a disclosure (a full copy), or null for a database with no audit log yet. */
  auditEntryId: number | null;
  /** The audit key copied beside the backup (`<backup>.audit-key`), without which its chain cannot be verified. */
  keyFile: string | null;
  /** The database's id copied beside the backup (`<backup>.id`), so a restore on this computer finds its keys. */
  idFile: string | null;
  integrity: 'ok';
  /** The database's own `quick_check` before it was copied. */
  sourceCheckMs: number;
  ms: number;
}

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Creates the empty file SQLite's `VACUUM INTO` then fills (it accepts an empty target), readable
 * by its owner only: SQLite would create it with the process's default mode. `wx` also refuses a
 * file that appeared since it was checked.
 */
function createPrivately(file: string): void {
  closeSync(openSync(file, 'wx', 0o600));
}

/** A key file's bytes, wherever db/keys/paths.ts finds it (never warning: a backup's audit key is beside it by design). */
function readKeyFile(dbFile: string, kind: KeyKind): Buffer | null {
  const found = findKeyFile(dbFile, kind, { warn: false });
  return found ? readFileSync(found.path) : null;
}

/** A file and the directory entry naming it reach the disk before the copy counts as made. */
function syncFile(file: string): void {
  for (const path of [file, dirname(file)]) {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

function openCopy(file: string, key: DatabaseKey | null, readonly: boolean): Db {
  const copy = new Database(file, { fileMustExist: true, readonly });
  try {
    if (key) applyKey(copy, key, file);
    return copy;
  } catch (e) {
    copy.close();
    throw e;
  }
}

/** Opens a copy, runs `integrity_check`, and makes it one self-contained file (rollback journal, no `-wal`). */
function verifyCopy(file: string, key: DatabaseKey | null): string[] {
  const copy = openCopy(file, key, false);
  try {
    const health = checkDatabase(copy, 'integrity_check');
    if (health.ok) copy.pragma('journal_mode = DELETE');
    return health.problems;
  } finally {
    copy.close();
  }
}

const hasAuditLog = (db: Db): boolean => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'`).get() !== undefined;

/** The last entry of a database's audit chain and how many there are; null for a database with no audit log. */
function chainHead(db: Db): { id: number; hash: string; entries: number } | null {
  if (!hasAuditLog(db)) return null;
  const head = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
  const entries = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  return head ? { ...head, entries } : { id: 0, hash: '', entries: 0 };
}

/**
 * A backup is a full copy of everyone's data, so it is a disclosure in the audit log (DPA 2018
 * s.62). Write, then log, then publish: the copy is made and checked under a temporary name, its
 * entry committed, and only then is it renamed into place, so no backup exists that the log does
 * not record; if the entry cannot be written the copy is removed.
 */
export function backupDatabase(db: Db, out: string, actor: BackupActor = { osUser: 'unknown', appUser: null, now: () => new Date() }): BackupResult {
  const started = performance.now();
  const file = resolve(out);
  if (file === resolve(db.name)) throw new DomainError('invalid-input', 'out: the backup cannot be the database itself', 'out');
  if (existsSync(file)) throw new DomainError('invalid-input', `out: ${file} already exists; name a new file for the backup`, 'out');
  // The start-up check may not have run in this process (the CLI skips it unless something calls
  // for it): a backup is where damage must be found, before the copy is trusted in its place.
  const source = checkDatabase(db, 'quick_check');
  if (!source.ok) {
    throw new DomainError('io', `the database ${db.name} is damaged (${source.problems.join('; ')}), so no backup was made of it: restore the latest backup: spo-oversight restore BACKUP --db "${db.name}"`);
  }
  const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
  try {
    const copied = chainHead(db);
    createPrivately(partial);
    db.exec(`VACUUM INTO ${sqlString(partial)}`);
    syncFile(partial);
    const problems = verifyCopy(partial, keyOf(db));
    if (problems.length) {
      // A backup that fails its check must not be restored from by mistake.
      throw new DomainError('io', `the backup failed its integrity check (${problems.join('; ')}) and was removed; the database itself may be damaged: run spo-oversight backup again, and if it fails again restore an earlier backup`);
    }
    const bytes = statSync(partial).size;
    let auditEntryId: number | null = null;
    if (copied && !db.readonly) {
      const [entry] = new AuditLog(db, actor.now).append(
        'backup',
        [
          {
            operation: 'disclosure',
            justification: 'a full copy of the database, made as a backup',
            details: { file, bytes, cases: db.prepare('SELECT count(*) FROM cases').pluck().get() as number, copiedHead: copied.entries ? { id: copied.id, hash: copied.hash } : null },
          },
        ],
        { osUser: actor.osUser, appUser: actor.appUser },
      );
      auditEntryId = entry?.id ?? null;
    }
    renameSync(partial, file);
    syncFile(file);
    if (auditEntryId !== null) checkpoint(db, chainHead(db), 'backup', installationSigningKey(db), actor.now);
    // The audit key travels beside the backup (to verify its chain wherever it is restored); the
    // database key never does, so the backup is useless to whoever finds it without the key.
    const auditKey = db.memory ? null : readKeyFile(db.name, 'audit-key');
    const keyFile = auditKey ? legacyKeyFilePath(file, 'audit-key') : null;
    if (keyFile && auditKey) writeNewSecretFile(keyFile, auditKey);
    const id = db.memory ? null : readDatabaseId(db.name);
    const idFile = id ? databaseIdFile(file) : null;
    if (idFile) writeNewSecretFile(idFile, Buffer.from(`${id}\n`));
    return { file, bytes, auditEntryId, keyFile, idFile, integrity: 'ok', sourceCheckMs: source.ms, ms: performance.now() - started };
  } catch (e) {
    rmSync(partial, { force: true });
    if (e instanceof DomainError) throw e;
    throw new DomainError('io', `the backup could not be made or recorded in the audit log (${(e as Error).message}); no backup was kept`);
  }
}

export interface RestoreResult {
  file: string;
  from: string;
  auditEntries: number;
  /** The chain the restore replaced (its last entry and length), recorded in the restored log; null when there was no database, or it could not be read. */
  replaced: { id: number; hash: string; entries: number } | null;
  auditEntryId: number;
  ms: number;
}

export interface RestoreOptions {
  /** Replace a database that passes its own check (everything written since the backup is lost). */
  force: boolean;
  /** The database key (the desktop app's); otherwise the target's, from the environment or beside it. */
  key?: Buffer;
  /** Who restores, for the restore's entry in the restored audit log. */
  actor?: BackupActor;
}

/**
 * Restores `backup` over the database `target`. Refused unless the backup opens with the
 * database's key, passes `integrity_check` and its audit chain verifies; when the backup's audit
 * key differs from the target's; and — without `force` — when the target is healthy, because a
 * restore discards every review and audit entry written since the backup. SQLite writes the
 * restored copy beside the target, then SQLite takes the target out of WAL mode (which needs
 * every other connection closed, so a running app is detected) and the copy is renamed into place.
 */
export function restoreDatabase(backup: string, target: string, opts: RestoreOptions): RestoreResult {
  const started = performance.now();
  const from = resolve(backup);
  const file = resolve(target);
  if (!existsSync(from)) throw new DomainError('invalid-input', `backup: no such file: ${from}`, 'backup');
  if (from === file) throw new DomainError('invalid-input', 'backup: the backup is the database itself', 'backup');

  const backupAuditKey = readKeyFile(from, 'audit-key');
  const targetAuditKey = readKeyFile(file, 'audit-key');
  if (backupAuditKey && targetAuditKey && !backupAuditKey.equals(targetAuditKey)) {
    throw new DomainError('invalid-input', `backup: ${from} was made from another database (its audit key differs from ${findKeyFile(file, 'audit-key', { warn: false })?.path ?? file}); restore it to a new --db file instead`, 'backup');
  }
  const auditKey = backupAuditKey ?? targetAuditKey;
  // A backup names its database's keys by the id beside it, so a restore to a new file on the same computer finds them.
  const backupKeyFile = findKeyFile(from, 'db-key', { warn: false });
  const key = findDatabaseKey(file, opts.key) ?? (backupKeyFile ? findDatabaseKey(from, undefined, {}) : null);
  if (!key) {
    throw new DomainError('invalid-input', `backup: ${file} has no database key, and none is named by ${from}.id; name the key file of the database the backup was made from with ${KEY_FILE_ENV}`, 'backup');
  }

  const source = openBackup(from, key);
  try {
    const health = checkDatabase(source, 'integrity_check');
    if (!health.ok) throw new DomainError('invalid-input', `backup: ${from} fails its integrity check (${health.problems.join('; ')}); choose an earlier backup`, 'backup');
    const entries = source.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    if (entries > 0) {
      if (!auditKey) throw new DomainError('invalid-input', `backup: no audit key beside ${from} or ${file} (${legacyKeyFilePath(from, 'audit-key')}); without it the restored audit log cannot be verified`, 'backup');
      const chain = verifyChain(source, undefined, auditKey);
      if (!chain.intact) throw new DomainError('invalid-input', `backup: the audit chain of ${from} is broken at entry ${chain.firstBroken?.id ?? '?'} (${chain.firstBroken?.reason ?? ''}); choose another backup`, 'backup');
    }
    if (existsSync(file) && !opts.force && targetIsHealthy(file, key)) {
      throw new DomainError('conflict', `${file} passes its integrity check: restoring would discard everything recorded since the backup. Add --force if that is what you want (back it up first)`);
    }

    // What is about to be replaced, so the restored log can say what a rollback threw away.
    const replaced = existsSync(file) ? readHead(file, key) : { head: null, unreadable: null };
    const actor = opts.actor ?? { osUser: 'unknown', appUser: null, now: () => new Date() };
    // A backup of an empty log may come without an audit key: the restored database gets a new one.
    const restoredAuditKey = auditKey ?? randomBytes(32);
    const copy = `${file}.restoring-${randomBytes(6).toString('hex')}`;
    let entryId: number | null = null;
    try {
      createPrivately(copy);
      source.exec(`VACUUM INTO ${sqlString(copy)}`);
      // Write, then log, then publish: the restore's entry goes into the copy before it replaces the database.
      entryId = logRestore(copy, key, restoredAuditKey, actor, {
        from,
        forced: opts.force,
        replaced: replaced.head,
        ...(replaced.unreadable ? { replacedUnreadable: replaced.unreadable } : {}),
      });
      syncFile(copy);
      if (existsSync(file)) leaveWalMode(file, key);
      renameSync(copy, file);
      syncFile(file);
    } finally {
      rmSync(copy, { force: true });
    }
    // A target without keys of its own takes the backup's id, which names the keys it was opened with.
    const backupId = readDatabaseId(from);
    if (backupId && !readDatabaseId(file) && !findKeyFile(file, 'db-key', { warn: false })) writeNewSecretFile(databaseIdFile(file), Buffer.from(`${backupId}\n`));
    if (!findKeyFile(file, 'audit-key', { warn: false })) writeNewSecretFile(keyFilePath(file, 'audit-key'), restoredAuditKey);

    const restored = openDatabase(file, { key: key.key });
    try {
      const after = checkDatabase(restored, 'integrity_check');
      if (!after.ok) throw new DomainError('io', `the restored database ${file} fails its integrity check (${after.problems.join('; ')}); the disk may be failing`);
      return { file, from, auditEntries: entries, replaced: replaced.head, auditEntryId: entryId ?? 0, ms: performance.now() - started };
    } finally {
      restored.close();
    }
  } finally {
    source.close();
  }
}

/**
 * The restore's own entry, written into the restored copy before it is put in place: it names the
 * chain head it replaces, so a rollback shows in the restored database's own log. Null for a
 * backup older than the audit log (the log starts when the restored database is next opened).
 */
function logRestore(
  copy: string,
  key: DatabaseKey,
  auditKey: Buffer,
  actor: BackupActor,
  what: { from: string; forced: boolean; replaced: { id: number; hash: string; entries: number } | null; replacedUnreadable?: string },
): number | null {
  const db = openCopy(copy, key, false);
  try {
    const restoredHead = chainHead(db);
    if (!restoredHead) return null;
    useAuditKey(db, auditKey);
    const [entry] = new AuditLog(db, actor.now).append(
      'restore',
      [
        {
          operation: 'alteration',
          justification: what.replaced ? `database restored from a backup, replacing a log of ${String(what.replaced.entries)} entries${what.forced ? ' (forced)' : ''}` : 'database restored from a backup',
          details: {
            from: what.from,
            forced: what.forced,
            restoredHead: restoredHead.entries ? { id: restoredHead.id, hash: restoredHead.hash } : null,
            replaced: what.replaced ? { id: what.replaced.id, hash: what.replaced.hash, entries: what.replaced.entries } : null,
            ...(what.replacedUnreadable ? { replacedUnreadable: what.replacedUnreadable } : {}),
          },
        },
      ],
      { osUser: actor.osUser, appUser: actor.appUser },
    );
    return entry?.id ?? null;
  } finally {
    db.close();
  }
}

/** The head of the audit chain in the database a restore replaces; why not, when it cannot be read (a damaged file is what a forced restore is for). */
function readHead(file: string, key: DatabaseKey): { head: { id: number; hash: string; entries: number } | null; unreadable: string | null } {
  try {
    const db = openCopy(file, key, true);
    try {
      return { head: chainHead(db), unreadable: null };
    } finally {
      db.close();
    }
  } catch (e) {
    return { head: null, unreadable: (e as Error).message };
  }
}

function openBackup(from: string, key: DatabaseKey): Db {
  try {
    return openCopy(from, key, true);
  } catch (e) {
    if (e instanceof DomainError) throw new DomainError('invalid-input', `backup: ${from} does not open with the key from ${key.source}: it was made from another database, or with another key`, 'backup');
    throw e;
  }
}

/**
 * SQLite checkpoints the target's WAL into it and removes its `-wal` and `-shm` itself. It cannot
 * while another connection is open, and then nothing is replaced: a restore under a running app
 * would be lost to it, or be torn by it.
 */
function leaveWalMode(file: string, key: DatabaseKey): void {
  let db: Db;
  try {
    db = openCopy(file, key, false);
  } catch (e) {
    throw new DomainError('io', `${file} cannot be opened to take it out of use (${(e as Error).message}); restore the backup to a new --db file instead`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = DELETE');
  } catch (e) {
    const busy = (e as { code?: string }).code?.startsWith('SQLITE_BUSY') ?? false;
    throw busy
      ? new DomainError('conflict', `${file} is open in another program (the app, or another command): close it, then restore`)
      : new DomainError('io', `${file} could not be closed out of WAL mode (${(e as Error).message}); restore the backup to a new --db file instead`);
  } finally {
    db.close();
  }
}

function targetIsHealthy(file: string, key: DatabaseKey): boolean {
  try {
    const db = openCopy(file, key, true);
    try {
      return checkDatabase(db, 'integrity_check').ok;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
