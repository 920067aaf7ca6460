import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from './extract.js';

/** A database as the app wrote them before issue 8: plain SQLite, in WAL mode, with its -wal holding the row. */
export function plainDatabase(file = join(tempDir('spo-plain-'), 'oversight.db')): string {
  const plain = new Database(file);
  plain.pragma('journal_mode = WAL');
  plain.exec('CREATE TABLE notes (crn TEXT, note TEXT)');
  plain.prepare('INSERT INTO notes VALUES (?, ?)').run('Q987654', 'Quokkafield');
  plain.close();
  return file;
}
