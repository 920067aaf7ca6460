import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlagsReport, SettingView } from '../../../contract/index.js';
import { runCli } from '../../../testing/cli.js';
import { minimalExtract, tempDir, writeExtract } from '../../../testing/extract.js';

async function importedDb(): Promise<string> {
  const db = join(tempDir(), 'spo.sqlite');
  const r = await runCli(['import', writeExtract(minimalExtract()), '--commit', '--db', db]);
  expect(r.code).toBe(0);
  return db;
}

describe('cli: flags', () => {
  it('prints the JSON of oversight-rules.md on stdout with --json, exit 0', async () => {
    const db = await importedDb();
    const r = await runCli(['flags', '--as-of', '2026-11-23', '--json', '--db', db]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as FlagsReport;
    expect(Object.keys(report)).toEqual(['asOf', 'policy', 'caseFlags', 'dueSoon', 'staffFlags', 'notEvaluated']);
    expect(report.caseFlags.map((f) => [f.crn, f.rule, f.daysOverdue])).toEqual([
      ['X000002', 'OVERSIGHT-NEW', 616],
      ['X000002', 'ROSH-STALE', 263],
      ['X000001', 'OVERSIGHT-NEW', 52],
      ['X000001', 'NEED-REFERRAL', 11],
    ]);
  });

  it('prints a table by default, and filters by team', async () => {
    const db = await importedDb();
    const r = await runCli(['flags', '--as-of', '2026-11-23', '--team', 'N99T01', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Oversight flags as of 2026-11-23 for team N99T01');
    expect(r.out).toMatch(/X000001 +OVERSIGHT-NEW +2026-10-02 +52 +High RoSH \(RHRH since 2026-09-10\)/);
    expect(r.out).toContain('Practitioners over capacity: 1');
    const other = await runCli(['flags', '--as-of', '2026-11-23', '--team', 'N00T00', '--json', '--db', db]);
    expect((JSON.parse(other.out) as FlagsReport).caseFlags).toEqual([]);
  });

  it('refuses a bad date with one line and exit 2', async () => {
    const r = await runCli(['flags', '--as-of', '23/11/2026', '--db', join(tempDir(), 'x.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('cli: settings', () => {
  it('gets every setting with its basis, sets one with a reason (VALUE as JSON) and shows the history', async () => {
    const db = join(tempDir(), 'spo.sqlite');
    const got = await runCli(['settings', 'get', '--json', '--db', db]);
    expect(got.code).toBe(0);
    expect((JSON.parse(got.out) as SettingView[]).map((s) => s.key)).toContain('oversightContactCodes');
    const text = await runCli(['settings', 'get', '--db', db]);
    expect(text.out).toContain('newCaseOversightDays = 15  [days]');
    expect(text.out).toContain('basis: local practice');

    const set = await runCli(['settings', 'set', 'oversightContactCodes', '["MO1","MO8"]', '--reason', 'local recording practice', '--json', '--db', db]);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out)).toMatchObject({ key: 'oversightContactCodes', value: ['MO1', 'MO8'], isDefault: false });
    expect((await runCli(['settings', 'set', 'dueSoonDays', '30', '--reason', 'plan a month ahead', '--db', db])).code).toBe(0);
    const history = await runCli(['settings', 'history', '--db', db]);
    expect(history.out).toMatch(/dueSoonDays: 14 → 30 {2}reason: plan a month ahead/);
  });

  it.each([
    [['settings', 'set', 'dueSoonDays', '30'], /needs --reason TEXT/],
    [['settings', 'set', 'dueSoonDays', '30', '--reason', ' '], /needs --reason TEXT/],
    [['settings', 'set', 'noSuchSetting', '30', '--reason', 'r'], /unknown setting "noSuchSetting"/],
    [['settings', 'set', 'dueSoonDays', 'soon', '--reason', 'r'], /Due soon window \(dueSoonDays\): expected a whole number of days/],
    [['settings', 'set', 'restrictedGrades', 'PSQ', '--reason', 'r'], /Grades that should not hold a high-risk case \(restrictedGrades\): expected a list of codes/],
    [['settings', 'frobnicate'], /unknown settings command "frobnicate"/],
  ])('refuses %j with one line and exit 2', async (argv, message) => {
    const r = await runCli([...argv, '--db', join(tempDir(), 'spo.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
