import { describe, expect, it } from 'vitest';
import { fixture, importExtract, NOW, ok, review } from '../reviews/testing/fixture.js';
import { memoryDb, tempDir } from '../testing/extract.js';
import { createService } from './index.js';

const twoActions = review({
  date: '2026-11-01',
  actions: [
    { text: 'Request the police DA call-outs', owner: 'Pat Example', due: '2026-11-10' },
    { text: 'Refer to the drug service', owner: 'Sam Senior', due: '2026-12-04' },
  ],
});

describe('actions agreed in oversight', () => {
  it('lists each action of a current review as open, overdue once past its due date, the earliest due first', async () => {
    const f = await fixture();
    const r = await ok(f.service.call('reviews:record', twoActions));
    const list = await ok(f.service.call('actions:list', { crn: 'x000001' }));
    expect(list.today).toBe('2026-11-23');
    expect(list.actions.map((a) => [a.reviewId, a.number, a.text, a.status, a.overdue])).toEqual([
      [r.id, 1, 'Request the police DA call-outs', 'open', true],
      [r.id, 2, 'Refer to the drug service', 'open', false],
    ]);
  });

  it('marks one done and another dropped as their own dated events, audited, never editing the review', async () => {
    const f = await fixture();
    const r = await ok(f.service.call('reviews:record', twoActions));
    const done = await ok(f.service.call('actions:done', { reviewId: r.id, number: 1, date: '2026-11-12', note: 'Two call-outs, shared with the practitioner' }));
    expect(done).toMatchObject({ status: 'done', overdue: false, closed: { kind: 'done', date: '2026-11-12', note: 'Two call-outs, shared with the practitioner', recordedByOs: 'spo-test' } });
    const dropped = await ok(f.service.call('actions:drop', { reviewId: r.id, number: 2, date: '2026-11-23', reason: 'He has moved to another area' }));
    expect(dropped.closed).toMatchObject({ kind: 'dropped', note: 'He has moved to another area' });
    expect((await ok(f.service.call('reviews:get', { id: r.id }))).versions).toHaveLength(1);
    expect((await ok(f.service.call('actions:list', { crn: 'X000001', status: 'open' }))).actions).toEqual([]);
    expect((await ok(f.service.call('actions:list', { crn: 'X000001', status: 'closed' }))).actions.map((a) => a.status)).toEqual(['dropped', 'done']);
    const audit = await ok(f.service.call('audit:list', { op: 'actions:drop' }));
    expect(audit.entries.map((e) => [e.operation, e.justification, e.details.text])).toEqual([['alteration', 'He has moved to another area', 'Refer to the drug service']]);
    expect(f.changed.at(-1)).toEqual(['X000001']);
    expect(() => f.db.prepare('DELETE FROM action_events').run()).toThrow(/never deleted/);
  });

  it('refuses an unknown review or action, a second close, a date in the future or before the review, and a drop with no reason', async () => {
    const f = await fixture();
    const r = await ok(f.service.call('reviews:record', twoActions));
    const refused = async (op: 'actions:done' | 'actions:drop', input: object) => {
      const res = await f.service.call(op, input as never);
      if (res.ok) throw new Error('expected a refusal');
      return [res.error.code, res.error.field, res.error.message];
    };
    expect(await refused('actions:done', { reviewId: 999, number: 1, date: '2026-11-12' })).toEqual(['not-found', 'reviewId', 'reviewId: no review 999']);
    expect(await refused('actions:done', { reviewId: r.id, number: 3, date: '2026-11-12' })).toEqual(['not-found', 'number', `number: review ${r.id} has 2 actions; there is no action 3`]);
    expect(await refused('actions:done', { reviewId: r.id, number: 1, date: '2026-11-24' })).toEqual(['invalid-input', 'date', 'date: 24 November 2026 is in the future (today is 23 November 2026)']);
    expect(await refused('actions:done', { reviewId: r.id, number: 1, date: '2026-10-31' })).toEqual([
      'invalid-input',
      'date',
      'date: 31 October 2026 is before the review that agreed the action (1 November 2026)',
    ]);
    expect((await refused('actions:drop', { reviewId: r.id, number: 1, date: '2026-11-12', reason: '  ' }))[0]).toBe('invalid-input');
    await ok(f.service.call('actions:done', { reviewId: r.id, number: 1, date: '2026-11-12' }));
    expect(await refused('actions:drop', { reviewId: r.id, number: 1, date: '2026-11-13', reason: 'no longer needed' })).toEqual([
      'conflict',
      'number',
      `number: action 1 of review ${r.id} was already marked done on 12 November 2026`,
    ]);
    await ok(f.service.call('reviews:withdraw', { id: r.id, reason: 'entered on the wrong case' }));
    expect((await refused('actions:done', { reviewId: r.id, number: 2, date: '2026-11-12' }))[1]).toBe('reviewId');
    expect((await ok(f.service.call('actions:list', { crn: 'X000001' }))).actions).toEqual([]);
  });

  it('keeps a done action done after a correction that leaves it as it was, and opens one the correction rewords', async () => {
    const f = await fixture();
    const r = await ok(f.service.call('reviews:record', twoActions));
    await ok(f.service.call('actions:done', { reviewId: r.id, number: 2, date: '2026-11-20' }));
    // The correction removes the first action and rewords nothing else: the done one moves up, still done.
    await ok(f.service.call('reviews:amend', { id: r.id, reason: 'first action was agreed in error', actions: [twoActions.actions?.[1] ?? { text: '', owner: '', due: '' }] }));
    expect((await ok(f.service.call('actions:list', { reviewId: r.id }))).actions.map((a) => [a.number, a.status])).toEqual([[1, 'done']]);
    await ok(f.service.call('reviews:amend', { id: r.id, reason: 'owner corrected', actions: [{ text: 'Refer to the drug service', owner: 'Pat Example', due: '2026-12-04' }] }));
    expect((await ok(f.service.call('actions:list', { reviewId: r.id }))).actions.map((a) => [a.owner, a.status])).toEqual([['Pat Example', 'open']]);
  });
});

describe('ACTION-OVERDUE in the flags', () => {
  it('flags a case with an overdue action in flags:evaluate and the queue, and clears when the action is done', async () => {
    const db = memoryDb();
    await importExtract(db);
    const service = createService({ db, osUser: 'spo-test', now: () => NOW, dataDir: tempDir() });
    const r = await ok(service.call('reviews:record', twoActions));
    const report = await ok(service.call('flags:evaluate', {}));
    expect(report.caseFlags.filter((c) => c.rule === 'ACTION-OVERDUE')).toEqual([
      {
        crn: 'X000001',
        rule: 'ACTION-OVERDUE',
        dueDate: '2026-11-10',
        daysOverdue: 13,
        reason: '1 action agreed in oversight overdue: "Request the police DA call-outs" (owner Pat Example, due 2026-11-10)',
      },
    ]);
    const queue = await ok(service.call('flags:queue', { rules: ['ACTION-OVERDUE'], status: 'overdue' }));
    expect(queue.rows.map((row) => row.crn)).toEqual(['X000001']);
    await ok(service.call('actions:done', { reviewId: r.id, number: 1, date: '2026-11-21' }));
    expect((await ok(service.call('flags:queue', { rules: ['ACTION-OVERDUE'], status: 'overdue' }))).total).toBe(0);
    // The other action (due 4 December) is now the case's next: due soon.
    const soon = await ok(service.call('flags:evaluate', {}));
    expect(soon.dueSoon.filter((c) => c.rule === 'ACTION-OVERDUE').map((c) => [c.dueDate, c.daysUntilDue])).toEqual([['2026-12-04', 11]]);
    // As of a day before the action was done, it was overdue then (flags --as-of).
    const before = await ok(service.call('flags:evaluate', { asOf: '2026-11-20' }));
    expect(before.caseFlags.filter((c) => c.rule === 'ACTION-OVERDUE').map((c) => c.daysOverdue)).toEqual([10]);
  });
});
