import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection.js';
import { tempDir } from '../testing/extract.js';
import { isPlainSqlite } from './cipher.js';

describe('a database written before encryption', () => {
  it('is encrypted in place on first open, and keeps every row', () => {
    const file = join(tempDir('spo-cipher-'), 'oversight.db');
    const plain = new Database(file);
    plain.pragma('journal_mode = WAL');
    plain.exec('CREATE TABLE notes (crn TEXT, note TEXT)');
    plain.prepare('INSERT INTO notes VALUES (?, ?)').run('Q987654', 'Quokkafield');
    expect(isPlainSqlite(file)).toBe(true);
    plain.close();

    const db = openDatabase(file, { migrate: false });
    expect(db.prepare('SELECT crn, note FROM notes').all()).toEqual([{ crn: 'Q987654', note: 'Quokkafield' }]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(isPlainSqlite(file)).toBe(false);
    expect(readFileSync(file).includes('Quokkafield')).toBe(false);
    expect(existsSync(`${file}.db-key`)).toBe(true);
  });
});
