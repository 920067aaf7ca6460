import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../connection.js';
import { checksum, headers, memoryDb, minimalExtract, writeExtract, type ExtractFiles } from '../testing/extract.js';
import { runImport, type RunImportOptions } from './run-import.js';

const now = () => new Date('2026-11-24T09:00:00Z');

function run(db: Db, dir: string, extra: Partial<RunImportOptions> = {}) {
  return runImport(db, { paths: [dir], skipInvalid: false, commit: false, osUser: 'tester', now, ...extra });
}

function withFiles(changes: ExtractFiles): string {
  return writeExtract({ ...minimalExtract(), ...changes });
}

describe('import: dry run and commit', () => {
  it('reports counts in a dry run and writes nothing', async () => {
    const db = memoryDb();
    const before = checksum(db);
    const report = await run(db, writeExtract(minimalExtract()));
    expect(report).toMatchObject({
      dryRun: true,
      committed: false,
      alreadyImported: false,
      cases: { new: 2, updated: 0, unchanged: 0, leftCaseload: 0 },
      rows: { registrations: 2, contacts: 2, staff: 2, needs: 1 },
      rejected: 0,
      errors: [],
    });
    expect(report.files.map((f) => [f.name, f.kind, f.rows, f.encoding])).toEqual([
      ['cases.csv', 'cases', 2, 'utf-8'],
      ['contacts.csv', 'contacts', 2, 'utf-8'],
      ['needs.csv', 'needs', 1, 'utf-8'],
      ['registrations.csv', 'registrations', 2, 'utf-8'],
      ['staff.csv', 'staff', 2, 'utf-8'],
    ]);
    expect(report.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(checksum(db)).toBe(before);
  });

  it('commits everything in one go, storing dates as ISO and codes upper-cased', async () => {
    const db = memoryDb();
    const report = await run(db, writeExtract(minimalExtract()), { commit: true });
    expect(report.committed).toBe(true);
    expect(db.prepare('SELECT crn, allocation_date, in_caseload FROM cases ORDER BY crn').all()).toEqual([
      { crn: 'X000001', allocation_date: '2026-09-17', in_caseload: 1 },
      { crn: 'X000002', allocation_date: '2025-03-01', in_caseload: 1 },
    ]);
    expect(db.prepare(`SELECT level_code, category_code FROM registrations WHERE register_code = 'MAPP'`).get()).toEqual({ level_code: 'M1', category_code: 'M2' });
    const log = db.prepare('SELECT outcome, os_user, files_json FROM import_log').get() as { outcome: string; os_user: string; files_json: string };
    expect(log.outcome).toBe('committed');
    expect(log.os_user).toBe('tester');
    expect(JSON.parse(log.files_json)).toHaveLength(5);
  });

  it('recognises the very same files again and changes nothing but the import log', async () => {
    const db = memoryDb();
    const dir = writeExtract(minimalExtract());
    await run(db, dir, { commit: true });
    const before = checksum(db, ['import_log']);
    const again = await run(db, dir, { commit: true });
    expect(again).toMatchObject({ alreadyImported: true, committed: false, cases: { new: 0, updated: 0, unchanged: 2, leftCaseload: 0 } });
    expect(checksum(db, ['import_log'])).toBe(before);
    expect(db.prepare('SELECT outcome FROM import_log ORDER BY id').pluck().all()).toEqual(['committed', 'already-imported']);
  });

  it('replaces the snapshot: a departed case is kept and marked, changed cases are counted', async () => {
    const db = memoryDb();
    await run(db, writeExtract(minimalExtract()), { commit: true });
    const next = withFiles({
      'cases.csv': `${headers.cases}\nX000001,Ann Example,1980-01-02,N99P001,2026-09-17,COMMUNITY,Community Order,B1,HIGH,2026-09-10\nX000003,Cy New,,N99P001,2026-11-01,,,,,\n`,
      'registrations.csv': `${headers.registrations}\nX000001,RHRH,,,2026-09-10,,\n`,
      'contacts.csv': `${headers.contacts}\nX000001,2001,2026-11-02,MO1,N99S001\n`,
      'needs.csv': `${headers.needs}\n`,
    });
    const preview = await run(db, next);
    expect(preview.cases).toEqual({ new: 1, updated: 1, unchanged: 0, leftCaseload: 1 });
    await run(db, next, { commit: true });
    expect(db.prepare('SELECT crn, in_caseload, left_import_id IS NOT NULL AS marked FROM cases ORDER BY crn').all()).toEqual([
      { crn: 'X000001', in_caseload: 1, marked: 0 },
      { crn: 'X000002', in_caseload: 0, marked: 1 },
      { crn: 'X000003', in_caseload: 1, marked: 0 },
    ]);
    expect(db.prepare('SELECT contact_id FROM contacts').pluck().all()).toEqual(['2001']);
    expect(db.prepare('SELECT count(*) FROM needs').pluck().get()).toBe(0);
  });

  it('keeps unknown columns and codes as written, and reports them', async () => {
    const db = memoryDb();
    const dir = withFiles({
      'cases.csv': `CRN, Name ,STAFF_CODE,allocation_date,pnc_number,rosh_level\nx000001,Ann Example,n99p001,2026-09-17,99/123A,high\n`,
      'registrations.csv': `${headers.registrations}\nX000001,wrsm,,,2026-09-10,,\n`,
      'contacts.csv': `${headers.contacts}\n`,
      'needs.csv': `${headers.needs}\n`,
    });
    const report = await run(db, dir, { commit: true });
    expect(report.errors).toEqual([]);
    expect(report.unknownColumns).toEqual([{ file: 'cases.csv', columns: ['pnc_number'] }]);
    expect(report.warnings.map((w) => w.reason).join('\n')).toMatch(/1 rows have a register_code the app does not know \(WRSM\); kept as written/);
    expect(db.prepare('SELECT crn, staff_code, rosh_level, raw_json, extra_json FROM cases').get()).toEqual({
      crn: 'X000001',
      staff_code: 'N99P001',
      rosh_level: 'HIGH',
      raw_json: JSON.stringify({ staff_code: 'n99p001', rosh_level: 'high' }),
      extra_json: JSON.stringify({ pnc_number: '99/123A' }),
    });
    expect(db.prepare('SELECT register_code, raw_json FROM registrations').get()).toEqual({ register_code: 'WRSM', raw_json: '{"register_code":"wrsm"}' });
  });

  it('warns about cases whose practitioner is not in the staff file', async () => {
    const db = memoryDb();
    const report = await run(db, withFiles({ 'staff.csv': `${headers.staff}\nN99P001,Pat Example,PSM,N99T01,,,,,\n` }));
    expect(report.warnings).toContainEqual({ file: 'staff.csv', reason: expect.stringMatching(/^1 cases name a staff_code that the staff file does not hold \(N99P002\)/) as string });
  });
});

describe('import: row errors name the file, line, column and reason', () => {
  it('lists every bad value and refuses the import in strict mode', async () => {
    const db = memoryDb();
    const before = checksum(db, ['import_log']);
    const dir = withFiles({
      'cases.csv': [
        headers.cases,
        'X000001,Ann Example,1980-01-02,N99P001,2026-09-17,COMMUNITY,,B2,HIGH,2026-09-10',
        'X12345,Bad Crn,,N99P001,2026-09-17,,,,,',
        'X000003,Bad Date,,N99P001,31/02/2026,,,,,',
        'X000004,Bad Rosh,,N99P001,2026-09-17,,,,SEVERE,',
        'X000001,Twice,,N99P001,2026-09-17,,,,,',
        'X000005,"Multi',
        'line name",,N99P001,2026-09-17,,,,,',
        'X000006,Short row',
        '',
        'X000007,Nul\u0000Name,,N99P001,2026-09-17,,,,,',
      ].join('\r\n'),
      'registrations.csv': `${headers.registrations}\nX000001,MAPP,L1,M2,2026-09-10,,\nX999999,RHRH,,,2026-09-10,,\n`,
    });
    const report = await run(db, dir, { commit: true });
    expect(report.committed).toBe(false);
    expect(report.errors).toEqual([
      { file: 'cases.csv', line: 3, column: 'crn', reason: 'not a CRN (one letter and six digits): X12345' },
      { file: 'cases.csv', line: 4, column: 'allocation_date', reason: 'not a date: 31/02/2026' },
      { file: 'cases.csv', line: 5, column: 'rosh_level', reason: 'not one of LOW, MEDIUM, HIGH, VERY_HIGH: SEVERE' },
      { file: 'cases.csv', line: 6, column: 'crn', reason: 'duplicate crn X000001 (first on line 2 of cases.csv)' },
      { file: 'cases.csv', line: 9, reason: 'the row has 2 fields; the header has 10' },
      { file: 'cases.csv', line: 11, column: 'name', reason: 'contains a NUL byte at character 4' },
      { file: 'registrations.csv', line: 2, column: 'level_code', reason: 'not a MAPPA level (M1, M2 or M3): L1' },
      { file: 'registrations.csv', line: 3, column: 'crn', reason: 'crn X999999 is not in the cases file' },
      { file: 'contacts.csv', line: 3, column: 'crn', reason: 'crn X000002 is not in the cases file' },
    ]);
    expect(report.rejected).toBe(9);
    expect(checksum(db, ['import_log'])).toBe(before);
    expect(db.prepare('SELECT outcome, rejected FROM import_log').get()).toEqual({ outcome: 'refused', rejected: 9 });
  });

  it('imports the valid rows with --skip-invalid and records the skipped ones in the log', async () => {
    const db = memoryDb();
    const dir = withFiles({
      'contacts.csv': `${headers.contacts}\nX000001,1,2026-09-20,MO1,\nX000002,1,2026-09-21,MO1,\nX000001,2,2026-13-01,MO1,\n`,
    });
    const report = await run(db, dir, { commit: true, skipInvalid: true });
    expect(report.committed).toBe(true);
    // In the order of the file's lines: a duplicate is found as its row is staged, not when a batch is.
    expect(report.errors).toEqual([
      { file: 'contacts.csv', line: 3, column: 'contact_id', reason: 'duplicate contact_id (first on line 2 of contacts.csv)' },
      { file: 'contacts.csv', line: 4, column: 'contact_date', reason: 'not a date: 2026-13-01' },
    ]);
    expect(db.prepare('SELECT contact_id, crn FROM contacts').all()).toEqual([{ contact_id: '1', crn: 'X000001' }]);
    const log = db.prepare('SELECT skip_invalid, rejected, errors_json FROM import_log').get() as { skip_invalid: number; rejected: number; errors_json: string };
    expect(log.skip_invalid).toBe(1);
    expect(log.rejected).toBe(2);
    expect(JSON.parse(log.errors_json)).toHaveLength(2);
  });

  it('checks contact_id uniqueness across files of one kind, split as contacts-01, contacts-02', async () => {
    const db = memoryDb();
    const { 'contacts.csv': _drop, ...rest } = minimalExtract();
    const dir = writeExtract({
      ...rest,
      'contacts-01.csv': `${headers.contacts}\nX000001,7,2026-09-20,MO1,\n`,
      'contacts-02.csv': `crn,contact_date,contact_id,contact_type_code\nX000002,2026-09-21,8,C281\nX000002,2026-09-22,7,C281\n`,
    });
    const report = await run(db, dir);
    expect(report.rows.contacts).toBe(2);
    expect(report.errors).toEqual([{ file: 'contacts-02.csv', line: 3, column: 'contact_id', reason: 'duplicate contact_id (first on line 2 of contacts-01.csv)' }]);
  });

  it('names a rejected cases row when another file refers to its CRN', async () => {
    const db = memoryDb();
    const dir = withFiles({
      'cases.csv': `${headers.cases}\nX000001,Ann Example,,N99P001,not-a-date,,,,,\nX000002,Bo Sample,,N99P002,2025-03-01,,,,,\n`,
      'registrations.csv': `${headers.registrations}\nX000001,RHRH,,,2026-09-10,,\n`,
      'contacts.csv': `${headers.contacts}\n`,
      'needs.csv': `${headers.needs}\n`,
    });
    const report = await run(db, dir);
    expect(report.errors[1]).toEqual({ file: 'registrations.csv', line: 2, column: 'crn', reason: 'crn X000001 is on a cases row that was rejected (line 2 of cases.csv)' });
  });

  it('lists the first errors and counts the rest', async () => {
    const db = memoryDb();
    const rows = Array.from({ length: 30 }, (_, i) => `X${String(100000 + i)},1001${i},not-a-date,MO1,`);
    const dir = withFiles({ 'contacts.csv': `${headers.contacts}\n${rows.join('\n')}\n` });
    const report = await run(db, dir, { limits: { maxErrorsListed: 10 } });
    expect(report.errors).toHaveLength(10);
    expect(report.errorsOmitted).toBe(20);
    expect(report.rejected).toBe(30);
  });
});

describe('import: whole-file problems', () => {
  it('refuses a Windows-1252 file unless the encoding is confirmed, naming its characters', async () => {
    const db = memoryDb();
    const text = `${headers.cases}\nX000001,Zoë O’Example,,N99P001,2026-09-17,,,,,\nX000002,Bo £Sample,,N99P002,2025-03-01,,,,,\n`;
    const bytes = Buffer.from(new Uint8Array(Array.from(text).map((ch) => ({ 'ë': 0xeb, '’': 0x92, '£': 0xa3 })[ch] ?? ch.charCodeAt(0))));
    const dir = withFiles({ 'cases.csv': bytes });
    const refused = await run(db, dir, { commit: true });
    expect(refused.committed).toBe(false);
    expect(refused.encodingQuestion).toEqual([
      { file: 'cases.csv', encoding: 'windows-1252', characters: [{ char: 'ë', line: 2 }, { char: '’', line: 2 }, { char: '£', line: 3 }] },
    ]);
    expect(refused.errors[0]?.reason).toMatch(/^not UTF-8: it looks like Windows-1252.*ë \(line 2\), ’ \(line 2\), £ \(line 3\)/);
    const accepted = await run(db, dir, { commit: true, encoding: 'windows-1252' });
    expect(accepted.committed).toBe(true);
    expect(accepted.files.find((f) => f.name === 'cases.csv')?.encoding).toBe('windows-1252');
    expect(db.prepare(`SELECT name FROM cases WHERE crn = 'X000001'`).pluck().get()).toBe('Zoë O’Example');
  });

  it('accepts UTF-8 with a byte-order mark and mixed line ends', async () => {
    const db = memoryDb();
    const cases = `\ufeff${headers.cases}\r\nX000001,Ann,,N99P001,2026-09-17,,,,,\nX000002,"Bo\r\nSample",,N99P002,2025-03-01,,,,,\r\n`;
    const report = await run(db, withFiles({ 'cases.csv': cases }), { commit: true });
    expect(report.errors).toEqual([]);
    expect(report.files[0]?.encoding).toBe('utf-8-bom');
    expect(db.prepare(`SELECT name FROM cases WHERE crn = 'X000002'`).pluck().get()).toBe('Bo\nSample');
  });

  it.each([
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${headers.cases}\n`, 'utf16le')]), /encoded as UTF-16LE/],
    ['UTF-16 without a BOM', Buffer.from(`${headers.cases}\nX000001,Ann,,N99P001,2026-09-17,,,,,\n`, 'utf16le'), /encoded as UTF-16LE/],
    ['binary', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37) % 256)), /not a text file/],
    ['empty', Buffer.alloc(0), /the file is empty/],
    ['truncated mid-quote', `${headers.cases}\nX000001,"Ann Exa`, /a quoted field is never closed/],
    ['badly quoted', `${headers.cases}\nX000001,"Ann"Example,,N99P001,2026-09-17,,,,,\n`, /not closed properly/],
    ['unrecognised', 'a,b,c\n1,2,3\n', /matches no kind/],
  ])('refuses a %s cases file with a clear message and writes nothing', async (_label, body, message) => {
    const db = memoryDb();
    const before = checksum(db, ['import_log']);
    const report = await run(db, withFiles({ 'cases.csv': body }), { commit: true });
    expect(report.committed).toBe(false);
    expect(report.errors.find((e) => e.file === 'cases.csv')?.reason).toMatch(message);
    expect(checksum(db, ['import_log'])).toBe(before);
  });

  it('refuses an extract without its required files', async () => {
    const db = memoryDb();
    const { 'contacts.csv': _c, ...rest } = minimalExtract();
    const report = await run(db, writeExtract(rest));
    expect(report.errors).toContainEqual({ file: '(extract)', reason: expect.stringMatching(/^no contacts file/) as string });
  });

  it('refuses files over the size or row limits before parsing them', async () => {
    const db = memoryDb();
    const big = await run(db, withFiles({}), { limits: { maxFileBytes: 100 } });
    expect(big.errors.find((e) => e.file === 'cases.csv')?.reason).toMatch(/over the 0 MB limit for one file; split the extract/);
    const many = await run(db, withFiles({}), { limits: { maxRows: 1 } });
    expect(many.errors.find((e) => e.file === 'cases.csv')?.reason).toMatch(/^2 rows is over the 1-row limit/);
  });

  it('refuses a field longer than the limit as a row error', async () => {
    const db = memoryDb();
    const dir = withFiles({});
    writeFileSync(join(dir, 'needs.csv'), `${headers.needs}\nX000001,${'D'.repeat(10_001)},,,\n`);
    const report = await run(db, dir);
    expect(report.errors).toEqual([{ file: 'needs.csv', line: 2, column: 'need', reason: 'longer than 10,000 characters (10,001)' }]);
  });

  it('reads a header of 10,000 columns, keeping the unknown ones aside', async () => {
    const db = memoryDb();
    const extra = Array.from({ length: 10_000 }, (_, i) => `x${i}`);
    const dir = withFiles({ 'needs.csv': `${headers.needs},${extra.join(',')}\nX000001,DRUG,,,,${extra.map(() => '').join(',')}\n` });
    const report = await run(db, dir);
    expect(report.errors).toEqual([]);
    expect(report.unknownColumns[0]?.columns).toHaveLength(10_000);
  });
});
