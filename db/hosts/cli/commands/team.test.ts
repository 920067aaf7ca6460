import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TeamView } from '../../../contract/index.js';
import { teamExtract } from '../../../team/testing/fixture.js';
import { runCli } from '../../../testing/cli.js';
import { tempDir, writeExtract } from '../../../testing/extract.js';

async function importedDb(): Promise<string> {
  const db = join(tempDir(), 'spo.sqlite');
  const r = await runCli(['import', writeExtract(teamExtract()), '--commit', '--db', db]);
  expect(r.code).toBe(0);
  return db;
}

describe('cli: team', () => {
  it('prints the team table with over capacity in words, and the team view as JSON with --json', async () => {
    const db = await importedDb();
    const r = await runCli(['team', '--team', 'N99T01', '--as-of', '2026-11-23', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Team N99T01 as of 2026-11-23 (oversight interval 84 days)');
    expect(r.out).toMatch(/N99P001 +Pat Example +PSM +3 +1 +1 +1\/2 50% +2 +0 +0 +124% OVER CAPACITY/);
    expect(r.out).toMatch(/N99P002 +Sam Example +PSQ +1 +1 +0 +0\/1 0% +1 +1 +0 +50%/);
    const json = await runCli(['team', '--as-of', '2026-11-23', '--json', '--db', db]);
    expect((JSON.parse(json.out) as TeamView).practitioners.map((p) => p.staffCode)).toEqual(['N99P001', 'N99P002', 'N99P003']);
  });
});
