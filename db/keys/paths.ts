import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { DomainError } from '../errors.js';
import { writeNewSecretFile } from '../secret-file.js';

/** The secrets the CLI and the preview host keep for a database: its encryption key, its audit chain's HMAC key, its export signing key. */
export type KeyKind = 'db-key' | 'audit-key' | 'signing-key';

export const KEY_KINDS: readonly KeyKind[] = ['db-key', 'audit-key', 'signing-key'];

/**
 * The per-user folder the CLI and the preview host keep keys in, away from the database and its
 * backups (so copying the data folder, or a backup drive, does not copy the keys). XDG_CONFIG_HOME
 * when it is set (on any platform: it is how a user, or a test run, says where config goes), else
 * the platform's own place for per-user settings.
 */
export function keysFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  const xdg = env.XDG_CONFIG_HOME;
  // The XDG spec says a relative value is to be ignored.
  if (xdg && isAbsolute(xdg)) return join(xdg, 'spo-oversight', 'keys');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'spo-oversight', 'keys');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'spo-oversight', 'keys');
  return join(home, '.config', 'spo-oversight', 'keys');
}

/**
 * The database's id: 16 random bytes as hex, kept in `<db>.id` beside it. Its keys are named by
 * it, not by the database's path, so the database can be moved or renamed (with its id file)
 * and still find them. It is outside the database because the database is encrypted header and
 * all: an id inside could only be read once the key it leads to had been found. The id is not a
 * secret, and a wrong one cannot open the wrong data: each key is checked against the file.
 */
export function databaseIdFile(dbFile: string): string {
  return `${dbFile}.id`;
}

const ID = /^[0-9a-f]{32}$/;

/** The database's id, or null when it has none yet (a new database, or one whose keys are beside it). */
export function readDatabaseId(dbFile: string): string | null {
  const file = databaseIdFile(dbFile);
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (!ID.test(text)) throw new DomainError('io', `${file} is damaged: it should hold the database's id (32 hexadecimal digits) that names its keys in ${keysFolder()}; restore it from a backup`);
  return text;
}

/** The database's id, made (and written beside it) if it has none. */
export function ensureDatabaseId(dbFile: string): string {
  const existing = readDatabaseId(dbFile);
  if (existing) return existing;
  const id = randomBytes(16).toString('hex');
  try {
    writeNewSecretFile(databaseIdFile(dbFile), Buffer.from(`${id}\n`));
    return id;
  } catch (e) {
    // Another process gave it an id a moment ago: that one names the keys.
    const raced = (e as NodeJS.ErrnoException).code === 'EEXIST' ? readDatabaseId(dbFile) : null;
    if (raced) return raced;
    throw e;
  }
}

/** Where keys were kept before issue 16: beside the database. Still read, with a warning. */
export function legacyKeyFilePath(dbFile: string, kind: KeyKind): string {
  return `${dbFile}.${kind}`;
}

/** The key file of a kind for a database id, in the per-user folder. */
export function keyFileOfId(id: string, kind: KeyKind): string {
  return join(keysFolder(), `${id}.${kind}`);
}

/** Creates the per-user keys folder, readable by its owner only, and tightens it if someone loosened it. */
export function ensureKeysFolder(): string {
  const folder = keysFolder();
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(folder, 0o700);
  return folder;
}

const warned = new Set<string>();

/** One line, once per database and process: the old place still opens, so no one loses data, but it should be left. */
function warnLegacy(dbFile: string): void {
  if (warned.has(dbFile)) return;
  warned.add(dbFile);
  console.error(`[spo-oversight] warning: the keys of ${dbFile} are still beside it, where a copy of the folder copies them too; move them to ${keysFolder()} once with: spo-oversight keys migrate --db "${dbFile}"`);
}

export interface FoundKeyFile {
  path: string;
  /** True when it is beside the database (the place before issue 16). */
  legacy: boolean;
}

/** Where an existing key of this kind is, without creating anything: the per-user folder first, then beside the database. */
export function findKeyFile(dbFile: string, kind: KeyKind, { warn = true } = {}): FoundKeyFile | null {
  const id = readDatabaseId(dbFile);
  if (id) {
    const path = keyFileOfId(id, kind);
    if (existsSync(path)) return { path, legacy: false };
  }
  const old = legacyKeyFilePath(dbFile, kind);
  if (existsSync(old)) {
    if (warn) warnLegacy(dbFile);
    return { path: old, legacy: true };
  }
  return null;
}

/**
 * Where a database's key of this kind is kept when no other place is named: the one place that
 * decides it. An existing key is found where it is (see findKeyFile); a new one goes in the
 * per-user folder under the database's id, so this gives the database an id and creates the
 * folder (0700) when they are missing, ready for the caller to write the key (writeNewSecretFile).
 */
export function keyFilePath(dbFile: string, kind: KeyKind): string {
  const found = findKeyFile(dbFile, kind);
  if (found) return found.path;
  const id = ensureDatabaseId(dbFile);
  ensureKeysFolder();
  return keyFileOfId(id, kind);
}
