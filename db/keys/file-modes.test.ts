import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection.js';
import { runImport } from '../import/run-import.js';
import { openService } from '../service/open.js';
import { runCli } from '../testing/cli.js';
import { minimalExtract, tempDir, writeExtract } from '../testing/extract.js';
import { databaseIdFile, findKeyFile, legacyKeyFilePath } from './paths.js';

const mode = (file: string) => statSync(file).mode & 0o777;

describe.skipIf(process.platform === 'win32')('files the app creates', () => {
  it('are readable by their owner only (0600): the database, its keys and id, the staging file, a backup and its audit key, an export', async () => {
    // With the usual umask, a file created without a mode is 0644: readable by every local account.
    const previous = process.umask(0o022);
    try {
      const dir = tempDir('spo-modes-');
      const file = join(dir, 'oversight.db');
      const db = openDatabase(file);
      let stagingMode: number | null = null;
      const report = await runImport(db, {
        paths: [writeExtract(minimalExtract())],
        skipInvalid: false,
        commit: true,
        osUser: 'spo-test',
        now: () => new Date(),
        limits: { stageInMemoryBytes: 0 },
        onProgress: (p) => {
          if (p.phase === 'committing' && stagingMode === null) stagingMode = mode(`${file}.staging`);
        },
      });
      db.close();
      expect(report.committed).toBe(true);
      expect(stagingMode).toBe(0o600);
      const service = openService(file);
      expect((await service.call('reviews:record', { crn: 'X000001', type: 'management-oversight', date: '2026-11-20', spo: { name: 'Sam SPO' }, decision: 'Continue.' })).ok).toBe(true);
      // SQLite gives the -wal its database's mode.
      expect(mode(`${file}-wal`)).toBe(0o600);
      service.close();

      const backup = join(dir, 'backup.db');
      expect((await runCli(['backup', '--out', backup, '--db', file])).code).toBe(0);
      const exported = join(dir, 'log.csv');
      expect((await runCli(['export', '--out', exported, '--format', 'csv', '--db', file])).code).toBe(0);

      const keys = (['db-key', 'audit-key'] as const).map((kind) => findKeyFile(file, kind)?.path ?? `no ${kind}`);
      const files = [file, databaseIdFile(file), ...keys, backup, legacyKeyFilePath(backup, 'audit-key'), databaseIdFile(backup), exported];
      expect(Object.fromEntries(files.map((f) => [f, mode(f).toString(8)]))).toEqual(Object.fromEntries(files.map((f) => [f, '600'])));
    } finally {
      process.umask(previous);
    }
  });
});
