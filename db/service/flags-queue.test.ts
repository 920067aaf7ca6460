import { describe, expect, it } from 'vitest';
import type { InputOf } from '../contract/index.js';
import { headers, memoryDb, tempDir, writeExtract } from '../testing/extract.js';
import { createService } from './index.js';

/**
 * As of 2026-11-23 (all allocated 2026-09-17):
 *   A000001 Alice Adams  P1/T1  RHRH 09-10          OVERSIGHT-NEW due 10-02 (52 overdue)
 *   A000002 Bob Brown    P1/T1  no RoSH             ROSH-MISSING due 10-02 (52 overdue)
 *   B000003 Carol Clark  P2/T1  MAPP M1 09-01, LOW  OVERSIGHT-NEW due 10-02 (52 overdue)
 *   C000004 Dan Davis    P3/T2  RVHR 11-10          OVERSIGHT-NEW due 11-25 (due in 2)
 *   C000005 Eve Evans    P3/T2  MEDIUM, 2025-12-01  ROSH-STALE due 12-01 (due in 8)
 * Risk first: C000004 (very high), A000001 (high), B000003 (MAPPA level 1, low RoSH), A000002
 * (RoSH unknown), C000005 (medium, a rule that is not a safety rule).
 */
async function setup(moreCases = '') {
  const db = memoryDb();
  const service = createService({ db, osUser: 'tester', now: () => new Date('2026-11-23T10:00:00Z'), dataDir: tempDir() });
  const dir = writeExtract({
    'cases.csv': `${headers.cases}
A000001,Alice Adams,,P1,2026-09-17,,,,,
A000002,Bob Brown,,P1,2026-09-17,,,,,
B000003,Carol Clark,,P2,2026-09-17,,,,LOW,
C000004,Dan Davis,,P3,2026-09-17,,,,VERY_HIGH,
C000005,Eve Evans,,P3,2026-09-17,,,,MEDIUM,2025-12-01
${moreCases}`,
    'registrations.csv': `${headers.registrations}\nA000001,RHRH,,,2026-09-10,,\nB000003,MAPP,M1,M2,2026-09-01,,\nC000004,RVHR,,,2026-11-10,,\n`,
    'contacts.csv': `${headers.contacts}\n`,
    'staff.csv': `${headers.staff}\nP1,Pat One,PSM,T1,,,,,\nP2,Sam Two,PSM,T1,,,,,\nP3,Kim Three,PSM,T2,,,,,\n`,
    'needs.csv': `${headers.needs}\n`,
  });
  const imported = await service.call('import:commit', { paths: [dir] });
  if (!imported.ok || !imported.value.committed) throw new Error('import failed');
  const queue = async (input: InputOf<'flags:queue'> = {}) => {
    const r = await service.call('flags:queue', input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  return { db, queue };
}

const crns = (rows: { crn: string; rule: string }[]) => rows.map((r) => `${r.crn} ${r.rule}`);

describe('flags:queue', () => {
  it('lists every flag risk first, then how overdue, with what the queue shows', async () => {
    const { queue } = await setup();
    const q = await queue();
    expect(q.asOf).toBe('2026-11-23');
    expect(q.total).toBe(5);
    expect(crns(q.rows)).toEqual(['C000004 OVERSIGHT-NEW', 'A000001 OVERSIGHT-NEW', 'B000003 OVERSIGHT-NEW', 'A000002 ROSH-MISSING', 'C000005 ROSH-STALE']);
    expect(q.rows[1]).toEqual({
      crn: 'A000001',
      name: 'Alice Adams',
      staffCode: 'P1',
      staffName: 'Pat One',
      teamCode: 'T1',
      rosh: 'HIGH',
      mappaLevel: null,
      rule: 'OVERSIGHT-NEW',
      status: 'overdue',
      dueDate: '2026-10-02',
      daysOverdue: 52,
      reason: 'High RoSH (RHRH since 2026-09-10); no management oversight since allocation on 2026-09-17',
      flags: [
        {
          rule: 'OVERSIGHT-NEW',
          status: 'overdue',
          dueDate: '2026-10-02',
          daysOverdue: 52,
          reason: 'High RoSH (RHRH since 2026-09-10); no management oversight since allocation on 2026-09-17',
        },
      ],
    });
    expect(q.rows[0]).toMatchObject({ status: 'due-soon', daysUntilDue: 2, rosh: 'VERY_HIGH' });
    expect(q.rows[0]).not.toHaveProperty('daysOverdue');
    expect(q.summary.filter((s) => s.overdue || s.dueSoon)).toEqual([
      { rule: 'OVERSIGHT-NEW', overdue: 2, dueSoon: 1 },
      { rule: 'ROSH-MISSING', overdue: 1, dueSoon: 0 },
      { rule: 'ROSH-STALE', overdue: 0, dueSoon: 1 },
    ]);
    expect(q.summary).toHaveLength(12);
  });

  it('filters by team, practitioner, rule, RoSH, MAPPA level and status', async () => {
    const { queue } = await setup();
    expect(crns((await queue({ team: 't2' })).rows)).toEqual(['C000004 OVERSIGHT-NEW', 'C000005 ROSH-STALE']);
    expect(crns((await queue({ staffCodes: ['P1'] })).rows)).toEqual(['A000001 OVERSIGHT-NEW', 'A000002 ROSH-MISSING']);
    expect(crns((await queue({ rules: ['OVERSIGHT-NEW'] })).rows)).toEqual(['C000004 OVERSIGHT-NEW', 'A000001 OVERSIGHT-NEW', 'B000003 OVERSIGHT-NEW']);
    expect(crns((await queue({ roshLevels: ['UNKNOWN'] })).rows)).toEqual(['A000002 ROSH-MISSING']);
    expect(crns((await queue({ roshLevels: ['VERY_HIGH'] })).rows)).toEqual(['C000004 OVERSIGHT-NEW']);
    expect(crns((await queue({ mappaLevels: ['M1'] })).rows)).toEqual(['B000003 OVERSIGHT-NEW']);
    expect((await queue({ status: 'overdue' })).total).toBe(3);
    expect(crns((await queue({ status: 'due-soon' })).rows)).toEqual(['C000004 OVERSIGHT-NEW', 'C000005 ROSH-STALE']);
    expect((await queue({ team: 'T1', rules: ['OVERSIGHT-NEW'], status: 'overdue' })).total).toBe(2);
    expect((await queue({ team: 'T9' })).total).toBe(0);
  });

  it('takes several values of a filter as any of them, and an empty list as no filter', async () => {
    const { queue } = await setup();
    expect(crns((await queue({ roshLevels: ['VERY_HIGH', 'UNKNOWN'] })).rows)).toEqual(['C000004 OVERSIGHT-NEW', 'A000002 ROSH-MISSING']);
    expect(crns((await queue({ staffCodes: ['p2', 'P3'] })).rows)).toEqual(['C000004 OVERSIGHT-NEW', 'B000003 OVERSIGHT-NEW', 'C000005 ROSH-STALE']);
    expect(crns((await queue({ rules: ['ROSH-STALE', 'ROSH-MISSING'], mappaLevels: [] })).rows)).toEqual(['A000002 ROSH-MISSING', 'C000005 ROSH-STALE']);
    expect((await queue({ rules: [] })).total).toBe(5);
  });

  it('lists a case once with all its flags worst first, or each flag on its own row', async () => {
    // Fay Ford: high RoSH from an OASys assessment a year old: first oversight and a stale RoSH, both overdue.
    const { queue } = await setup('D000006,Fay Ford,,P3,2026-09-17,,,,HIGH,2025-06-01\n');
    const byCase = await queue({ status: 'overdue' });
    expect(byCase.group).toBe('case');
    expect(byCase.total).toBe(4);
    const fay = byCase.rows.find((r) => r.crn === 'D000006');
    // The safety rule comes first although the stale RoSH is more overdue.
    expect(fay?.flags.map((f) => f.rule)).toEqual(['OVERSIGHT-NEW', 'ROSH-STALE']);
    expect(fay?.rule).toBe('OVERSIGHT-NEW');
    expect(fay?.flags[1]?.daysOverdue).toBeGreaterThan(fay?.daysOverdue ?? Infinity);
    expect(byCase.tabs).toEqual({ overdue: 4, dueSoon: 2 });
    const byFlag = await queue({ status: 'overdue', group: 'flag' });
    expect(byFlag.total).toBe(5);
    expect(byFlag.tabs).toEqual({ overdue: 5, dueSoon: 2 });
    expect(byFlag.rows.filter((r) => r.crn === 'D000006').map((r) => r.flags.map((f) => f.rule))).toEqual([['OVERSIGHT-NEW'], ['ROSH-STALE']]);
    // Sorted by how overdue, a case goes by its most overdue flag.
    expect((await queue({ status: 'overdue', sort: 'daysOverdue' })).rows[0]?.crn).toBe('D000006');
    // A rule filter lists only the matching flags of each case.
    expect((await queue({ rules: ['ROSH-STALE'], status: 'overdue' })).rows.map((r) => r.flags.length)).toEqual([1]);
  });

  it('pages cases without repeating or skipping one', async () => {
    const { queue } = await setup('D000006,Fay Ford,,P3,2026-09-17,,,,HIGH,2025-06-01\n');
    const all = (await queue()).rows.map((r) => r.crn);
    const paged = [...(await queue({ limit: 2 })).rows, ...(await queue({ limit: 2, offset: 2 })).rows, ...(await queue({ limit: 2, offset: 4 })).rows].map((r) => r.crn);
    expect(paged).toEqual(all);
    expect(new Set(all).size).toBe(6);
  });

  it('searches by CRN prefix or part of a name, taking wildcards literally', async () => {
    const { queue } = await setup();
    expect(crns((await queue({ search: 'a00' })).rows)).toEqual(['A000001 OVERSIGHT-NEW', 'A000002 ROSH-MISSING']);
    expect(crns((await queue({ search: 'DAVIS' })).rows)).toEqual(['C000004 OVERSIGHT-NEW']);
    expect(crns((await queue({ search: 'e Ev' })).rows)).toEqual(['C000005 ROSH-STALE']);
    expect((await queue({ search: '%' })).total).toBe(0);
    expect((await queue({ search: '_' })).total).toBe(0);
  });

  it('sorts by due date, CRN, name, rule or team, either way', async () => {
    const { queue } = await setup();
    expect(crns((await queue({ sort: 'daysOverdue', direction: 'asc' })).rows)).toEqual([
      'C000005 ROSH-STALE',
      'C000004 OVERSIGHT-NEW',
      'A000001 OVERSIGHT-NEW',
      'A000002 ROSH-MISSING',
      'B000003 OVERSIGHT-NEW',
    ]);
    expect(crns((await queue({ sort: 'dueDate', direction: 'desc' })).rows)[0]).toBe('C000005 ROSH-STALE');
    expect((await queue({ sort: 'crn', direction: 'desc' })).rows.map((r) => r.crn)).toEqual(['C000005', 'C000004', 'B000003', 'A000002', 'A000001']);
    expect((await queue({ sort: 'name' })).rows.map((r) => r.name)).toEqual(['Alice Adams', 'Bob Brown', 'Carol Clark', 'Dan Davis', 'Eve Evans']);
    expect(crns((await queue({ sort: 'rule' })).rows)).toEqual(['A000001 OVERSIGHT-NEW', 'B000003 OVERSIGHT-NEW', 'C000004 OVERSIGHT-NEW', 'A000002 ROSH-MISSING', 'C000005 ROSH-STALE']);
    expect((await queue({ sort: 'team', direction: 'desc' })).rows.map((r) => r.teamCode)).toEqual(['T2', 'T2', 'T1', 'T1', 'T1']);
  });

  it('sorts by risk the other way, by RoSH, by MAPPA level and by practitioner', async () => {
    const { queue } = await setup();
    expect(crns((await queue({ sort: 'risk', direction: 'desc' })).rows)).toEqual([
      'C000005 ROSH-STALE',
      'A000002 ROSH-MISSING',
      'B000003 OVERSIGHT-NEW',
      'A000001 OVERSIGHT-NEW',
      'C000004 OVERSIGHT-NEW',
    ]);
    expect((await queue({ sort: 'rosh' })).rows.map((r) => r.rosh)).toEqual(['VERY_HIGH', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN']);
    expect((await queue({ sort: 'rosh', direction: 'desc' })).rows.map((r) => r.rosh)).toEqual(['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH']);
    expect((await queue({ sort: 'mappa' })).rows.map((r) => r.crn)).toEqual(['B000003', 'C000004', 'A000001', 'A000002', 'C000005']);
    expect((await queue({ sort: 'practitioner' })).rows.map((r) => r.staffName)).toEqual(['Kim Three', 'Kim Three', 'Pat One', 'Pat One', 'Sam Two']);
  });

  it('pages with offset and limit, the total and summary covering every match', async () => {
    const { queue } = await setup();
    const page = await queue({ offset: 2, limit: 2 });
    expect(page.total).toBe(5);
    expect(crns(page.rows)).toEqual(['B000003 OVERSIGHT-NEW', 'A000002 ROSH-MISSING']);
    expect((await queue({ offset: 5 })).rows).toEqual([]);
  });

  it('counts the summary under every filter but the rule and status filters', async () => {
    const { queue } = await setup();
    const q = await queue({ team: 'T1', rules: ['ROSH-MISSING'], status: 'overdue' });
    expect(q.total).toBe(1);
    expect(q.summary.filter((s) => s.overdue || s.dueSoon)).toEqual([
      { rule: 'OVERSIGHT-NEW', overdue: 2, dueSoon: 0 },
      { rule: 'ROSH-MISSING', overdue: 1, dueSoon: 0 },
    ]);
  });

  it('uses the due-date and team indexes rather than scanning and sorting', async () => {
    const { db } = await setup();
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan(`SELECT * FROM flags f WHERE f.team_code = 'T1' ORDER BY f.due_date ASC, f.crn, f.rule LIMIT 100`)).toMatch(/USING INDEX flags_team_due/);
    expect(plan(`SELECT * FROM flags f WHERE f.team_code = 'T1' ORDER BY f.due_date ASC, f.crn, f.rule LIMIT 100`)).not.toMatch(/TEMP B-TREE/);
    expect(plan(`SELECT * FROM flags f ORDER BY f.due_date ASC, f.crn, f.rule LIMIT 100`)).toMatch(/USING INDEX flags_due/);
  });
});
