import { describe, expect, it } from 'vitest';
import type { InputOf, Operation, ResultOf } from '../contract/index.js';
import { minimalExtract, memoryDb, tempDir, writeExtract } from '../testing/extract.js';
import { createService } from './index.js';

async function setup() {
  const db = memoryDb();
  const service = createService({ db, osUser: 'tester', now: () => new Date('2026-11-23T10:00:00Z'), dataDir: tempDir() });
  const call = async <O extends Operation>(op: O, input: InputOf<O>): Promise<ResultOf<O>> => {
    const r = await service.call(op, input, { appUser: 'Head of PDU' });
    if (!r.ok) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  await call('import:commit', { paths: [writeExtract(minimalExtract())] });
  return { call };
}

describe('audit:list by the operation that wrote the entry', () => {
  it('filters by contract operation as well as by s.62 operation, and logs the filter it was read with', async () => {
    const { call } = await setup();
    await call('reviews:record', { crn: 'X000001', type: 'management-oversight', date: '2026-11-20', spo: { name: 'Sam Senior' }, decision: 'continue' });
    await call('reviews:list', { crn: 'X000001' });
    const page = await call('audit:list', { op: 'reviews:record' });
    expect(page.entries.map((e) => [e.op, e.operation, e.crns])).toEqual([['reviews:record', 'alteration', ['X000001']]]);
    expect((await call('audit:list', { op: 'reviews:list', operation: 'alteration' })).total).toBe(0);
    const [read] = (await call('audit:list', { op: 'audit:list', limit: 1 })).entries;
    expect(read).toMatchObject({ operation: 'consultation', appUser: 'Head of PDU', details: { filters: { op: 'reviews:list', operation: 'alteration' }, total: 0 } });
  });
});
