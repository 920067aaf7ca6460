import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DomainError } from '../errors.js';
import type { DatabaseKey } from './key.js';

type Connection = Database.Database;

/** The first 16 bytes of an unencrypted SQLite file; an encrypted one starts with its random salt. */
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function isPlainSqlite(file: string): boolean {
  if (!existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Keys a fresh connection (SQLite3 Multiple Ciphers, its default ChaCha20-Poly1305 cipher: every
 * page carries an authentication tag, so a changed byte is an error, never wrong data) and proves
 * the key by reading the schema. The key goes in as hex and never appears in a message.
 */
export function applyKey(db: Connection, key: DatabaseKey, file: string): void {
  db.pragma(`hexkey = '${key.key.toString('hex')}'`);
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_NOTADB') throw e;
    throw new DomainError(
      'io',
      `${file} does not open with the key from ${key.source}: either that is not this database's key, or the file is damaged or is not an SPO Oversight database. ` +
        `If the key is the right one, restore the latest backup: spo-oversight restore BACKUP --db "${file}"`,
    );
  }
}
