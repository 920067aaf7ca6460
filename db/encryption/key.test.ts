import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/extract.js';
import { databaseIdFile, keysFolder } from '../keys/paths.js';
import { databaseKeyPath, findDatabaseKey, KEY_ENV, KEY_FILE_ENV, resolveDatabaseKey } from './key.js';

const hex = randomBytes(32).toString('hex');

describe('the database key', () => {
  it('is made for a new database: 32 random bytes, as hex in a file in the per-user keys folder that only its owner can read', () => {
    const file = join(tempDir('spo-key-'), 'oversight.db');
    const made = resolveDatabaseKey(file, undefined, {});
    expect(made.key).toHaveLength(32);
    expect(made.source).toBe(databaseKeyPath(file));
    expect(made.source.startsWith(keysFolder())).toBe(true);
    expect(readFileSync(databaseKeyPath(file), 'utf8')).toBe(`${made.key.toString('hex')}\n`);
    if (process.platform !== 'win32') expect(statSync(databaseKeyPath(file)).mode & 0o077).toBe(0);
    expect(resolveDatabaseKey(file, undefined, {}).key).toEqual(made.key);
    expect(resolveDatabaseKey(join(tempDir('spo-key-'), 'other.db'), undefined, {}).key).not.toEqual(made.key);
  });

  it('comes first from the app, then the environment variable, then the key file the environment names', () => {
    const file = join(tempDir('spo-key-'), 'oversight.db');
    const keyFile = join(tempDir('spo-key-'), 'secret.key');
    const raw = randomBytes(32);
    writeFileSync(keyFile, raw);
    const given = randomBytes(32);
    expect(findDatabaseKey(file, given, { [KEY_ENV]: hex })).toEqual({ key: given, source: 'the key given by the app' });
    expect(findDatabaseKey(file, undefined, { [KEY_ENV]: hex, [KEY_FILE_ENV]: keyFile })).toEqual({ key: Buffer.from(hex, 'hex'), source: KEY_ENV });
    expect(findDatabaseKey(file, undefined, { [KEY_FILE_ENV]: keyFile })).toEqual({ key: raw, source: keyFile });
    expect(findDatabaseKey(file, undefined, {})).toBeNull();
  });

  it('refuses a key that is not 256 bits, naming where it came from and never showing it', () => {
    const file = join(tempDir('spo-key-'), 'oversight.db');
    expect(() => resolveDatabaseKey(file, undefined, { [KEY_ENV]: 'abc123' })).toThrow(/SPO_OVERSIGHT_DB_KEY: the database key must be 64 hexadecimal digits/);
    const short = join(tempDir('spo-key-'), 'short.key');
    writeFileSync(short, 'secret-passphrase');
    expect(() => resolveDatabaseKey(file, undefined, { [KEY_FILE_ENV]: short })).toThrow(/short\.key: the database key must be 64 hexadecimal digits/);
    expect(() => resolveDatabaseKey(file, undefined, { [KEY_FILE_ENV]: short })).not.toThrow(/secret-passphrase/);
    expect(() => resolveDatabaseKey(file, undefined, { [KEY_FILE_ENV]: join(tempDir(), 'none.key') })).toThrow(/SPO_OVERSIGHT_DB_KEY_FILE: no key file at .*none\.key/);
  });

  it('is never made anew for a database that holds data: its data would be locked away for good', () => {
    const file = join(tempDir('spo-key-'), 'oversight.db');
    writeFileSync(file, randomBytes(8192));
    expect(() => resolveDatabaseKey(file, undefined, {})).toThrow(/is encrypted and its key is not in .*keys \(.*oversight\.db has no id file, .*oversight\.db\.id, to name it: was the database moved without it\?\) nor beside it/);
    writeFileSync(databaseIdFile(file), `${'0f'.repeat(16)}\n`);
    expect(() => resolveDatabaseKey(file, undefined, {})).toThrow(new RegExp(`is encrypted and its key is not at .*${'0f'.repeat(16)}\\.db-key`));
  });
});
