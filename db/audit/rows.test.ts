import { describe, expect, it } from 'vitest';
import type { Db } from '../connection.js';
import { fixture, ok, review } from '../reviews/testing/fixture.js';
import { verifyChain } from './verify.js';

/** Runs `sql` as an attacker with write access to the file would: the app's guard triggers dropped first. */
function tamper(db: Db, sql: string, ...params: unknown[]): void {
  const triggers = db.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'audit_log%'`).all();
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  db.prepare(sql).run(...params);
}

const entryOf = (db: Db, op: string): number => db.prepare(`SELECT max(id) FROM audit_log WHERE op = ?`).pluck().get(op) as number;

describe('audit entries stamp the rows they wrote', () => {
  it('breaks audit verify when a review’s text is edited in the database, naming the entry that recorded it', async () => {
    const { db, service } = await fixture();
    const r = await ok(service.call('reviews:record', review()));
    const details = JSON.parse(db.prepare(`SELECT details_json FROM audit_log WHERE id = ?`).pluck().get(entryOf(db, 'reviews:record')) as string) as {
      rows: { table: string; where: unknown; sha256: string }[];
    };
    expect(details.rows).toEqual([{ table: 'reviews', where: { review_id: r.id, version: 1 }, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown }]);
    expect(verifyChain(db).intact).toBe(true);

    tamper(db, `UPDATE reviews SET decision = 'No concerns.' WHERE review_id = ?`, r.id);
    const v = verifyChain(db);
    expect(v.intact).toBe(false);
    expect(v.firstBroken).toEqual({
      id: entryOf(db, 'reviews:record'),
      reason: `the review version it recorded (reviews review_id ${String(r.id)}, version 1) was changed or deleted in the database after it was written`,
    });
  });

  it('judges a setting or a profile by its latest entry, so changing it again through the app is not tampering', async () => {
    const { db, service } = await fixture();
    await ok(service.call('settings:set', { key: 'oversightIntervalDays', value: 70, reason: 'PDU policy' }));
    await ok(service.call('settings:set', { key: 'oversightIntervalDays', value: 84, reason: 'back to the default' }));
    await ok(service.call('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' }));
    await ok(service.call('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T02' }));
    expect(verifyChain(db).intact).toBe(true);

    tamper(db, `INSERT INTO settings (key, value_json) VALUES ('oversightIntervalDays', '365')`);
    expect(verifyChain(db).firstBroken?.reason).toMatch(/^the setting it recorded \(settings key oversightIntervalDays\) was changed or deleted/);
  });

  it('breaks audit verify when a profile, a settings history row, an action event or a QA result is changed', async () => {
    const cases: [string, (f: Awaited<ReturnType<typeof fixture>>) => Promise<void>, string, RegExp][] = [
      ['profile', (f) => ok(f.service.call('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' })).then(() => undefined), `UPDATE app_users SET team_code = 'N99T09'`, /user profile/],
      [
        'settings history',
        (f) => ok(f.service.call('settings:set', { key: 'oversightIntervalDays', value: 70, reason: 'PDU policy' })).then(() => undefined),
        `UPDATE settings_history SET reason = 'a better reason'`,
        /setting change/,
      ],
      [
        'action event',
        async (f) => {
          const r = await ok(f.service.call('reviews:record', review()));
          await ok(f.service.call('actions:done', { reviewId: r.id, number: 1, date: '2026-11-23' }));
        },
        `UPDATE action_events SET event_date = '2026-11-21'`,
        /action event/,
      ],
    ];
    for (const [, act, sql, words] of cases) {
      const f = await fixture();
      await act(f);
      expect(verifyChain(f.db).intact).toBe(true);
      tamper(f.db, sql);
      expect(verifyChain(f.db).firstBroken?.reason).toMatch(words);
    }
  });
});
