import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openService } from '../service/open.js';
import { runCli } from '../testing/cli.js';
import { minimalExtract, tempDir, writeExtract } from '../testing/extract.js';
import { databaseIdFile, findKeyFile, legacyKeyFilePath, readDatabaseId } from './paths.js';

describe('the keys of a backup', () => {
  it('travel as the database’s id and its audit key beside the backup, never its database key', async () => {
    const file = join(tempDir('spo-backup-keys-'), 'oversight.db');
    const service = openService(file);
    expect((await service.call('import:commit', { paths: [writeExtract(minimalExtract())], skipInvalid: false })).ok).toBe(true);
    service.close();
    const backup = join(tempDir('spo-backup-keys-out-'), 'backup.db');
    const cli = await runCli(['backup', '--out', backup, '--db', file]);
    expect(cli.code).toBe(0);
    expect(cli.out).toContain(`audit key copied to ${legacyKeyFilePath(backup, 'audit-key')}`);
    expect(readDatabaseId(backup)).toBe(readDatabaseId(file));
    expect(existsSync(legacyKeyFilePath(backup, 'db-key'))).toBe(false);

    // Restored to a new file on the same computer: the id beside the backup names the key, and the new file takes it.
    const restored = join(tempDir('spo-backup-keys-new-'), 'restored.db');
    const r = await runCli(['restore', backup, '--db', restored]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(readFileSync(databaseIdFile(restored), 'utf8')).toBe(readFileSync(databaseIdFile(file), 'utf8'));
    expect(findKeyFile(restored, 'audit-key', { warn: false })?.legacy).toBe(false);
    expect((await runCli(['audit', 'verify', '--db', restored])).code).toBe(0);
  });
});
