import { closeSync, existsSync, fsyncSync, openSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { applyKey, isPlainSqlite } from '../encryption/cipher.js';
import { DomainError } from '../errors.js';
import { writeNewSecretFile } from '../secret-file.js';
import { ensureDatabaseId, ensureKeysFolder, KEY_KINDS, keyFileOfId, keysFolder, legacyKeyFilePath, readDatabaseId, type KeyKind } from './paths.js';

export interface MovedKey {
  kind: KeyKind;
  from: string;
  to: string;
}

export interface MigrateResult {
  file: string;
  /** Null when nothing was beside it and it has no id yet (its keys come from elsewhere). */
  id: string | null;
  folder: string;
  moved: MovedKey[];
}

function syncDir(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A moved database key must still open the database before the old copy goes: otherwise it is not this database's key. */
function proveDatabaseKey(file: string, keyFile: string): void {
  if (isPlainSqlite(file)) return;
  const text = readFileSync(keyFile);
  const hex = text.toString('latin1').trim();
  const key = text.length === 32 ? text : Buffer.from(hex, 'hex');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, { key, source: keyFile }, file);
  } finally {
    db.close();
  }
}

/**
 * Moves a database's keys from beside it (where they were kept before issue 16) to the per-user
 * keys folder, under the database's id (made now if it has none). Safe to stop at any point: each
 * key is written whole to its new place and read back, the database key is proved against the
 * database, the folder is synced, and only then are the old files removed. A key already in the
 * new place with the same bytes just loses its old copy; one with different bytes is refused,
 * because one of the two would be lost.
 */
export function migrateKeys(dbFile: string): MigrateResult {
  const file = resolve(dbFile);
  if (!existsSync(file)) throw new DomainError('invalid-input', `no database at ${file}`);
  const beside = KEY_KINDS.filter((kind) => existsSync(legacyKeyFilePath(file, kind)));
  if (beside.length === 0) return { file, id: readDatabaseId(file), folder: keysFolder(), moved: [] };
  const folder = ensureKeysFolder();
  const id = ensureDatabaseId(file);
  const moves: MovedKey[] = beside.map((kind) => ({ kind, from: legacyKeyFilePath(file, kind), to: keyFileOfId(id, kind) }));
  for (const { from, to } of moves) {
    const bytes = readFileSync(from);
    if (existsSync(to)) {
      if (!readFileSync(to).equals(bytes)) throw new DomainError('conflict', `${to} already holds a different key than ${from}: nothing was moved; keep both files and ask IT which one opens ${file}`);
      continue;
    }
    writeNewSecretFile(to, bytes);
    if (!readFileSync(to).equals(bytes)) throw new DomainError('io', `${to} did not read back as written: nothing was removed from beside ${file}`);
  }
  const dbKey = moves.find((m) => m.kind === 'db-key');
  try {
    if (dbKey) proveDatabaseKey(file, dbKey.to);
  } catch (e) {
    throw new DomainError('io', `${dbKey?.from ?? ''} does not open ${file}, so nothing was removed from beside it (${(e as Error).message})`);
  }
  syncDir(folder);
  for (const { from } of moves) rmSync(from);
  syncDir(dirname(file));
  return { file, id, folder, moved: moves };
}
