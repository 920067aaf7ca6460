import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../connection.js';
import { openService } from '../service/open.js';
import { runCli } from '../testing/cli.js';
import { minimalExtract, tempDir, writeExtract } from '../testing/extract.js';
import { databaseIdFile, findKeyFile, keyFilePath, keysFolder, legacyKeyFilePath, readDatabaseId } from './paths.js';

const posix = process.platform !== 'win32';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('where a database’s keys are kept', () => {
  it('is XDG_CONFIG_HOME/spo-oversight/keys when that is set (absolute), else the platform’s per-user settings folder', () => {
    expect(keysFolder({ XDG_CONFIG_HOME: '/x/config' }, 'linux', '/home/sam')).toBe(join('/x/config', 'spo-oversight', 'keys'));
    expect(keysFolder({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/sam')).toBe(join('/home/sam', '.config', 'spo-oversight', 'keys'));
    expect(keysFolder({}, 'linux', '/home/sam')).toBe(join('/home/sam', '.config', 'spo-oversight', 'keys'));
    expect(keysFolder({}, 'darwin', '/Users/sam')).toBe(join('/Users/sam', 'Library', 'Application Support', 'spo-oversight', 'keys'));
    expect(keysFolder({ APPDATA: 'C:\\Users\\sam\\AppData\\Roaming' }, 'win32', 'C:\\Users\\sam')).toBe(join('C:\\Users\\sam\\AppData\\Roaming', 'spo-oversight', 'keys'));
  });

  it('is the per-user folder (0700) for a new database, its files 0600 and named by the random id in <db>.id, none beside the database', async () => {
    const dir = tempDir('spo-paths-');
    const file = join(dir, 'oversight.db');
    const service = openService(file);
    // An audited write: the audit key is made with the log's first entry.
  expect((await service.call('import:commit', { paths: [writeExtract(minimalExtract())], skipInvalid: false })).ok).toBe(true);
    service.close();
    const id = readDatabaseId(file);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(readFileSync(databaseIdFile(file), 'utf8')).toBe(`${id ?? ''}\n`);
    for (const kind of ['db-key', 'audit-key'] as const) {
      expect(findKeyFile(file, kind)).toEqual({ path: join(keysFolder(), `${id ?? ''}.${kind}`), legacy: false });
      if (posix) expect(statSync(join(keysFolder(), `${id ?? ''}.${kind}`)).mode & 0o777).toBe(0o600);
      expect(existsSync(legacyKeyFilePath(file, kind))).toBe(false);
    }
    if (posix) expect(statSync(keysFolder()).mode & 0o777).toBe(0o700);
    if (posix) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => !/-(wal|shm)$/.test(f)).sort()).toEqual(['oversight.db', 'oversight.db.id']);
  });

  it('finds them again when the database is moved to another folder (or renamed) with its id file', async () => {
    const file = join(tempDir('spo-paths-'), 'oversight.db');
    openDatabase(file).close();
    const moved = join(tempDir('spo-paths-moved-'), 'renamed.db');
    renameSync(file, moved);
    renameSync(databaseIdFile(file), databaseIdFile(moved));
    const db = openDatabase(moved);
    db.close();
    // Without its id file the key cannot be found, and the message says why.
    renameSync(databaseIdFile(moved), `${moved}.lost`);
    const cli = await runCli(['flags', '--db', moved]);
    expect(cli.code).toBe(2);
    expect(cli.err).toMatch(/renamed\.db is encrypted and its key is not in .* \(.*renamed\.db has no id file, .*renamed\.db\.id, to name it: was the database moved without it\?\) nor beside it/);
  });

  it('still opens a database whose keys are beside it (the place before), with a one-line warning naming keys migrate', async () => {
    const file = join(tempDir('spo-paths-'), 'oversight.db');
    const service = openService(file);
    expect((await service.call('import:commit', { paths: [writeExtract(minimalExtract())], skipInvalid: false })).ok).toBe(true);
    service.close();
    const id = readDatabaseId(file) ?? '';
    // As a database made before issue 16 has them: its keys beside it, and no id.
    for (const kind of ['db-key', 'audit-key'] as const) renameSync(join(keysFolder(), `${id}.${kind}`), legacyKeyFilePath(file, kind));
    renameSync(databaseIdFile(file), `${file}.old-id`);
    const warn = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect((await runCli(['flags', '--db', file])).code).toBe(0);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[spo-oversight\] warning: the keys of .*oversight\.db are still beside it, .*; move them to .*keys once with: spo-oversight keys migrate --db ".*oversight\.db"$/);
    expect(String(warn.mock.calls[0]?.[0])).not.toContain('\n');
    expect(keyFilePath(file, 'audit-key')).toBe(legacyKeyFilePath(file, 'audit-key'));
  });

  it('refuses a damaged id file, naming it', () => {
    const file = join(tempDir('spo-paths-'), 'oversight.db');
    writeFileSync(databaseIdFile(file), 'not an id');
    expect(() => openDatabase(file)).toThrow(/oversight\.db\.id is damaged: it should hold the database's id \(32 hexadecimal digits\)/);
  });

  it('keeps keys apart for two databases in one folder', () => {
    const dir = tempDir('spo-paths-');
    mkdirSync(join(dir, 'sub'));
    const a = join(dir, 'a.db');
    const b = join(dir, 'sub', 'b.db');
    openDatabase(a).close();
    openDatabase(b).close();
    expect(readDatabaseId(a)).not.toBe(readDatabaseId(b));
    expect(readFileSync(keyFilePath(a, 'db-key')).equals(readFileSync(keyFilePath(b, 'db-key')))).toBe(false);
  });
});
