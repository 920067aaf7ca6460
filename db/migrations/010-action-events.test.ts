import { describe, expect, it } from 'vitest';
import { fixture, ok, review } from '../reviews/testing/fixture.js';
import { migrate, schemaVersion } from './index.js';
import { beforeTrendTotals } from './testing/before-011.js';

const count = (db: Awaited<ReturnType<typeof fixture>>['db'], table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('migration 10: actions done or dropped as dated events', () => {
  it('adds an empty events table to a version 9 database, keeps every review, and drops the flags computed without ACTION-OVERDUE', async () => {
    const f = await fixture();
    const r = await ok(f.service.call('reviews:record', review()));
    await ok(f.service.call('flags:queue', {}));
    // As a version-9 database: no events table, flags from the rules before ACTION-OVERDUE.
    f.db.exec('DROP TABLE action_events');
    beforeTrendTotals(f.db);
    f.db.pragma('user_version = 9');
    expect(count(f.db, 'flags')).toBeGreaterThan(0);
    const reviews = count(f.db, 'reviews');

    migrate(f.db, 10);

    expect(schemaVersion(f.db)).toBe(10);
    expect([count(f.db, 'action_events'), count(f.db, 'flags'), count(f.db, 'flag_state'), count(f.db, 'reviews')]).toEqual([0, 0, 0, reviews]);
    // The review's action is open, and can be marked done, which the table keeps and never edits.
    expect((await ok(f.service.call('actions:list', { reviewId: r.id }))).actions.map((a) => a.status)).toEqual(['open']);
    await ok(f.service.call('actions:done', { reviewId: r.id, number: 1, date: '2026-11-21' }));
    expect(f.db.prepare('SELECT review_id, kind, event_date FROM action_events').all()).toEqual([{ review_id: r.id, kind: 'done', event_date: '2026-11-21' }]);
    expect(() => f.db.prepare(`UPDATE action_events SET kind = 'dropped'`).run()).toThrow(/never edited/);
    expect(() => f.db.prepare(`INSERT INTO action_events (review_id, crn, action_text, action_owner, action_due, kind, event_date, recorded_at, recorded_by_os) VALUES (?, 'X000001', 't', 'o', '2026-12-01', 'dropped', '2026-11-21', 'x', 'y')`).run(r.id)).toThrow(/CHECK/);
  });
});
