import Database from 'better-sqlite3';
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
}

/** Opens (creating if needed) the app's database with the pragmas every connection must have. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
  });
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    // FULL: an acknowledged write survives power loss, which matters more than speed for evidence.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Import staging lives in temp tables; keep them on disk so a national extract stays in bounded memory.
    db.pragma('temp_store = FILE');
    // 32 MiB of page cache: index builds after a bulk import and the queue's sorts stay in memory.
    db.pragma('cache_size = -32768');
    if (options.migrate !== false && !options.readonly) migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
