import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operationNames, type AuditEntry } from '../contract/index.js';
import { fixture, NOW, ok, review } from '../reviews/testing/fixture.js';
import { memoryDb, minimalExtract, writeExtract } from '../testing/extract.js';
import { auditMap } from './audit-map.js';
import { createService } from './index.js';

async function entries(service: Awaited<ReturnType<typeof fixture>>['service']): Promise<AuditEntry[]> {
  // Read straight from the table: audit:list would log itself.
  return (await ok(service.call('audit:list', { limit: 500 }))).entries.filter((e) => e.op !== 'audit:list').reverse();
}

describe('the audit map', () => {
  it('says for every operation in the contract whether and how it is logged', () => {
    const missing = operationNames.filter((op) => !Object.hasOwn(auditMap, op));
    expect(missing).toEqual([]);
    for (const op of Object.keys(auditMap)) expect(operationNames).toContain(op);
  });
});

describe('auditing through the service', () => {
  it('logs a review as an alteration with its CRN, in the same transaction as the review', async () => {
    const f = await fixture();
    const r = await ok(f.service.call('reviews:record', review(), { appUser: 'Sam Senior' }));
    await ok(f.service.call('reviews:amend', { id: r.id, reason: 'date corrected', date: '2026-11-21' }));
    await ok(f.service.call('reviews:withdraw', { id: r.id, reason: 'entered on the wrong case' }));
    const log = await entries(f.service);
    expect(log.map((e) => [e.operation, e.op, e.crns, e.justification, e.details.version])).toEqual([
      ['alteration', 'reviews:record', ['X000001'], 'Management oversight review recorded, prompted by First SPO oversight (OVERSIGHT-NEW)', 1],
      ['alteration', 'reviews:amend', ['X000001'], 'date corrected', 2],
      ['alteration', 'reviews:withdraw', ['X000001'], 'entered on the wrong case', 3],
    ]);
    expect(log[0]).toMatchObject({ at: NOW.toISOString(), osUser: 'spo-test', appUser: 'Sam Senior', details: { reviewId: r.id } });
    expect(log[1]?.details.fields).toEqual(['date']);
  });

  it('does not record a review whose audit entry cannot be written', async () => {
    const f = await fixture();
    f.db.exec(`CREATE TRIGGER audit_full BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    const original = console.error;
    console.error = () => undefined;
    try {
      const r = await f.service.call('reviews:record', review());
      expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    } finally {
      console.error = original;
    }
    expect(f.db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(0);
    expect(f.changed).toEqual([]);
  });

  it('logs consultation of reviews with the CRNs shown, and nothing for a refused call', async () => {
    const f = await fixture();
    const r = await ok(f.service.call('reviews:record', review()));
    await ok(f.service.call('reviews:list', { crn: 'X000001' }));
    await ok(f.service.call('reviews:get', { id: r.id }));
    await f.service.call('reviews:get', { id: 999 });
    await f.service.call('reviews:record', review({ crn: 'X999999' }));
    const log = await entries(f.service);
    expect(log.map((e) => [e.operation, e.op, e.crns])).toEqual([
      ['alteration', 'reviews:record', ['X000001']],
      ['consultation', 'reviews:list', ['X000001']],
      ['consultation', 'reviews:get', ['X000001']],
    ]);
  });

  it('logs opening a case, the flags queue and the settings change as the map says', async () => {
    const f = await fixture();
    const view = await ok(f.service.call('flags:case', { crn: 'X000001' }));
    const queue = await ok(f.service.call('flags:queue', {}));
    await ok(f.service.call('settings:set', { key: 'oversightIntervalDays', value: 56, reason: 'PDU policy from January' }));
    const log = await entries(f.service);
    expect(log.map((e) => [e.operation, e.op])).toEqual([
      ['consultation', 'flags:case'],
      ['consultation', 'flags:queue'],
      ['alteration', 'settings:set'],
    ]);
    expect(log[0]?.crns).toEqual([view.crn]);
    expect(log[1]?.crns).toEqual([...new Set(queue.rows.map((r) => r.crn))]);
    expect(log[2]).toMatchObject({ crns: [], justification: 'PDU policy from January', details: { key: 'oversightIntervalDays', value: 56 } });
  });

  it('logs an export as a disclosure with its purpose, recipient, CRNs and digest', async () => {
    const f = await fixture();
    await ok(f.service.call('reviews:record', review()));
    await ok(f.service.call('reviews:record', review({ crn: 'X000002', type: 'mappa-l1-review' })));
    const out = join(f.dir, 'log.csv');
    const r = await ok(f.service.call('log:export', { format: 'csv', out, team: 'N99T01', purpose: 'HMIP inspection', recipient: 'HM Inspectorate of Probation' }));
    const disclosure = (await entries(f.service)).at(-1);
    expect(disclosure).toMatchObject({
      operation: 'disclosure',
      op: 'log:export',
      crns: ['X000001', 'X000002'],
      justification: 'HMIP inspection',
      recipients: ['HM Inspectorate of Probation'],
      details: { format: 'csv', path: r.path, digest: r.digest, rows: 2, filters: { team: 'N99T01' }, chainHead: r.chainHead },
    });
    expect(r.chainHead?.id).toBe((disclosure?.id ?? 0) - 1);
  });

  it('logs an import as collection and combination, and a dry run or a summary not at all', async () => {
    const db = memoryDb();
    const service = createService({ db, osUser: 'spo-test', now: () => NOW, dataDir: '.', onCasesChanged: () => undefined });
    const dir = writeExtract(minimalExtract());
    await ok(service.call('import:preview', { paths: [dir], skipInvalid: true }));
    await ok(service.call('caseload:summary', {}));
    const report = await ok(service.call('import:commit', { paths: [dir], skipInvalid: true }));
    const log = (await ok(service.call('audit:list', {}))).entries.filter((e) => e.op !== 'audit:list').reverse();
    expect(log.map((e) => [e.operation, e.op])).toEqual([
      ['collection', 'import:commit'],
      ['combination', 'import:commit'],
    ]);
    expect(log[0]?.details).toMatchObject({ importId: report.importId, cases: report.cases });
    // The same files again change nothing: no collection is logged.
    await ok(service.call('import:commit', { paths: [dir], skipInvalid: true }));
    expect((await ok(service.call('audit:list', { operation: 'collection' }))).total).toBe(1);
  });

  it('does not commit an import whose audit entry cannot be written: the extract, the import log and the flags stay as they were', async () => {
    const db = memoryDb();
    const service = createService({ db, osUser: 'spo-test', now: () => NOW, dataDir: '.', onCasesChanged: () => undefined });
    db.exec(`CREATE TRIGGER audit_full BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    const result = await service.call('import:commit', { paths: [writeExtract(minimalExtract())], skipInvalid: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    expect([count('cases'), count('contacts'), count('import_log'), count('flags')]).toEqual([0, 0, 0, 0]);
    db.exec('DROP TRIGGER audit_full');
    const report = await ok(service.call('import:commit', { paths: [writeExtract(minimalExtract())], skipInvalid: true }));
    expect(report.committed).toBe(true);
  });

  it('logs reading the audit log itself, with the CRNs it showed', async () => {
    const f = await fixture();
    await ok(f.service.call('reviews:record', review()));
    const page = await ok(f.service.call('audit:list', { crn: 'X000001' }, { appUser: 'Head of PDU' }));
    expect(page.entries.map((e) => e.op)).toEqual(['reviews:record']);
    const after = await ok(f.service.call('audit:list', { limit: 1 }));
    expect(after.entries[0]).toMatchObject({
      operation: 'consultation',
      op: 'audit:list',
      appUser: 'Head of PDU',
      crns: ['X000001'],
      justification: 'audit log read',
      details: { filters: { crn: 'X000001' }, entries: [page.entries[0]?.id], total: 1 },
    });
  });

  it('filters the audit log by operation, user, CRN and date, newest first, paged', async () => {
    const f = await fixture();
    await ok(f.service.call('reviews:record', review()));
    await ok(f.service.call('reviews:record', review({ crn: 'X000002' }), { appUser: 'Alex' }));
    await ok(f.service.call('reviews:list', { crn: 'X000002' }));
    // Each of these readings is itself logged (with the CRNs it showed); leave those out here.
    const by = async (filters: Record<string, unknown>) =>
      (await ok(f.service.call('audit:list', filters))).entries.map((e) => e.op).filter((op) => op !== 'audit:list');
    expect(await by({ operation: 'alteration' })).toEqual(['reviews:record', 'reviews:record']);
    expect(await by({ crn: 'X000002', operation: 'consultation' })).toEqual(['reviews:list']);
    expect(await by({ user: 'Alex' })).toEqual(['reviews:record']);
    expect(await by({ from: '2026-11-24' })).toEqual([]);
    expect(await by({ from: '2026-11-23', to: '2026-11-23', operation: 'alteration' })).toHaveLength(2);
    const page = await ok(f.service.call('audit:list', { operation: 'alteration', limit: 1, offset: 1 }));
    expect(page).toMatchObject({ total: 2, offset: 1, limit: 1 });
    expect(page.entries[0]?.crns).toEqual(['X000001']);
  });

  it('keeps a verifiable chain across every kind of call', async () => {
    const f = await fixture();
    const r = await ok(f.service.call('reviews:record', review()));
    await ok(f.service.call('reviews:amend', { id: r.id, reason: 'r', analysis: 'more' }));
    await ok(f.service.call('log:export', { format: 'json', out: join(f.dir, 'x.json') }));
    await ok(f.service.call('audit:list', {}));
    expect(await ok(f.service.call('audit:verify', {}))).toMatchObject({ intact: true, entries: 4 });
  });
});
