import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection.js';
import { applyKey } from '../encryption/cipher.js';
import { databaseKeyPath } from '../encryption/key.js';
import { findKeyFile, legacyKeyFilePath } from '../keys/paths.js';
import { openService } from '../service/open.js';
import { runCli } from '../testing/cli.js';
import { checksum, minimalExtract, tempDir, writeExtract } from '../testing/extract.js';
import { damageTablePage } from './testing/damage.js';

const review = (decision: string) => ({ crn: 'X000001', type: 'management-oversight', date: '2026-11-20', spo: { name: 'Sam SPO' }, decision }) as const;

async function databaseWithReview(): Promise<string> {
  const file = join(tempDir('spo-backup-'), 'oversight.db');
  const service = openService(file);
  expect((await service.call('import:commit', { paths: [writeExtract(minimalExtract())], skipInvalid: false })).ok).toBe(true);
  expect((await service.call('reviews:record', review('Before the backup.'))).ok).toBe(true);
  service.close();
  return file;
}

/** The database's key: its backups are encrypted with it, and hold none of their own. */
const keyOf = (dbFile: string) => Buffer.from(readFileSync(databaseKeyPath(dbFile), 'utf8').trim(), 'hex');

/** Everything the database holds but its audit log, which a backup and a restore each add an entry to. */
function contents(file: string, keyFrom = file): string {
  const db = openDatabase(file, { readonly: true, key: keyOf(keyFrom) });
  try {
    return checksum(db, ['audit_log']);
  } finally {
    db.close();
  }
}

/** The audit entries of a database file, oldest first. */
function auditEntries(file: string, keyFrom = file): { id: number; op: string; operation: string; hash: string; details: Record<string, unknown> }[] {
  const db = openDatabase(file, { readonly: true, key: keyOf(keyFrom) });
  try {
    return db
      .prepare<[], { id: number; op: string; operation: string; hash: string; details_json: string }>('SELECT id, op, operation, hash, details_json FROM audit_log ORDER BY id')
      .all()
      .map((r) => ({ id: r.id, op: r.op, operation: r.operation, hash: r.hash, details: JSON.parse(r.details_json) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

async function addReview(file: string, decision: string): Promise<void> {
  const service = openService(file);
  expect((await service.call('reviews:record', review(decision))).ok).toBe(true);
  service.close();
}

describe('backup and restore', () => {
  it('backs up with VACUUM INTO into one verified file, encrypted with the database key and without it, the audit key beside it', async () => {
    const file = await databaseWithReview();
    const out = join(tempDir('spo-backup-out-'), 'backup.db');
    const cli = await runCli(['backup', '--out', out, '--db', file]);
    expect(cli).toMatchObject({ code: 0, err: '' });
    expect(cli.out).toMatch(/integrity_check ok/);
    expect(contents(out, file)).toBe(contents(file));
    // The backup is a disclosure in the database's own log: a full copy, made after the entries it holds.
    const log = auditEntries(file);
    const copied = auditEntries(out, file);
    expect(log.at(-1)).toMatchObject({ op: 'backup', operation: 'disclosure', details: { file: out, copiedHead: { id: copied.at(-1)?.id, hash: copied.at(-1)?.hash } } });
    expect(cli.out).toMatch(new RegExp(`recorded in the audit log as a disclosure \\(entry ${String(log.at(-1)?.id)}\\)`));
    expect(copied).toHaveLength(log.length - 1);
    // The audit key travels beside the backup; the database's own is in the per-user folder.
    expect(readFileSync(legacyKeyFilePath(out, 'audit-key'))).toEqual(readFileSync(findKeyFile(file, 'audit-key')?.path ?? ''));
    // One self-contained file: rollback journal mode, nothing beside it to lose.
    const copy = openDatabase(out, { readonly: true, key: keyOf(file) });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(existsSync(`${out}-wal`)).toBe(false);
    expect(existsSync(legacyKeyFilePath(out, 'db-key'))).toBe(false);
    const keyless = new Database(out, { readonly: true });
    expect(() => keyless.prepare('SELECT count(*) FROM reviews').get()).toThrow(/file is not a database/);
    keyless.close();
  });

  it('keeps no backup the audit log cannot record: with the audit key gone, the copy is removed', async () => {
    const file = await databaseWithReview();
    const dir = tempDir('spo-backup-out-');
    const out = join(dir, 'backup.db');
    rmSync(findKeyFile(file, 'audit-key')?.path ?? '');
    const cli = await runCli(['backup', '--out', out, '--db', file]);
    expect(cli.code).not.toBe(0);
    expect(cli.err).toMatch(/audit key file .* is missing/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never overwrites an existing file with a backup', async () => {
    const file = await databaseWithReview();
    const out = join(tempDir('spo-backup-out-'), 'backup.db');
    writeFileSync(out, 'keep me');
    const cli = await runCli(['backup', '--out', out, '--db', file]);
    expect(cli.code).toBe(2);
    expect(cli.err).toMatch(/already exists; name a new file/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });

  it('restores a damaged database from a backup: the data, the audit chain and the start-up check come back', async () => {
    const file = await databaseWithReview();
    const out = join(tempDir('spo-backup-out-'), 'backup.db');
    expect((await runCli(['backup', '--out', out, '--db', file])).code).toBe(0);
    await addReview(file, 'After the backup: lost with the damage.');
    damageTablePage(file, 'reviews');
    const damaged = openService(file);
    expect(damaged.health.readOnly).toBe(true);
    damaged.close();

    const cli = await runCli(['restore', out, '--db', file]);
    expect(cli).toMatchObject({ code: 0, err: '' });
    expect(cli.out).toMatch(/audit chain of \d+ entries verified/);
    expect(contents(file)).toBe(contents(out, file));
    const service = openService(file);
    expect(service.health).toMatchObject({ ok: true, readOnly: false });
    const chain = await service.call('audit:verify', {});
    expect(chain.ok && chain.value.intact).toBe(true);
    expect((await service.call('reviews:record', review('After the restore.'))).ok).toBe(true);
    service.close();
  });

  it('refuses to replace a healthy database unless told to, since everything since the backup would be lost', async () => {
    const file = await databaseWithReview();
    const out = join(tempDir('spo-backup-out-'), 'backup.db');
    expect((await runCli(['backup', '--out', out, '--db', file])).code).toBe(0);
    await addReview(file, 'After the backup.');
    const before = contents(file);
    const refused = await runCli(['restore', out, '--db', file]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/passes its integrity check: restoring would discard everything recorded since the backup\. Add --force/);
    expect(contents(file)).toBe(before);
    const replaced = auditEntries(file).at(-1);
    const forced = await runCli(['restore', out, '--force', '--db', file]);
    expect(forced.code).toBe(0);
    expect(contents(file)).toBe(contents(out, file));
    // The rollback is visible in the restored log: its last entry names the head it replaced.
    const restoredLog = auditEntries(file);
    expect(restoredLog.at(-1)).toMatchObject({ op: 'restore', operation: 'alteration', details: { forced: true, replaced: { id: replaced?.id, hash: replaced?.hash } } });
    expect(restoredLog).toHaveLength(auditEntries(out, file).length + 1);
    expect(forced.out).toMatch(new RegExp(`it replaced a log of \\d+ entries ending at entry ${String(replaced?.id)}`));
  });

  it('replaces nothing when the restore cannot be recorded in the restored log', async () => {
    const file = await databaseWithReview();
    const dir = tempDir('spo-backup-out-');
    const out = join(dir, 'backup.db');
    expect((await runCli(['backup', '--out', out, '--db', file])).code).toBe(0);
    // A backup whose log refuses new entries: the restore's own entry cannot be written into the copy.
    const raw = new Database(out);
    applyKey(raw, { key: keyOf(file), source: 'test' }, out);
    raw.exec(`CREATE TRIGGER audit_log_refuses BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is unavailable'); END`);
    raw.close();
    await addReview(file, 'After the backup.');
    const before = contents(file);
    const restore = await runCli(['restore', out, '--force', '--db', file]);
    expect(restore.code).not.toBe(0);
    expect(contents(file)).toBe(before);
    expect(readdirSync(dirname(file)).filter((f) => f.includes('.restoring-'))).toEqual([]);
  });

  it('refuses to restore under a running app, and changes nothing', async () => {
    const file = await databaseWithReview();
    const out = join(tempDir('spo-backup-out-'), 'backup.db');
    expect((await runCli(['backup', '--out', out, '--db', file])).code).toBe(0);
    const running = openService(file);
    const before = contents(file);
    const cli = await runCli(['restore', out, '--force', '--db', file]);
    expect(cli.code).toBe(2);
    expect(cli.err).toMatch(/is open in another program \(the app, or another command\): close it, then restore/);
    expect((await running.call('reviews:record', review('Still recording.'))).ok).toBe(true);
    running.close();
    expect(contents(file)).not.toBe(before);
  }, 20_000);

  it('refuses a damaged backup, and a backup of another database', async () => {
    const file = await databaseWithReview();
    const out = join(tempDir('spo-backup-out-'), 'backup.db');
    expect((await runCli(['backup', '--out', out, '--db', file])).code).toBe(0);
    damageTablePage(out, 'cases', keyOf(file));
    const damaged = await runCli(['restore', out, '--force', '--db', file]);
    expect(damaged.code).toBe(2);
    expect(damaged.err).toMatch(/fails its integrity check .*choose an earlier backup/);

    const other = await databaseWithReview();
    const otherOut = join(tempDir('spo-backup-out-'), 'other.db');
    expect((await runCli(['backup', '--out', otherOut, '--db', other])).code).toBe(0);
    const foreign = await runCli(['restore', otherOut, '--force', '--db', file]);
    expect(foreign.code).toBe(2);
    expect(foreign.err).toMatch(/was made from another database \(its audit key differs/);
    const db = openDatabase(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
