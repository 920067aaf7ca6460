import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../testing/cli.js';
import { minimalExtract, tempDir, writeExtract } from '../../../testing/extract.js';

async function setUp() {
  const dir = tempDir('spo-cli-export-');
  const db = join(dir, 'spo.sqlite');
  const run = (...args: string[]) => runCli([...args, '--db', db]);
  expect((await run('import', writeExtract(minimalExtract()), '--commit', '--skip-invalid')).code).toBe(0);
  expect((await run('review', 'add', '--crn', 'X000001', '--type', 'management-oversight', '--date', '2026-03-10', '--spo', 'Sam Senior', '--decision', 'ok')).code).toBe(0);
  const entries = async () => Number(/(\d+) entries/.exec((await run('audit', 'verify')).out)?.[1]);
  return { dir, run, entries };
}

describe('export', () => {
  it('refuses filters that match no reviews with exit 2 and one line saying why, writing no file and logging nothing', async () => {
    const { dir, run, entries } = await setUp();
    const before = await entries();
    const cases: [string[], string][] = [
      [['--team', 'N99Z99'], 'No reviews match: no team N99Z99 in this caseload'],
      [['--team', 'n99t01', '--from', '2026-04-01', '--to', '2026-04-30'], 'No reviews match: no reviews between 1 April 2026 and 30 April 2026 for team Team One (N99T01)'],
    ];
    for (const [filters, reason] of cases) {
      const out = join(dir, 'log.csv');
      const r = await run('export', '--out', out, '--purpose', 'HMIP inspection', ...filters);
      expect(r).toEqual({ code: 2, out: '', err: `spo-oversight export: ${reason}\n` });
      expect(existsSync(out)).toBe(false);
    }
    expect(await entries()).toBe(before);
    // The same export with a team that has reviews is written and logged as a disclosure.
    expect((await run('export', '--out', join(dir, 'log.csv'), '--team', 'N99T01')).code).toBe(0);
    expect(await entries()).toBe(before + 1);
  });
});
