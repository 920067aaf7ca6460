import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openService } from '../service/open.js';
import { runCli } from '../testing/cli.js';
import { minimalExtract, tempDir, writeExtract } from '../testing/extract.js';
import { databaseIdFile, findKeyFile, keyFileOfId, KEY_KINDS, legacyKeyFilePath, readDatabaseId } from './paths.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A database as issue 8 made them: its db-key, audit-key (and a signing key) beside it, no id. */
async function databaseWithKeysBeside(): Promise<{ file: string; keys: Record<string, Buffer> }> {
  const file = join(tempDir('spo-migrate-'), 'oversight.db');
  const service = openService(file);
  // An audited write: the audit key is made with the log's first entry.
  expect((await service.call('import:commit', { paths: [writeExtract(minimalExtract())], skipInvalid: false })).ok).toBe(true);
  service.close();
  const id = readDatabaseId(file) ?? '';
  writeFileSync(keyFileOfId(id, 'signing-key'), 'a signing key', { mode: 0o600 });
  const keys: Record<string, Buffer> = {};
  for (const kind of KEY_KINDS) {
    renameSync(keyFileOfId(id, kind), legacyKeyFilePath(file, kind));
    keys[kind] = readFileSync(legacyKeyFilePath(file, kind));
  }
  renameSync(databaseIdFile(file), `${file}.old-id`);
  return { file, keys };
}

describe('spo-oversight keys migrate', () => {
  it('moves the db-key, audit-key and signing-key from beside the database to the per-user folder, and it then opens without a warning', async () => {
    const { file, keys } = await databaseWithKeysBeside();
    const warn = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const cli = await runCli(['keys', 'migrate', '--db', file]);
    expect(cli).toMatchObject({ code: 0, err: '' });
    expect(cli.out).toMatch(/^Moved the keys of .*oversight\.db\n {2}db-key: .*oversight\.db\.db-key\n {4}to .*[0-9a-f]{32}\.db-key\n/);
    const id = readDatabaseId(file) ?? '';
    for (const kind of KEY_KINDS) {
      expect(existsSync(legacyKeyFilePath(file, kind))).toBe(false);
      expect(readFileSync(keyFileOfId(id, kind)).equals(keys[kind] ?? Buffer.alloc(0))).toBe(true);
    }
    expect((await runCli(['audit', 'verify', '--db', file])).code).toBe(0);
    expect(warn).not.toHaveBeenCalled();
  });

  it('moves nothing and says so when no keys are beside the database', async () => {
    const file = join(tempDir('spo-migrate-'), 'oversight.db');
    openService(file).close();
    const cli = await runCli(['keys', 'migrate', '--db', file]);
    expect(cli).toMatchObject({ code: 0, err: '' });
    expect(cli.out).toMatch(/^No keys beside .*oversight\.db: nothing to move/);
  });

  it('refuses, moving and removing nothing, when a different key is already in the new place', async () => {
    const { file, keys } = await databaseWithKeysBeside();
    renameSync(`${file}.old-id`, databaseIdFile(file));
    writeFileSync(keyFileOfId(readDatabaseId(file) ?? '', 'audit-key'), 'another key');
    const cli = await runCli(['keys', 'migrate', '--db', file]);
    expect(cli.code).toBe(2);
    expect(cli.err).toMatch(/^spo-oversight keys: .*\.audit-key already holds a different key than .*oversight\.db\.audit-key: nothing was moved/);
    for (const kind of KEY_KINDS) expect(readFileSync(legacyKeyFilePath(file, kind)).equals(keys[kind] ?? Buffer.alloc(0))).toBe(true);
  });

  it('refuses, removing nothing, when the key beside the database does not open it', async () => {
    const { file } = await databaseWithKeysBeside();
    writeFileSync(legacyKeyFilePath(file, 'db-key'), `${'ab'.repeat(32)}\n`);
    const cli = await runCli(['keys', 'migrate', '--db', file]);
    expect(cli.code).toBe(2);
    expect(cli.err).toMatch(/oversight\.db\.db-key does not open .*oversight\.db, so nothing was removed from beside it/);
    for (const kind of KEY_KINDS) expect(existsSync(legacyKeyFilePath(file, kind))).toBe(true);
    expect(findKeyFile(file, 'audit-key', { warn: false })?.legacy).toBe(false);
  });

  it('answers bad usage in one line', async () => {
    expect(await runCli(['keys', '--db', 'x.db'])).toMatchObject({ code: 2, err: 'spo-oversight keys: keys needs a subcommand: keys show, or keys migrate --db FILE\n' });
  });
});
