import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection.js';
import { keyFilePath } from '../keys/paths.js';
import { openService } from '../service/open.js';
import { runCli } from '../testing/cli.js';
import { tempDir } from '../testing/extract.js';
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
