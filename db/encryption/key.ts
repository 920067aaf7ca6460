import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { DomainError } from '../errors.js';
import { writeNewSecretFile } from '../secret-file.js';
import { databaseIdFile, findKeyFile, keyFileOfId, keyFilePath, keysFolder, readDatabaseId } from '../keys/paths.js';

export const DATABASE_KEY_BYTES = 32;
/** The key itself, as 64 hex digits (for a service account or a test run). */
export const KEY_ENV = 'SPO_OVERSIGHT_DB_KEY';
/** A file holding the key (64 hex digits, or 32 raw bytes), kept wherever the deployment keeps secrets. */
export const KEY_FILE_ENV = 'SPO_OVERSIGHT_DB_KEY_FILE';

/** Where the CLI and the preview host keep a database's key when no other is named (db/keys/paths.ts). */
export function databaseKeyPath(dbFile: string): string {
  return keyFilePath(dbFile, 'db-key');
}

/** Where the key of this database was looked for, for the message when it is not there. */
function whereLooked(dbFile: string): string {
  const id = readDatabaseId(dbFile);
  return id
    ? `at ${keyFileOfId(id, 'db-key')}`
    : `in ${keysFolder()} (${dbFile} has no id file, ${databaseIdFile(dbFile)}, to name it: was the database moved without it?) nor beside it`;
}

export interface DatabaseKey {
  key: Buffer;
  /** Where it came from, for messages: the variable or the file. */
  source: string;
}

function parseKey(bytes: Buffer, source: string): Buffer {
  if (bytes.length === DATABASE_KEY_BYTES) return bytes;
  const text = bytes.toString('latin1').trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  throw new DomainError('invalid-input', `${source}: the database key must be 64 hexadecimal digits (or 32 bytes in a key file); it holds ${bytes.length} bytes that are neither`);
}

function readKeyFile(path: string): Buffer {
  try {
    return parseKey(readFileSync(path), path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new DomainError('invalid-input', `${KEY_FILE_ENV}: no key file at ${path}`);
    throw e;
  }
}

/** The key from the first source that has one (see resolveDatabaseKey), or null: never makes one. */
export function findDatabaseKey(dbFile: string, given?: Buffer, env: NodeJS.ProcessEnv = process.env): DatabaseKey | null {
  if (given) return { key: parseKey(given, 'the key given by the app'), source: 'the key given by the app' };
  const fromEnv = env[KEY_ENV];
  if (fromEnv) return { key: parseKey(Buffer.from(fromEnv), KEY_ENV), source: KEY_ENV };
  const named = env[KEY_FILE_ENV];
  if (named) return { key: readKeyFile(named), source: named };
  const found = findKeyFile(dbFile, 'db-key');
  return found ? { key: readKeyFile(found.path), source: found.path } : null;
}

/** A file that is there and not empty: SQLite treats an empty file as a new database. */
function holdsData(file: string): boolean {
  return existsSync(file) && statSync(file).size > 0;
}

/**
 * The key of a database file, in this order: given by the caller (the desktop app, from the OS
 * key store); the environment variable; the key file the environment names; the key file in the
 * per-user keys folder, named by the database's id; the key file beside the database (where keys
 * were kept before issue 16). A new database gets a new random key in the per-user folder; a
 * database that holds data but whose key cannot be found is refused, never given a new key (that
 * would lock its data away for good). An unencrypted database is the caller's to refuse
 * (db/connection.ts) before it asks for a key.
 */
export function resolveDatabaseKey(dbFile: string, given?: Buffer, env: NodeJS.ProcessEnv = process.env): DatabaseKey {
  const found = findDatabaseKey(dbFile, given, env);
  if (found) return found;
  if (holdsData(dbFile)) {
    throw new DomainError(
      'io',
      `${dbFile} is encrypted and its key is not ${whereLooked(dbFile)}: put the key file back (from where you keep it safe), or name it with ${KEY_FILE_ENV}, or give the key in ${KEY_ENV}`,
    );
  }
  return makeDatabaseKey(dbFile);
}

/** A new random key for a database that has none, written (0600) where databaseKeyPath says. */
export function makeDatabaseKey(dbFile: string): DatabaseKey {
  const path = databaseKeyPath(dbFile);
  const key = randomBytes(DATABASE_KEY_BYTES);
  try {
    writeNewSecretFile(path, Buffer.from(`${key.toString('hex')}\n`));
    return { key, source: path };
  } catch (e) {
    // Another process made the key a moment ago: use that one.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { key: readKeyFile(path), source: path };
    throw e;
  }
}
