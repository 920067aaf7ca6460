import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { openDatabase } from '../../connection.js';

/**
 * For tests: overwrites the b-tree page header of a table's root page in a closed database file
 * (its WAL checkpointed into it), as a bad sector or a stray write would. The file is encrypted,
 * so the change fails the page's authentication tag: SQLite reports the page as damaged.
 */
export function damageTablePage(file: string, table: string, key?: Buffer): void {
  const db = openDatabase(file, { readonly: true, ...(key ? { key } : {}) });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(table) as number;
  db.close();
  const fd = openSync(file, 'r+');
  try {
    const at = (root - 1) * pageSize;
    const header = Buffer.alloc(12);
    readSync(fd, header, 0, 12, at);
    for (let i = 0; i < header.length; i++) header[i] = (header[i] ?? 0) ^ 0xa5;
    writeSync(fd, header, 0, 12, at);
  } finally {
    closeSync(fd);
  }
}
