import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection.js';
import { keysFolder, readDatabaseId } from '../keys/paths.js';
import { openService, type OpenedService } from '../service/open.js';
import { runCli } from '../testing/cli.js';
import { minimalExtract, tempDir, writeExtract } from '../testing/extract.js';
import { review } from '../reviews/testing/fixture.js';

async function call<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The database's checkpoint file, in the per-user keys folder under its id. */
const checkpointsOf = (file: string): string => join(keysFolder(), `${readDatabaseId(file) ?? 'none'}.checkpoints`);

/** Runs SQL on the file as someone with write access to it would, then closes it. */
function tamper(file: string, sql: string, ...params: unknown[]): void {
  const db = openDatabase(file, { migrate: false });
  try {
    db.exec('DROP TRIGGER audit_log_never_deleted');
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

/** A database file with a review, exported once: one checkpoint. */
async function exported(): Promise<{ file: string; service: OpenedService }> {
  const file = join(tempDir('spo-checkpoint-'), 'oversight.db');
  const service = openService(file);
  await call(service.call('import:commit', { paths: [writeExtract(minimalExtract())] }));
  await call(service.call('reviews:record', review({ date: new Date().toISOString().slice(0, 10) })));
  await call(service.call('log:export', { out: join(tempDir('spo-checkpoint-out-'), 'log.csv'), format: 'csv' }));
  return { file, service };
}

const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n');

describe('signed audit checkpoints outside the database', () => {
  it('are written at each export, signed, and audit verify checks the chain against them', async () => {
    const { file, service } = await exported();
    const [line] = lines(checkpointsOf(file));
    const head = (await call(service.call('audit:verify', {}))).head;
    expect(JSON.parse(line ?? '{}')).toMatchObject({ reason: 'export', head: { id: head?.id, hash: head?.hash }, signature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/) as unknown });
    expect(await call(service.call('audit:verify', {}))).toMatchObject({ intact: true, checkpoints: { checked: 1, rolledBack: 0 } });
    service.close();
  });

  it('catch a log cut back to before the checkpoint, though the shorter chain is whole', async () => {
    const { file, service } = await exported();
    const head = (await call(service.call('audit:verify', {}))).head?.id ?? 0;
    service.close();
    tamper(file, 'DELETE FROM audit_log WHERE id >= ?', head - 1);
    const again = openService(file);
    const v = await call(again.call('audit:verify', {}));
    again.close();
    expect(v.intact).toBe(false);
    expect(v.firstBroken?.reason).toMatch(new RegExp(`^entry ${String(head)}, the chain head signed at the export of .* UTC, is no longer in the log, and no restore says so: the log was cut back$`));
  });

  it('refuse a checkpoint file edited to match a rewritten log', async () => {
    const { file, service } = await exported();
    const where = checkpointsOf(file);
    const [line = ''] = lines(where);
    const edited = JSON.parse(line) as { head: { id: number } };
    edited.head.id -= 1;
    writeFileSync(where, `${JSON.stringify(edited)}\n`);
    const v = await call(service.call('audit:verify', {}));
    expect(v).toMatchObject({ intact: false, firstBroken: { reason: expect.stringMatching(/^checkpoint 1 .* is not signed by this installation's key/) as unknown } });
    service.close();
  });

  it('accept a rollback a restore declares: the restored log names the head it replaced', async () => {
    const file = join(tempDir('spo-checkpoint-'), 'oversight.db');
    const first = openService(file);
    await call(first.call('import:commit', { paths: [writeExtract(minimalExtract())] }));
    first.close();
    const backup = join(tempDir('spo-checkpoint-backup-'), 'backup.db');
    expect((await runCli(['backup', '--out', backup, '--db', file])).code).toBe(0);
    const later = openService(file);
    await call(later.call('reviews:record', review({ date: new Date().toISOString().slice(0, 10) })));
    await call(later.call('log:export', { out: join(tempDir('spo-checkpoint-out-'), 'log.csv'), format: 'csv' }));
    later.close();
    expect((await runCli(['restore', backup, '--force', '--db', file])).code).toBe(0);
    const restored = openService(file);
    // The backup's checkpoint and the export's both name entries the restore replaced, and it says so.
    const v = await call(restored.call('audit:verify', {}));
    expect(v).toMatchObject({ intact: true, checkpoints: { checked: 2, rolledBack: 2 } });
    restored.close();
  });
});
