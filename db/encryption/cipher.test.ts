import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection.js';
import { runImport } from '../import/run-import.js';
import { keyFilePath } from '../keys/paths.js';
import { openService } from '../service/open.js';
import { runCli } from '../testing/cli.js';
import { minimalExtract, tempDir, writeExtract } from '../testing/extract.js';
import { plainDatabase } from '../testing/plain-database.js';
import { isPlainSqlite } from './cipher.js';

describe('a database written before encryption', () => {
  it('is refused on open with one line naming spo-oversight encrypt, and left exactly as it was', async () => {
    const file = plainDatabase();
    const before = readFileSync(file);
    expect(isPlainSqlite(file)).toBe(true);
    expect(() => openDatabase(file)).toThrow(/oversight\.db was written before the app encrypted its data and is not opened unencrypted: encrypt it once with: spo-oversight encrypt --db ".*oversight\.db"$/);
    expect(() => openService(file)).toThrow(/spo-oversight encrypt --db/);
    const cli = await runCli(['flags', '--db', file]);
    expect(cli.code).toBe(2);
    expect(cli.err.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('is refused even read-only once a key exists for it: an unencrypted file in an encrypted one’s place is never accepted silently', () => {
    const file = join(tempDir('spo-cipher-'), 'oversight.db');
    openDatabase(file).close();
    const keyFile = keyFilePath(file, 'db-key');
    writeFileSync(file, '');
    plainDatabase(file);
    for (const readonly of [false, true]) {
      expect(() => openDatabase(file, { readonly })).toThrow(new RegExp(`is not encrypted, yet a key for it exists \\(${keyFile.replaceAll(/[.\\/]/g, '\\$&')}\\): it is not opened.*spo-oversight encrypt --db`));
    }
    expect(() => openDatabase(file, { key: Buffer.alloc(32, 7) })).toThrow(/yet a key for it exists \(the key given by the app\)/);
  });

  it('is read as it is when damaged and opened read-only with no key anywhere (nothing is written to it)', () => {
    const file = plainDatabase();
    const db = openDatabase(file, { readonly: true });
    expect(db.prepare('SELECT note FROM notes').pluck().get()).toBe('Quokkafield');
    db.close();
    expect(isPlainSqlite(file)).toBe(true);
  });
});

describe('the cipher a database is under', () => {
  const key = Buffer.alloc(32, 9);
  const opensWith = (file: string, pragmas: string[]): boolean => {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      for (const p of pragmas) db.pragma(p);
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      return true;
    } catch {
      return false;
    } finally {
      db.close();
    }
  };

  it('is AEGIS-256 with the key given raw for a new database, and ChaCha20 does not open it', () => {
    const file = join(tempDir('spo-cipher-'), 'oversight.db');
    openDatabase(file, { key }).close();
    expect(opensWith(file, [`cipher = 'aegis'`, `key = 'raw:${key.toString('hex')}'`])).toBe(true);
    expect(opensWith(file, [`cipher = 'chacha20'`, `hexkey = '${key.toString('hex')}'`])).toBe(false);
  });

  it('stays ChaCha20 for a database made before issue 18: it opens with its key, takes an import (staged under the same cipher) and keeps its data', async () => {
    const file = join(tempDir('spo-cipher-'), 'oversight.db');
    const old = new Database(file);
    old.pragma(`hexkey = '${key.toString('hex')}'`);
    old.exec(`CREATE TABLE notes (note TEXT); INSERT INTO notes VALUES ('Quokkafield')`);
    old.close();
    const db = openDatabase(file, { key });
    expect(db.prepare('SELECT note FROM notes').pluck().get()).toBe('Quokkafield');
    const report = await runImport(db, { paths: [writeExtract(minimalExtract())], skipInvalid: false, commit: true, osUser: 'test', now: () => new Date('2026-11-23T09:00:00Z') });
    expect(report.committed).toBe(true);
    db.close();
    expect(opensWith(file, [`cipher = 'chacha20'`, `hexkey = '${key.toString('hex')}'`])).toBe(true);
    expect(opensWith(file, [`cipher = 'aegis'`, `key = 'raw:${key.toString('hex')}'`])).toBe(false);
    const again = openDatabase(file, { key });
    expect(again.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(report.cases.new);
    again.close();
  });

  it('refuses the wrong key under either cipher with the one message naming restore', () => {
    const dir = tempDir('spo-cipher-');
    const made = join(dir, 'new.db');
    openDatabase(made, { key }).close();
    const old = join(dir, 'old.db');
    const o = new Database(old);
    o.pragma(`hexkey = '${key.toString('hex')}'`);
    o.exec('CREATE TABLE t (x)');
    o.close();
    for (const file of [made, old]) {
      expect(() => openDatabase(file, { key: Buffer.alloc(32, 8) })).toThrow(/does not open with the key from the key given by the app: .*spo-oversight restore BACKUP/);
    }
  });
});
