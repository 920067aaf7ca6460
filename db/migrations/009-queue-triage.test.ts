import { describe, expect, it } from 'vitest';
import { teamExtract } from '../team/testing/fixture.js';
import { memoryDb, tempDir, writeExtract } from '../testing/extract.js';
import { createService } from '../service/index.js';
import { migrate, schemaVersion } from './index.js';
import { beforeTrendTotals } from './testing/before-011.js';

describe('migration 9: the risk-first order of the queue', () => {
  it('gives version 8 flags a rank with its indexes, drops the flags stored without one, and the next read ranks them', async () => {
    const db = memoryDb();
    const service = createService({ db, osUser: 'tester', now: () => new Date('2026-11-23T10:00:00Z'), dataDir: tempDir() });
    const queue = async () => {
      const r = await service.call('flags:queue', {});
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const imported = await service.call('import:commit', { paths: [writeExtract(teamExtract())] });
    if (!imported.ok) throw new Error(imported.error.message);
    const before = await queue();
    // As a version-8 database: its flags stored without a rank.
    db.exec('DROP TABLE action_events; DROP INDEX flags_triage; DROP INDEX flags_team_triage; ALTER TABLE flags DROP COLUMN triage;');
    beforeTrendTotals(db);
    db.pragma('user_version = 8');
    const cases = db.prepare('SELECT count(*) FROM cases').pluck().get();

    migrate(db, 9);

    expect(schemaVersion(db)).toBe(9);
    expect(db.prepare('SELECT count(*) FROM flags').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM flag_state').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(cases);
    const indexes = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'flags' AND name LIKE '%triage'`).pluck().all();
    expect(indexes.sort()).toEqual(['flags_team_triage', 'flags_triage']);
    migrate(db);
    const after = await queue();
    expect(after.rows.map((r) => [r.crn, r.rule])).toEqual(before.rows.map((r) => [r.crn, r.rule]));
    expect(db.prepare('SELECT count(*) FROM flags WHERE triage = 9').pluck().get()).toBe(0);
  });
});
