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
 * The ciphers a database may be under, newest first: a new database gets the first. AEGIS-256
 * (SQLite3 Multiple Ciphers, AES-NI where the processor has it) with the key given raw: it reads and
 * writes pages about three times quicker than ChaCha20 (a checkpoint of 108 MiB 194 ms against
 * 632 ms on the bench machine), and with no key derivation a connection is keyed in under a
 * millisecond rather than about 35 ms of PBKDF2. Databases made before issue 18 are under
 * ChaCha20-Poly1305 with the key as a hex passphrase, and stay so: their connections (and the
 * staging files and backups those make) are keyed that way. Both carry an authentication tag on
 * every page, so a changed byte is an error, never wrong data.
 */
const ciphers = [
  (hex: string) => [`cipher = 'aegis'`, `key = 'raw:${hex}'`],
  (hex: string) => [`cipher = 'chacha20'`, `hexkey = '${hex}'`],
] as const;

/** The pragmas that make a plaintext connection encrypt under the newest cipher on `rekey`. */
export function rekeyPragmas(key: DatabaseKey): string[] {
  return [`cipher = 'aegis'`, `rekey = 'raw:${key.key.toString('hex')}'`];
}

function opens(db: Connection): boolean {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return true;
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_NOTADB') throw e;
    return false;
  }
}

/**
 * Keys a fresh connection under whichever cipher its file is in (see `ciphers`) and proves the key
 * by reading the schema. The key goes in as hex and never appears in a message.
 */
export function applyKey(db: Connection, key: DatabaseKey, file: string): void {
  const hex = key.key.toString('hex');
  for (const pragmas of ciphers) {
    for (const p of pragmas(hex)) db.pragma(p);
    if (opens(db)) return;
  }
  throw new DomainError(
    'io',
    `${file} does not open with the key from ${key.source}: either that is not this database's key, or the file is damaged or is not an SPO Oversight database. ` +
      `If the key is the right one, restore the latest backup: spo-oversight restore BACKUP --db "${file}"`,
  );
}
