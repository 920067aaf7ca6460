import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrendsReport } from '../../../contract/index.js';
import { teamExtract } from '../../../team/testing/fixture.js';
import { runCli } from '../../../testing/cli.js';
import { tempDir, writeExtract } from '../../../testing/extract.js';

async function importedDb(): Promise<string> {
  const db = join(tempDir(), 'spo.sqlite');
  const r = await runCli(['import', writeExtract(teamExtract()), '--commit', '--db', db]);
  expect(r.code).toBe(0);
  return db;
}

describe('cli: trends', () => {
  it('prints weekly trends, and refuses a bad number of weeks with one line and exit 2', async () => {
    const db = await importedDb();
    const r = await runCli(['trends', '--weeks', '2', '--as-of', '2026-11-23', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2026-11-22 +3 +1 +33% +3 +1 +90/);
    const json = await runCli(['trends', '--weeks', '2', '--as-of', '2026-11-23', '--json', '--db', db]);
    expect((JSON.parse(json.out) as TrendsReport).weeks.map((w) => w.weekEnding)).toEqual(['2026-11-15', '2026-11-22']);
    const bad = await runCli(['trends', '--weeks', 'many', '--db', db]);
    expect(bad).toMatchObject({ code: 2, err: 'spo-oversight trends: --weeks must be a whole number: many\n' });
  });
});
