import { describe, expect, it } from 'vitest';
import type { InputOf, Operation, ResultOf } from '../contract/index.js';
import { teamExtract } from '../team/testing/fixture.js';
import { memoryDb, tempDir, writeExtract } from '../testing/extract.js';
import { createService } from './index.js';
import { verifyChain } from '../audit/verify.js';

/**
 * db/team/testing/fixture.ts with reviews: from 2026-10-01 to 2026-11-23 five count as evidence —
 * X000001 twice (N99P001, HIGH), X000002 (N99P001, LOW), X000004 (N99P002, HIGH), X000005
 * (N99P003, LOW). One of X000003 is withdrawn and one of X000001 is dated before the range.
 */
async function setup() {
  const db = memoryDb();
  const service = createService({ db, osUser: 'tester', now: () => new Date('2026-11-23T10:00:00Z'), dataDir: tempDir() });
  const call = async <O extends Operation>(op: O, input: InputOf<O>): Promise<ResultOf<O>> => {
    const r = await service.call(op, input, { appUser: 'Hana Head (N99S002)' });
    if (!r.ok) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  await call('import:commit', { paths: [writeExtract(teamExtract())] });
  const review = (crn: string, date: string) => call('reviews:record', { crn, type: 'management-oversight', date, spo: { name: 'Sam Senior' }, decision: 'continue' });
  await review('X000001', '2026-06-01');
  await review('X000001', '2026-10-05');
  await review('X000001', '2026-11-02');
  await review('X000002', '2026-10-10');
  await review('X000004', '2026-11-15');
  await review('X000005', '2026-11-01');
  const wrong = await review('X000003', '2026-11-05');
  await call('reviews:withdraw', { id: wrong.id, reason: 'entered on the wrong case' });
  return { db, service, call };
}

const range = { from: '2026-10-01', to: '2026-11-23' };

describe('audit samples', () => {
  it('draws from the reviews that count as evidence in the range, stratified by practitioner and risk', async () => {
    const { call } = await setup();
    const sample = await call('sample:create', { size: 10, seed: 7, ...range });
    expect(sample).toMatchObject({ id: 1, seed: 7, size: 10, population: 5, items: 5, recorded: 0, team: null, createdByOs: 'tester', createdBy: 'Hana Head (N99S002)' });
    expect(sample.strata).toEqual([
      { staffCode: 'N99P001', risk: 'HIGH', population: 2, chosen: 2 },
      { staffCode: 'N99P001', risk: 'LOW', population: 1, chosen: 1 },
      { staffCode: 'N99P002', risk: 'HIGH', population: 1, chosen: 1 },
      { staffCode: 'N99P003', risk: 'LOW', population: 1, chosen: 1 },
    ]);
    expect(sample.chosen.map((i) => [i.position, i.crn, i.reviewDate])).toEqual([
      [1, 'X000001', '2026-10-05'],
      [2, 'X000001', '2026-11-02'],
      [3, 'X000002', '2026-10-10'],
      [4, 'X000004', '2026-11-15'],
      [5, 'X000005', '2026-11-01'],
    ]);
  });

  it('records the seed, so the same draw can be made again', async () => {
    const { call } = await setup();
    const first = await call('sample:create', { size: 2, ...range });
    expect(Number.isInteger(first.seed)).toBe(true);
    const again = await call('sample:create', { size: 2, seed: first.seed, ...range });
    expect(again.chosen.map((i) => i.reviewId)).toEqual(first.chosen.map((i) => i.reviewId));
    expect(again.strata).toEqual(first.strata);
    expect(first.chosen).toHaveLength(2);
  });

  it('filters by the team in the review snapshot', async () => {
    const { call } = await setup();
    const sample = await call('sample:create', { size: 10, seed: 1, ...range, team: 'N99T02' });
    expect(sample.chosen.map((i) => i.crn)).toEqual(['X000005']);
  });

  it('records a re-reading per case, keeping earlier ones', async () => {
    const { call } = await setup();
    const { id } = await call('sample:create', { size: 10, seed: 7, ...range });
    await call('sample:record', { sampleId: id, position: 4, checks: [{ item: 'rationale-recorded', answer: 'no', note: 'no analysis' }], outcome: 'inadequate' });
    const after = await call('sample:record', { sampleId: id, position: 4, checks: [{ item: 'rationale-recorded', answer: 'yes' }], outcome: 'requires-improvement', note: 'amended in nDelius' });
    const item = after.chosen[3];
    expect(item?.result).toMatchObject({ outcome: 'requires-improvement', note: 'amended in nDelius', checks: [{ item: 'rationale-recorded', answer: 'yes', note: '' }], recordedBy: 'Hana Head (N99S002)' });
    expect(item?.history.map((h) => h.outcome)).toEqual(['inadequate']);
    expect(after.recorded).toBe(1);
    expect(await call('sample:list', {})).toMatchObject([{ id, items: 5, recorded: 1 }]);
  });

  it('stamps the sample and each re-reading in the audit log, so changing a QA result or the draw in the database breaks audit verify', async () => {
    for (const sql of [`UPDATE audit_sample_results SET outcome = 'good'`, `DELETE FROM audit_sample_items WHERE position = 2`]) {
      const { db, call } = await setup();
      const { id } = await call('sample:create', { size: 10, seed: 7, ...range });
      await call('sample:record', { sampleId: id, position: 4, checks: [{ item: 'rationale-recorded', answer: 'no', note: 'no analysis' }], outcome: 'inadequate' });
      expect(verifyChain(db).intact).toBe(true);
      for (const t of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_sample%'`).pluck().all() as string[]) db.exec(`DROP TRIGGER ${t}`);
      db.exec(sql);
      expect(verifyChain(db).firstBroken?.reason).toMatch(/^the QA (result|sample items) it recorded/);
    }
  });

  it('refuses an empty range, an unknown item and a range that ends before it starts, naming the field', async () => {
    const { service, call } = await setup();
    expect(await service.call('sample:create', { size: 3, from: '2025-01-01', to: '2025-02-01' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'from' } });
    expect(await service.call('sample:create', { size: 3, from: '2026-11-01', to: '2026-10-01' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'to' } });
    const { id } = await call('sample:create', { size: 1, seed: 1, ...range });
    expect(await service.call('sample:record', { sampleId: id, position: 9, checks: [], outcome: 'good' })).toMatchObject({ ok: false, error: { code: 'not-found', field: 'position' } });
    expect(await service.call('sample:get', { id: 99 })).toMatchObject({ ok: false, error: { code: 'not-found', field: 'id' } });
    // An untyped caller (IPC, HTTP) may send any outcome.
    const untyped = JSON.parse(`{"sampleId": ${id}, "position": 1, "checks": [], "outcome": "fine"}`) as InputOf<'sample:record'>;
    expect(await service.call('sample:record', untyped)).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'outcome' } });
  });

  it('logs each draw and re-reading as an alteration and each opening as a consultation naming the cases', async () => {
    const { call, db } = await setup();
    const before = db.prepare<[], number>('SELECT max(id) FROM audit_log').pluck().get() ?? 0;
    const { id } = await call('sample:create', { size: 10, seed: 7, ...range });
    await call('sample:record', { sampleId: id, position: 4, checks: [], outcome: 'good' });
    await call('sample:list', {});
    await call('sample:get', { id });
    const rows = db
      .prepare<[number], { op: string; operation: string; crns_json: string }>('SELECT op, operation, crns_json FROM audit_log WHERE id > ? ORDER BY id')
      .all(before);
    expect(rows).toEqual([
      { op: 'sample:create', operation: 'alteration', crns_json: JSON.stringify(['X000001', 'X000002', 'X000004', 'X000005']) },
      { op: 'sample:record', operation: 'alteration', crns_json: JSON.stringify(['X000004']) },
      { op: 'sample:get', operation: 'consultation', crns_json: JSON.stringify(['X000001', 'X000002', 'X000004', 'X000005']) },
    ]);
  });

  it('refuses a re-reading by the SPO who recorded the review, by staff code or (with none) by name, and lets another reader record it', async () => {
    const { service, call } = await setup();
    const sample = await call('sample:create', { size: 10, seed: 7, ...range });
    expect(sample.chosen[0]?.spo).toEqual({ name: 'Sam Senior', staffCode: null });
    const reading = { sampleId: sample.id, position: 1, checks: [], outcome: 'good' as const };
    // The reviews were recorded by "Sam Senior" with no staff code: the same name is the same SPO.
    await call('profile:set', { name: '  sam senior ', staffCode: 'N99S001', teamCode: 'N99T01' });
    const refused = await service.call('sample:record', reading);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'position', message: expect.stringMatching(/you recorded this review \(Sam Senior\), so another reader must re-read it/) as unknown } });
    await call('profile:set', { name: 'Hana Head', staffCode: 'N99S002', teamCode: 'N99T01' });
    expect((await call('sample:record', reading)).chosen[0]?.result?.outcome).toBe('good');
  });
});

