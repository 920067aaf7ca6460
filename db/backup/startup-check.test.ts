import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/cli.js';
import { minimalExtract, tempDir, writeExtract } from '../testing/extract.js';
import { openService } from '../service/open.js';
import { damageTablePage } from './testing/damage.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function databaseWithData(): Promise<string> {
  const file = join(tempDir('spo-health-'), 'oversight.db');
  const service = openService(file);
  const r = await service.call('import:commit', { paths: [writeExtract(minimalExtract())], skipInvalid: false });
  expect(r.ok).toBe(true);
  service.close();
  return file;
}

const review = { crn: 'X000001', type: 'management-oversight', date: '2026-11-20', spo: { name: 'Sam SPO' }, decision: 'Continue as planned.' } as const;

describe('start-up check', () => {
  it('opens a healthy database read-write after a quick_check', async () => {
    const service = openService(await databaseWithData());
    expect(service.health).toMatchObject({ ok: true, problems: [], readOnly: false });
    expect((await service.call('reviews:record', review)).ok).toBe(true);
    service.close();
  });

  it('opens a database with a damaged page read-only: nothing is written, and writes say to restore a backup', async () => {
    const file = await databaseWithData();
    damageTablePage(file, 'reviews');
    const before = sha(file);

    const service = openService(file);
    expect(service.health.ok).toBe(false);
    expect(service.health.readOnly).toBe(true);
    expect(service.health.problems.length).toBeGreaterThan(0);
    const write = await service.call('reviews:record', review);
    expect(write).toEqual({ ok: false, error: { code: 'io', message: expect.stringMatching(/is damaged \(Tree \d+ page \d+: unable to get the page.*\)\. It is open read-only.*spo-oversight restore BACKUP --db/) as string } });
    const imported = await service.call('import:commit', { paths: [writeExtract(minimalExtract())], skipInvalid: false });
    expect(imported.ok).toBe(false);
    // A logged read cannot log, so it is refused the same way; a read that logs nothing still answers.
    expect(await service.call('flags:queue', {})).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(await service.call('caseload:summary', {})).toMatchObject({ ok: true, value: { casesInCaseload: 2 } });
    service.close();
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not a database at all, saying what to do', async () => {
    const file = join(tempDir('spo-health-'), 'oversight.db');
    writeFileSync(file, Buffer.alloc(8192, 0x5a));
    // Without its key nothing can tell an encrypted database from noise: the message says both.
    expect(() => openService(file)).toThrow(/is encrypted and its key is not in .*spo-oversight.keys \(.*oversight\.db has no id file/);
    writeFileSync(`${file}.db-key`, `${'ab'.repeat(32)}\n`);
    expect(() => openService(file)).toThrow(/does not open with the key from .*db-key: either that is not this database's key, or the file is damaged.*spo-oversight restore BACKUP/);
    const cli = await runCli(['flags', '--db', file]);
    expect(cli.code).toBe(2);
    expect(cli.err).toMatch(/damaged.*restore/);
  });
});
