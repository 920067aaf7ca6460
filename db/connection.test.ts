import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, PAGE_SIZE } from './connection.js';
import { createStaging, dropStaging, STAGE } from './import/staging.js';
import { tempDir } from './testing/extract.js';

describe('opening the database', () => {
  it('gives a new database, and an import staging file beside it, 16 KiB pages', () => {
    const file = join(tempDir('spo-connection-'), 'oversight.db');
    const db = openDatabase(file);
    expect(db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    createStaging(db, true);
    db.exec(`CREATE TABLE ${STAGE}.probe (x)`);
    expect(db.pragma(`${STAGE}.page_size`, { simple: true })).toBe(PAGE_SIZE);
    dropStaging(db);
    db.close();
    const again = openDatabase(file);
    expect(again.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    again.close();
  });

  it('keeps the page size of a database made before, and opens it with its data', () => {
    const file = join(tempDir('spo-connection-'), 'oversight.db');
    const key = Buffer.alloc(32, 5);
    const old = new Database(file);
    old.pragma(`hexkey = '${key.toString('hex')}'`);
    old.pragma('page_size = 4096');
    old.exec(`CREATE TABLE notes (note TEXT); INSERT INTO notes VALUES ('Quokkafield')`);
    old.close();
    const db = openDatabase(file, { key });
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(db.prepare('SELECT note FROM notes').pluck().get()).toBe('Quokkafield');
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    db.close();
  });
});
