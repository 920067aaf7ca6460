import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestVersion, migrate, schemaVersion } from './index.js';

function blank() {
  return new Database(':memory:');
}

describe('migrations', () => {
  it('bring an empty database to the latest version', () => {
    const db = blank();
    migrate(db);
    expect(schemaVersion(db)).toBe(latestVersion);
  });

  it('refuse a database written by a newer app and leave it untouched', () => {
    const db = blank();
    db.pragma(`user_version = ${latestVersion + 1}`);
    expect(() => { migrate(db); }).toThrow(/newer version of SPO Oversight/);
    expect(schemaVersion(db)).toBe(latestVersion + 1);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get()).toEqual({ n: 0 });
  });

  it('roll back every step when one fails, keeping the old version', () => {
    const db = blank();
    db.exec('CREATE TABLE cases (x TEXT)'); // collides with migration 1
    expect(() => { migrate(db); }).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE name = 'import_log'`).get()).toBeUndefined();
  });
});
