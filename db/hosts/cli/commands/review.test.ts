import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Review } from '../../../contract/index.js';
import { minimalExtract, tempDir, writeExtract } from '../../../testing/extract.js';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

function fakeIo(): CliIo & { stdout: () => string; stderr: () => string; reset: () => void } {
  let out = '';
  let err = '';
  return {
    out: (t) => (out += t),
    err: (t) => (err += t),
    errIsTTY: false,
    env: {},
    stdout: () => out,
    stderr: () => err,
    reset: () => {
      out = '';
      err = '';
    },
  };
}

async function setUp() {
  const dir = tempDir('spo-cli-review-');
  const db = join(dir, 'spo.sqlite');
  const io = fakeIo();
  const run = async (...args: string[]) => {
    io.reset();
    return main([...args, '--db', db], io);
  };
  expect(await run('import', writeExtract(minimalExtract()), '--commit', '--skip-invalid')).toBe(0);
  return { dir, db, io, run };
}

describe('the review, export, verify and audit commands', () => {
  it('a review recorded through the CLI appears in the export, which verifies, and fails to verify once edited', async () => {
    const { dir, io, run } = await setUp();
    const code = await run(
      'review', 'add', '--crn', 'X000001', '--type', 'management-oversight', '--date', '2025-06-01', '--spo', 'Sam Senior',
      '--decision', 'Continue weekly reporting', '--checked', 'risk-assessment,rmp,police-da:not-available', '--next-review', '2025-09-01',
      '--trigger', 'OVERSIGHT-NEW', '--analysis', 'RMP current', '--action', '2025-06-15|Pat Example|Request police DA information', '--json',
    );
    expect(io.stderr()).toBe('');
    expect(code).toBe(0);
    const recorded = JSON.parse(io.stdout()) as Review;
    expect(recorded).toMatchObject({ id: 1, crn: 'X000001', current: { version: 1, ndelius: { contactCode: 'MO1' } } });
    expect(recorded.current.checks.map(({ item, outcome, note }) => ({ item, outcome, note }))).toEqual([
      { item: 'risk-assessment', outcome: 'checked', note: null },
      { item: 'rmp', outcome: 'checked', note: null },
      { item: 'police-da', outcome: 'not-available', note: null },
    ]);
    expect(recorded.current.actions).toEqual([{ due: '2025-06-15', owner: 'Pat Example', text: 'Request police DA information' }]);

    expect(await run('review', 'amend', '1', '--reason', 'entered in nDelius', '--contact-id', '2500012345')).toBe(0);
    expect(io.stdout()).toMatch(/^Amended review 1 \(version 2\) for X000001/);
    expect(await run('review', 'add', '--crn', 'X000001', '--type', 'allocation-oversight', '--date', '2025-05-01', '--spo', 'Sam Senior', '--decision', 'Allocated')).toBe(0);
    // A review's id is that of its first version's row: review 1 took rows 1 and 2.
    const second = /^Recorded review (\d+) /.exec(io.stdout())?.[1] ?? '';
    expect(second).toBe('3');
    expect(await run('review', 'withdraw', second, '--reason', 'entered on the wrong case')).toBe(0);
    expect(io.stdout()).toMatch(/withdrawn, no longer counts as evidence/);

    const csv = join(dir, 'log.csv');
    expect(await run('export', '--out', csv, '--purpose', 'HMIP inspection', '--recipient', 'HM Inspectorate of Probation')).toBe(0);
    expect(io.stdout()).toMatch(/^Exported 4 review versions \(2 reviews, 1 cases\)/);
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain('X000001,1,1,2,amended,entered in nDelius');
    expect(text).toContain('X000001,3,2,2,withdrawn,entered on the wrong case');
    expect(text).toContain('2500012345');

    expect(await run('verify', csv)).toBe(0);
    expect(io.stdout()).toMatch(/^Intact, signed by this installation: /);
    expect(await run('audit', 'verify', '--against', csv)).toBe(0);
    expect(io.stdout()).toMatch(/^Audit log intact: \d+ entries/);

    writeFileSync(csv, text.replace('Continue weekly reporting', 'Continue weekly reportinG'));
    expect(await run('verify', csv)).toBe(1);
    expect(io.stdout()).toMatch(/^NOT intact: .*changed after it was exported/);
  });

  it('exports PDF and JSON, choosing the format from the file name, and verifies them without a database against the public key keys show gave', async () => {
    const { dir, io, run } = await setUp();
    expect(await run('keys', 'show', '--pem')).toBe(0);
    const key = join(dir, 'pdu-key.pem');
    writeFileSync(key, io.stdout());
    expect(await run('review', 'add', '--crn', 'X000001', '--type', 'management-oversight', '--date', '2025-06-01', '--spo', 'Sam', '--decision', 'ok')).toBe(0);
    for (const name of ['log.pdf', 'log.json']) {
      const out = join(dir, name);
      expect(await run('export', '--out', out)).toBe(0);
      io.reset();
      // With no key to judge by, a file whose digest and signature hold exits 0 (cli.md), and says whose key to compare.
      expect(await main(['verify', out], io)).toBe(0);
      expect(io.stdout()).toMatch(/^Signed by key [0-9a-f ]{39} \(not this installation's; compare the fingerprint with the one the sender gave you\)/);
      io.reset();
      expect(await main(['verify', out, '--trust', key], io)).toBe(0);
      expect(io.stdout()).toContain(name.endsWith('pdf') ? 'PDF oversight log' : 'JSON oversight log');
    }
  });

  it('answers bad usage with exit 2 and one line naming the problem', async () => {
    const { io, run } = await setUp();
    const cases: [string[], RegExp][] = [
      [['review', 'add', '--crn', 'X000001'], /^spo-oversight review: review add needs --type\n$/],
      [['review', 'add', '--crn', 'X000001', '--type', 'chat', '--date', '2025-01-01', '--spo', 'S', '--decision', 'd'], /--type must be one of/],
      [['review', 'add', '--crn', 'X000001', '--type', 'management-oversight', '--date', '2999-01-01', '--spo', 'S', '--decision', 'd'], /date: 2999-01-01 is in the future/],
      [['review', 'add', '--crn', 'X999999', '--type', 'management-oversight', '--date', '2025-01-01', '--spo', 'S', '--decision', 'd'], /crn: no case X999999/],
      [['review', 'add', '--crn', 'X000001', '--type', 'management-oversight', '--date', '2025-01-01', '--spo', 'S', '--decision', 'd', '--checked', 'tea'], /--checked: unknown item "tea"/],
      [['review', 'amend', '1', '--decision', 'x'], /review amend needs --reason/],
      [['review', 'withdraw', '99', '--reason', 'r'], /id: no review 99/],
      [['review', 'frobnicate'], /review needs add, amend, withdraw or list/],
      [['export'], /export needs --out FILE/],
      [['export', '--out', 'x.csv', '--format', 'xls'], /--format must be one of csv, pdf, json/],
      [['verify'], /verify needs one exported file/],
      [['verify', '/no/such/file.csv'], /cannot read/],
      [['audit', 'shred'], /audit needs verify or list/],
    ];
    for (const [args, message] of cases) {
      expect(await run(...args), args.join(' ')).toBe(2);
      expect(io.stderr(), args.join(' ')).toMatch(message);
      expect(io.stderr().trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('audit list shows the entries and says the reading is itself logged', async () => {
    const { io, run } = await setUp();
    expect(await run('review', 'add', '--crn', 'X000001', '--type', 'management-oversight', '--date', '2025-06-01', '--spo', 'Sam', '--decision', 'ok')).toBe(0);
    expect(await run('audit', 'list', '--crn', 'X000001')).toBe(0);
    expect(io.stdout()).toMatch(/alteration\s+reviews:record/);
    expect(io.stderr()).toMatch(/this reading is itself logged/);
    expect(await run('audit', 'list', '--operation', 'consultation', '--json')).toBe(0);
    expect((JSON.parse(io.stdout()) as { entries: { op: string }[] }).entries[0]?.op).toBe('audit:list');
  });

  it('refuses a MAPPA level 1 review of a case not managed at MAPPA level 1, with exit 2 and one line', async () => {
    const { io, run } = await setUp();
    const args = ['review', 'add', '--type', 'mappa-l1-review', '--date', '2026-11-20', '--spo', 'Sam Senior', '--decision', 'Level 1 reviewed'];
    expect(await run(...args, '--crn', 'X000001')).toBe(2);
    expect(io.stdout()).toBe('');
    expect(io.stderr().trim().split('\n')).toHaveLength(1);
    expect(io.stderr()).toMatch(/MAPPA level 1 review can be recorded only for a case managed at MAPPA level 1 on the review date; on 20 November 2026 X000001 had no active MAPPA registration/);
    expect(await run(...args, '--crn', 'X000002')).toBe(0);
  });
});
