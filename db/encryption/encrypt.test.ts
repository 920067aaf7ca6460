import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../audit/verify.js';
import { openDatabase } from '../connection.js';
import { keysFolder, readDatabaseId } from '../keys/paths.js';
import { openService } from '../service/open.js';
import { runCli } from '../testing/cli.js';
import { minimalExtract, writeExtract } from '../testing/extract.js';
import { plainDatabase } from '../testing/plain-database.js';
import { applyKey, isPlainSqlite } from './cipher.js';
import { findDatabaseKey } from './key.js';

describe('spo-oversight encrypt', () => {
  it('encrypts a database written before encryption: every row kept, unreadable without its key, 0600, its key in the per-user folder', async () => {
    const file = plainDatabase();
    const cli = await runCli(['encrypt', '--db', file]);
    expect(cli).toMatchObject({ code: 0, err: '' });
    expect(cli.out).toMatch(/^Encrypted .*oversight\.db\n {2}with the key in .*spo-oversight.keys.[0-9a-f]{32}\.db-key/);
    expect(isPlainSqlite(file)).toBe(false);
    expect(readFileSync(file).includes('Quokkafield')).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(findDatabaseKey(file, undefined, {})?.source).toBe(join(keysFolder(), `${readDatabaseId(file) ?? ''}.db-key`));
    const db = openDatabase(file, { migrate: false });
    expect(db.prepare('SELECT crn, note FROM notes').all()).toEqual([{ crn: 'Q987654', note: 'Quokkafield' }]);
    db.close();
    const raw = new Database(file, { readonly: true });
    expect(() => raw.prepare('SELECT * FROM notes').all()).toThrow(/file is not a database/);
    raw.close();
  });

  it('records the encryption in the audit log of an app database, and the chain still verifies', async () => {
    // An app database as it was before issue 8: made encrypted here, then decrypted back to plain SQLite.
    const file = plainDatabase();
    expect((await runCli(['encrypt', '--db', file])).code).toBe(0);
    const service = openService(file);
    expect((await service.call('import:commit', { paths: [writeExtract(minimalExtract())], skipInvalid: false })).ok).toBe(true);
    service.close();
    const key = findDatabaseKey(file, undefined, {});
    const db = new Database(file);
    if (key) applyKey(db, key, file);
    db.pragma('journal_mode = DELETE');
    db.pragma(`hexrekey = ''`);
    db.close();
    expect(isPlainSqlite(file)).toBe(true);

    const cli = await runCli(['encrypt', '--db', file, '--json']);
    expect(cli.code).toBe(0);
    const result = JSON.parse(cli.out) as { encrypted: boolean; auditEntry: number | null; keySource: string };
    expect(result).toMatchObject({ encrypted: true, keySource: key?.source });
    expect(result.auditEntry).toBeGreaterThan(1);
    const opened = openDatabase(file);
    const entry = opened.prepare('SELECT op, operation, details_json FROM audit_log ORDER BY id DESC LIMIT 1').get() as { op: string; operation: string; details_json: string };
    expect(entry).toMatchObject({ op: 'encrypt', operation: 'alteration' });
    expect(JSON.parse(entry.details_json)).toMatchObject({ file });
    expect(verifyChain(opened).intact).toBe(true);
    opened.close();
  });

  it('says so and changes nothing when the database is already encrypted', async () => {
    const file = plainDatabase();
    expect((await runCli(['encrypt', '--db', file])).code).toBe(0);
    const before = readFileSync(file);
    const again = await runCli(['encrypt', '--db', file]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/is already encrypted \(its key: .*\.db-key\): nothing to do/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses while another program has the database open, and leaves it as it was', async () => {
    const file = plainDatabase();
    const other = new Database(file);
    other.pragma('journal_mode = WAL');
    other.prepare('INSERT INTO notes VALUES (?, ?)').run('Q000002', 'still plain');
    try {
      const cli = await runCli(['encrypt', '--db', file]);
      expect(cli.code).toBe(2);
      expect(cli.err).toMatch(/^spo-oversight encrypt: .*oversight\.db is open in another program \(the app, or another command\): close it, then encrypt\n$/);
    } finally {
      other.close();
    }
    expect(isPlainSqlite(file)).toBe(true);
  });

  it('refuses a file that is not there, or empty, in one line naming it', async () => {
    const file = `${plainDatabase()}.missing`;
    expect(await runCli(['encrypt', '--db', file])).toMatchObject({ code: 2, err: expect.stringMatching(/^spo-oversight encrypt: no database at .*\.missing\n$/) as unknown });
    writeFileSync(file, '');
    expect(await runCli(['encrypt', '--db', file])).toMatchObject({ code: 2, err: expect.stringMatching(/^spo-oversight encrypt: .*\.missing is empty: there is nothing to encrypt/) as unknown });
  });
});
