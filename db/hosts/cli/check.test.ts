import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { damageTablePage } from '../../backup/testing/damage.js';
import { runCli } from '../../testing/cli.js';
import { minimalExtract, tempDir, writeExtract } from '../../testing/extract.js';
import { openService, type OpenedService, type StartupHealth } from '../../service/open.js';

async function databaseWithData(): Promise<string> {
  const file = join(tempDir('spo-cli-check-'), 'oversight.db');
  const service = openService(file);
  expect((await service.call('import:commit', { paths: [writeExtract(minimalExtract())], skipInvalid: false })).ok).toBe(true);
  service.close();
  return file;
}

/** openService as the CLI calls it, remembering how each service was opened and whether it was checked later. */
function spyOpen(): { open: typeof openService; opened: { options: Parameters<typeof openService>[1]; health: StartupHealth; laterChecks: number }[] } {
  const opened: { options: Parameters<typeof openService>[1]; health: StartupHealth; laterChecks: number }[] = [];
  const open: typeof openService = (file, options) => {
    const service: OpenedService = openService(file, options);
    const record = { options, health: service.health, laterChecks: 0 };
    opened.push(record);
    return {
      ...service,
      health: service.health,
      checked: service.checked,
      checkNow: () => {
        record.laterChecks++;
        return service.checkNow();
      },
    };
  };
  return { open, opened };
}

describe('when the CLI checks the database', () => {
  it('opens it without the check for an ordinary command', async () => {
    const file = await databaseWithData();
    const spy = spyOpen();
    const r = await runCli(['settings', 'get', '--db', file], {}, spy.open);
    expect(r.code).toBe(0);
    expect(spy.opened).toMatchObject([{ options: { startupCheck: 'skip' }, health: { state: 'not-run' }, laterChecks: 0 }]);
    expect(r.err).toBe('');
  });

  it('checks it first after an unclean shutdown: a -wal left beside it', async () => {
    const file = await databaseWithData();
    // What a process killed with the database open leaves: SQLite removes it on a clean close.
    writeFileSync(`${file}-wal`, '', { mode: 0o600 });
    const spy = spyOpen();
    const r = await runCli(['settings', 'get', '--db', file], {}, spy.open);
    expect(r.code).toBe(0);
    expect(spy.opened).toMatchObject([{ options: { startupCheck: 'now' }, health: { state: 'passed', ok: true } }]);
    expect(r.err).toMatch(/checking .*oversight\.db first \(quick_check\), since it was not closed cleanly last time.*oversight\.db-wal is beside it/);
    // The clean close removed it: the next command is not checked.
    expect(existsSync(`${file}-wal`)).toBe(false);
    await runCli(['settings', 'get', '--db', file], {}, spy.open);
    expect(spy.opened[1]).toMatchObject({ options: { startupCheck: 'skip' } });
  });

  it('after an unclean shutdown of a damaged database, opens it read-only and refuses writes with the restore message', async () => {
    const file = await databaseWithData();
    damageTablePage(file, 'reviews');
    writeFileSync(`${file}-wal`, '', { mode: 0o600 });
    const r = await runCli(['settings', 'set', 'dueSoonDays', '10', '--reason', 'test', '--db', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is damaged .*spo-oversight restore BACKUP/);
  });

  it('checks it after an import commits, and not after a dry run', async () => {
    const file = join(tempDir('spo-cli-check-'), 'empty.db');
    openService(file).close();
    const spy = spyOpen();
    const extract = writeExtract(minimalExtract());
    const dry = await runCli(['import', extract, '--db', file], {}, spy.open);
    expect(dry.code).toBe(0);
    expect(spy.opened[0]?.laterChecks).toBe(0);
    const commit = await runCli(['import', extract, '--commit', '--db', file], {}, spy.open);
    expect(commit.code).toBe(0);
    expect(spy.opened[1]?.laterChecks).toBe(1);
    expect(commit.err).toMatch(/the database is whole after the import \(quick_check ok/);
  });

  it('checks it before a backup, and makes none of a damaged database', async () => {
    const file = await databaseWithData();
    const out = join(tempDir('spo-cli-check-out-'), 'backup.db');
    const ok = await runCli(['backup', '--out', out, '--db', file]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/checked first: quick_check ok/);

    damageTablePage(file, 'reviews');
    const out2 = join(tempDir('spo-cli-check-out-'), 'backup.db');
    const damaged = await runCli(['backup', '--out', out2, '--db', file]);
    expect(damaged.code).toBe(2);
    expect(damaged.err).toMatch(/is damaged \(.*\), so no backup was made of it: restore the latest backup/);
    expect(existsSync(out2)).toBe(false);
  });

  it('checks it on demand: spo-oversight check says whole (0), damaged (1), or bad usage (2)', async () => {
    const file = await databaseWithData();
    const ok = await runCli(['check', '--db', file]);
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toMatch(/oversight\.db: quick_check ok \(\d+\.\d s\)/);
    const thorough = await runCli(['check', '--thorough', '--json', '--db', file]);
    expect(JSON.parse(thorough.out)).toMatchObject({ check: 'integrity_check', ok: true, problems: [] });

    damageTablePage(file, 'reviews');
    const damaged = await runCli(['check', '--db', file]);
    expect(damaged.code).toBe(1);
    expect(damaged.out).toMatch(/quick_check failed: the database .* is damaged \(Tree \d+ page \d+.*\)\. Close the app and restore the latest backup/);

    expect((await runCli(['check', '--db', join(tempDir(), 'none.db')])).code).toBe(2);
    const bad = await runCli(['check', '--quick', '--db', file]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^spo-oversight check: /);
    expect((await runCli(['--help'])).out).toMatch(/check \[--thorough\] \[--json\]/);
  });
});
