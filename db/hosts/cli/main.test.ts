import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../contract/index.js';
import { runCli } from '../../testing/cli.js';
import { headers, minimalExtract, tempDir, writeExtract } from '../../testing/extract.js';

describe('cli: import', () => {
  it('runs a dry run, then a commit, then recognises the same files (exit 0 each time)', async () => {
    const dir = writeExtract(minimalExtract());
    const db = join(tempDir(), 'spo.sqlite');
    const dry = await runCli(['import', dir, '--db', db, '--json']);
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.out) as ImportReport;
    expect(report).toMatchObject({ dryRun: true, committed: false, errors: [] });
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['dryRun', 'committed', 'alreadyImported', 'files', 'cases', 'rows', 'rejected', 'errors', 'warnings', 'unknownColumns']));

    const commit = await runCli(['import', dir, '--commit', '--json'], { SPO_OVERSIGHT_DB: db });
    expect(JSON.parse(commit.out)).toMatchObject({ committed: true });
    const again = await runCli(['import', dir, '--commit', '--json', '--db', db]);
    expect(JSON.parse(again.out)).toMatchObject({ committed: false, alreadyImported: true });
  });

  it('exits 1 and lists the row errors in a readable table without --json', async () => {
    const dir = writeExtract({ ...minimalExtract(), 'contacts.csv': `${headers.contacts}\nX000001,1,31/02/2026,MO1,\n` });
    const result = await runCli(['import', dir, '--db', join(tempDir(), 'spo.sqlite')]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('contacts.csv:2 [contact_date]: not a date: 31/02/2026');
  });

  // Bad usage is refused before the database is opened, but a real path keeps the repository clean if not.
  const scratch = join(tempDir(), 'x.sqlite');
  it.each([
    [['import', '/nowhere'], /no database: pass --db FILE or set SPO_OVERSIGHT_DB/],
    [['import', '--db', scratch], /import needs a folder/],
    [['import', '.', '--db', scratch, '--encoding', 'latin1'], /--encoding accepts only windows-1252/],
    [['import', '.', '--db', scratch, '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['generate'], /generate needs --out DIR/],
    [['generate', '--out', '/tmp/x', '--scale', 'planet'], /--scale must be one of pdu, region, national/],
  ])('refuses bad usage %j with one line and exit 2', async (argv, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a Windows-1252 cases file with exit 1 naming £ and ’, and accepts it with --encoding windows-1252', async () => {
    const text = `${headers.cases}\nX000001,Ann O’Example,,N99P001,2026-09-17,,,,,\nX000002,Bo £Sample,,N99P002,2025-03-01,,,,,\n`;
    const bytes = Buffer.from(Array.from(text).map((ch) => ({ '’': 0x92, '£': 0xa3 })[ch] ?? ch.charCodeAt(0)));
    const dir = writeExtract({ ...minimalExtract(), 'cases.csv': bytes });
    const db = join(tempDir(), 'spo.sqlite');
    const refused = await runCli(['import', dir, '--commit', '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('cases.csv: not UTF-8: it looks like Windows-1252');
    expect(refused.out).toContain('’ (line 2), £ (line 3)');
    const accepted = await runCli(['import', dir, '--commit', '--encoding', 'windows-1252', '--json', '--db', db]);
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.out)).toMatchObject({ committed: true, files: expect.arrayContaining([expect.objectContaining({ name: 'cases.csv', encoding: 'windows-1252' })]) as unknown });
  });

  it('names a missing folder with exit 2', async () => {
    const result = await runCli(['import', '/no/such/extract', '--db', join(tempDir(), 'spo.sqlite')]);
    expect(result.code).toBe(2);
    expect(result.err).toBe('spo-oversight import: no such file or folder: /no/such/extract\n');
  });
});
