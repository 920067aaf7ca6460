import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputOf, Operation } from '../contract/index.js';
import { fixture, ok, review } from '../reviews/testing/fixture.js';
import { checksum, headers, minimalExtract, tempDir, writeExtract } from '../testing/extract.js';

/*
 * Write, then log, never the other way round (issue 16, point 3): when the audit entry cannot be
 * written, a writing operation leaves the database as it was and no file behind.
 */
describe('when the audit log cannot be written', () => {
  it('every writing operation fails, changes nothing and leaves no file', async () => {
    const f = await fixture();
    const first = await ok(f.service.call('reviews:record', review()));
    const second = await ok(f.service.call('reviews:record', review({ date: '2026-11-21', actions: [{ text: 'Refer to the drug service', owner: 'Sam Senior', due: '2026-12-10' }] })));
    const sample = await ok(f.service.call('sample:create', { size: 1, from: '2026-11-01', to: '2026-11-23' }));
    const out = tempDir('spo-log-failure-');
    f.db.exec(`CREATE TRIGGER audit_log_unavailable BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is unavailable'); END`);

    const calls: { [O in Operation]?: InputOf<O> } = {
      'reviews:record': review({ date: '2026-11-22' }),
      'reviews:amend': { id: first.id, reason: 'typo', decision: 'Continue with fortnightly reporting.' },
      'reviews:withdraw': { id: first.id, reason: 'wrong case' },
      'actions:done': { reviewId: first.id, number: 1, date: '2026-11-23' },
      'actions:drop': { reviewId: second.id, number: 1, date: '2026-11-23', reason: 'moved away' },
      'settings:set': { key: 'oversightIntervalDays', value: 70, reason: 'PDU policy' },
      'profile:set': { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' },
      'sample:create': { size: 1, from: '2026-11-01', to: '2026-11-23' },
      'sample:record': { sampleId: sample.id, position: 1, checks: [], outcome: 'good' },
      'demo:load': { seed: 1 },
      'import:commit': { paths: [writeExtract({ ...minimalExtract(), 'needs.csv': `${headers.needs}\nX000001,ALCOHOL,SEVERE,Y,N\n` })] },
      'log:export': { out: join(out, 'log.csv'), format: 'csv' },
    };
    for (const [op, input] of Object.entries(calls) as [Operation, InputOf<Operation>][]) {
      const before = checksum(f.db);
      const result = await f.service.call(op, input);
      // Refused at the logging, not before: the engine's own failure, reported without its text.
      expect({ op, refused: result.ok ? null : result.error.code }).toEqual({ op, refused: 'internal' });
      expect({ op, same: checksum(f.db) === before }).toEqual({ op, same: true });
      expect({ op, files: readdirSync(out) }).toEqual({ op, files: [] });
    }
  });
});
