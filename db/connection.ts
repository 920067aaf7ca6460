// `better-sqlite3` is an npm alias of better-sqlite3-multiple-ciphers: the same API over SQLite3
// Multiple Ciphers, so every database file, its -wal and its backups are encrypted (issue 8).
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync } from 'node:fs';
import { applyKey, isPlainSqlite } from './encryption/cipher.js';
import { findDatabaseKey, resolveDatabaseKey, type DatabaseKey } from './encryption/key.js';
import { DomainError } from './errors.js';
import { migrate } from './migrations/index.js';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * Path to a better_sqlite3.node built for the running runtime. Electron passes its own build so
   * the Node build the tests use is never overwritten (the "ABI flip").
   */
  nativeBinding?: string;
  /** Skip migrations (migration tests drive them one version at a time). */
  migrate?: boolean;
  /**
   * Open an existing file read-only, without migrating: for a database that failed its start-up
   * check (db/service/open.ts), so nothing more is written to a damaged file.
   */
  readonly?: boolean;
  /**
   * The 32-byte database key (the desktop app's, unwrapped from the OS key store). Without it the
   * key comes from the environment or the database's key file (db/encryption/key.ts).
   */
  key?: Buffer;
}

const isMemory = (file: string) => file === ':memory:' || file === '';

/** Each connection's key, for the copies made of it (backups are encrypted with the same key). */
const keys = new WeakMap<Db, DatabaseKey>();

/** The key a connection was opened with; null for an in-memory or unencrypted one. */
export function keyOf(db: Db): DatabaseKey | null {
  return keys.get(db) ?? null;
}

/**
 * An unencrypted database is never opened as the app's database: encrypting it is the explicit
 * `spo-oversight encrypt` (db/encryption/encrypt.ts), never a side effect of opening it. Where a
 * key for it exists the file may be a plaintext copy put in the encrypted one's place, so that is
 * said; a damaged file opened read-only with no key anywhere is read as it is.
 */
function refusePlain(file: string, options: OpenOptions): void {
  const key = findDatabaseKey(file, options.key);
  if (!key && options.readonly) return;
  const encrypt = `spo-oversight encrypt --db "${file}"`;
  throw new DomainError(
    'io',
    key
      ? `${file} is not encrypted, yet a key for it exists (${key.source}): it is not opened, because an unencrypted file in an encrypted database's place is not accepted silently. If it is the database you meant, encrypt it with: ${encrypt}`
      : `${file} was written before the app encrypted its data and is not opened unencrypted: encrypt it once with: ${encrypt}`,
  );
}

/** A new database file is created readable by its owner only; SQLite gives its -wal and -shm the same mode. */
function createPrivately(file: string): void {
  if (existsSync(file)) return;
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (e) {
    // Another process created it a moment ago: it made it the same way.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

export const PAGE_SIZE = 16_384;

/** Opens (creating if needed) the app's database with the pragmas every connection must have. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const plain = !isMemory(file) && isPlainSqlite(file);
  if (plain) refusePlain(file, options);
  const key = isMemory(file) || plain ? null : resolveDatabaseKey(file, options.key);
  if (!isMemory(file) && !options.readonly) createPrivately(file);
  const db = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
  });
  try {
    if (key) {
      applyKey(db, key, file);
      keys.set(db, key);
    }
    // A new database gets 16 KiB pages (an existing one keeps its own: SQLite ignores this then).
    // Each page is encrypted, authenticated and balanced as a unit, and the import's B-trees are
    // written many pages at a time: 16 KiB rather than 4 KiB made a national import 7% quicker
    // (124.0 s → 115.8 s, with the staging file's pages the same size).
    if (!options.readonly) db.pragma(`page_size = ${String(PAGE_SIZE)}`);
    if (!options.readonly) db.pragma('journal_mode = WAL');
    // FULL: an acknowledged write survives power loss, which matters more than speed for evidence.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // SQLite's temporary files (sorts that spill, temp tables) are not encrypted, so there are none:
    // import staging lives in an attached encrypted file instead (db/import/staging.ts).
    db.pragma('temp_store = MEMORY');
    // 192 MiB of page cache at most (pages are allocated as they are read): index builds after a
    // bulk import and the queue's sorts stay in memory, and so does what a national evaluation
    // reads (about 100 MiB of covering indexes). Every page read from the file is decrypted, and
    // a cache smaller than that working set is flushed by each pass over the caseload (LRU under a
    // cyclic scan), so each evaluation decrypted it all again (issue 18: 2.87 s → 4.72 s).
    db.pragma('cache_size = -196608');
    if (options.migrate !== false && !options.readonly) migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
