import { describe, expect, it } from 'vitest';
import { teamExtract } from '../team/testing/fixture.js';
import { memoryDb, tempDir, writeExtract } from '../testing/extract.js';
import { createService } from '../service/index.js';
import { migrate, schemaVersion } from './index.js';
import { beforeTrendTotals } from './testing/before-011.js';

const count = (db: ReturnType<typeof memoryDb>, table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('migration 8: flags and trends recomputed under the rules of issue 12', () => {
  it('drops the stored flags and trend weeks of version 7, keeps every recorded row, and the next read evaluates them again', async () => {
    const db = memoryDb();
    const service = createService({ db, osUser: 'tester', now: () => new Date('2026-11-23T10:00:00Z'), dataDir: tempDir() });
    const call = async (op: 'import:commit' | 'flags:queue' | 'trends:weekly', input: object): Promise<void> => {
      const r = await service.call(op, input);
      if (!r.ok) throw new Error(r.error.message);
    };
    await call('import:commit', { paths: [writeExtract(teamExtract())] });
    await call('flags:queue', {});
    // As a version-7 database with caches computed by the earlier rules: without what 9 to 11 add,
    // and three weeks of practitioner tallies in the trend cache of migration 6.
    db.exec('DROP TABLE action_events; DROP INDEX flags_triage; DROP INDEX flags_team_triage; ALTER TABLE flags DROP COLUMN triage;');
    beforeTrendTotals(db);
    for (const asOf of ['2026-11-08', '2026-11-15', '2026-11-22']) {
      db.prepare(`INSERT INTO trend_weeks (as_of, basis, reviews_seen, computed_at) VALUES (?, '1|{}', 0, '2026-11-23T10:00:00Z')`).run(asOf);
      db.prepare(
        `INSERT INTO trend_staff (as_of, staff_code, team_code, cases, high_risk, mappa_l1, in_scope, covered, oldest_days, overdue_json, due_soon, days_overdue_json)
         VALUES (?, 'N99P001', 'N99T01', 3, 1, 1, 2, 1, 175, '{}', 0, '[]')`,
      ).run(asOf);
    }
    db.pragma('user_version = 7');
    expect([count(db, 'flag_state'), count(db, 'flags') > 0, count(db, 'trend_weeks'), count(db, 'trend_staff') > 0]).toEqual([1, true, 3, true]);
    const recorded = ['cases', 'registrations', 'contacts', 'staff', 'import_log', 'audit_log', 'settings'].map((t) => [t, count(db, t)]);

    migrate(db, 8);

    expect(schemaVersion(db)).toBe(8);
    expect(['flag_state', 'flags', 'flag_details', 'flag_cases', 'flag_staff', 'trend_weeks', 'trend_staff'].map((t) => count(db, t))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(['cases', 'registrations', 'contacts', 'staff', 'import_log', 'audit_log', 'settings'].map((t) => [t, count(db, t)])).toEqual(recorded);
    migrate(db);
    await call('flags:queue', {});
    await call('trends:weekly', { weeks: 3 });
    expect([count(db, 'flag_state'), count(db, 'flags') > 0, count(db, 'trend_weeks')]).toEqual([1, true, 3]);
  });
});
