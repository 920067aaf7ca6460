import { describe, expect, it } from 'vitest';
import type { Db } from '../connection.js';
import { createService, type Service } from '../service/index.js';
import { checksum, headers, memoryDb, minimalExtract, tempDir, writeExtract } from '../testing/extract.js';

/**
 * Issue 8: the encoding fixtures of caseload-extract.md ("Encoding and syntax"), through the
 * service as the app calls it. Bytes the encoding cannot carry are never silently turned into
 * U+FFFD: the file is refused, or the user confirms Windows-1252 after seeing the characters.
 */

const now = () => new Date('2026-11-28T09:00:00Z');
const names = { X000001: 'Zoë O’Example', X000002: 'Bo £Sample-Café' };
const casesText = `${headers.cases}\nX000001,${names.X000001},,N99P001,2026-09-17,,,,,\nX000002,${names.X000002},,N99P002,2025-03-01,,,,,\n`;

const cp1252: Record<string, number> = { 'ë': 0xeb, '’': 0x92, '£': 0xa3, 'é': 0xe9 };
const windows1252 = (text: string) => Buffer.from(Array.from(text).map((ch) => cp1252[ch] ?? ch.charCodeAt(0)));

function setup(): { db: Db; service: Service } {
  const db = memoryDb();
  return { db, service: createService({ db, osUser: 'tester', now, dataDir: tempDir() }) };
}

async function commit(service: Service, cases: Buffer, encoding?: 'windows-1252') {
  const dir = writeExtract({ ...minimalExtract(), 'cases.csv': cases });
  const result = await service.call('import:commit', { paths: [dir], skipInvalid: false, ...(encoding ? { encoding } : {}) });
  if (!result.ok) throw new Error(`import:commit answered ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Every stored text value holding U+FFFD, in any table. */
function replacementCharacters(db: Db): string[] {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  return tables.flatMap((t) =>
    (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).flat().filter((v): v is string => typeof v === 'string' && v.includes('\uFFFD')).map((v) => `${t}: ${v}`),
  );
}

const storedNames = (db: Db) => Object.fromEntries((db.prepare('SELECT crn, name FROM cases ORDER BY crn').raw().all() as [string, string][]));

describe('import encodings (caseload-extract.md)', () => {
  it('stores UTF-8 text exactly as written', async () => {
    const { db, service } = setup();
    const report = await commit(service, Buffer.from(casesText, 'utf8'));
    expect(report.committed).toBe(true);
    expect(report.files.find((f) => f.name === 'cases.csv')?.encoding).toBe('utf-8');
    expect(storedNames(db)).toEqual(names);
    expect(replacementCharacters(db)).toEqual([]);
  });

  it('reads UTF-8 with a byte-order mark, the mark kept out of the first column', async () => {
    const { db, service } = setup();
    const report = await commit(service, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(casesText, 'utf8')]));
    expect(report.committed).toBe(true);
    expect(report.files.find((f) => f.name === 'cases.csv')?.encoding).toBe('utf-8-bom');
    expect(storedNames(db)).toEqual(names);
    expect(replacementCharacters(db)).toEqual([]);
  });

  it.each([
    ['with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(casesText, 'utf16le')])],
    ['without a byte-order mark', Buffer.from(casesText, 'utf16le')],
  ])('refuses UTF-16LE %s for the whole file, naming the encoding, and writes nothing', async (_label, bytes) => {
    const { db, service } = setup();
    const before = checksum(db, ['import_log']);
    const report = await commit(service, bytes);
    expect(report.committed).toBe(false);
    expect(report.errors.find((e) => e.file === 'cases.csv')?.reason).toMatch(/encoded as UTF-16LE, which the import does not accept; save it as "CSV UTF-8"/);
    expect(checksum(db, ['import_log'])).toBe(before);
  });

  it('asks before reading Windows-1252, showing its characters, and stores them correctly once confirmed', async () => {
    const { db, service } = setup();
    const bytes = windows1252(casesText);
    const asked = await commit(service, bytes);
    expect(asked.committed).toBe(false);
    expect(asked.encodingQuestion?.[0]?.characters.map((c) => c.char)).toEqual(['ë', '’', '£', 'é']);
    expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);

    const confirmed = await commit(service, bytes, 'windows-1252');
    expect(confirmed.committed).toBe(true);
    expect(confirmed.files.find((f) => f.name === 'cases.csv')?.encoding).toBe('windows-1252');
    expect(storedNames(db)).toEqual(names);
    expect(replacementCharacters(db)).toEqual([]);
  });

  it('never replaces invalid UTF-8 with U+FFFD: the file is questioned, and confirmed bytes keep their Windows-1252 meaning', async () => {
    const { db, service } = setup();
    // "Zoë" with its second byte lost (a lone lead byte), as a cut-and-paste or a bad export leaves it.
    const bytes = Buffer.from(casesText.replace('Zoë', 'Zo\u0000'), 'utf8');
    bytes[bytes.indexOf(0)] = 0xc3;
    const asked = await commit(service, bytes);
    expect(asked.committed).toBe(false);
    expect(asked.encodingQuestion?.[0]?.file).toBe('cases.csv');
    expect(replacementCharacters(db)).toEqual([]);

    const confirmed = await commit(service, bytes, 'windows-1252');
    expect(confirmed.committed).toBe(true);
    expect(storedNames(db).X000001).toBe('ZoÃ O’Example'.replace('’', 'â€™'));
    expect(replacementCharacters(db)).toEqual([]);
  });

  it('refuses a byte Windows-1252 leaves undefined as a control character on its row, never as U+FFFD', async () => {
    const { db, service } = setup();
    const bytes = windows1252(casesText);
    bytes[bytes.indexOf(0xeb)] = 0x81;
    const report = await commit(service, bytes, 'windows-1252');
    expect(report.committed).toBe(false);
    expect(report.errors).toContainEqual(expect.objectContaining({ file: 'cases.csv', line: 2, column: 'name' }));
    expect(replacementCharacters(db)).toEqual([]);
  });
});
