import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvField, csvLine, CsvFileWriter, partName, RotatingCsvWriter } from './csv-writer.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'spo-csv-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('csvField', () => {
  it('leaves plain text alone and quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvField("Zoë O'Brackley")).toBe("Zoë O'Brackley");
    expect(csvField('Smith, John')).toBe('"Smith, John"');
    expect(csvField('the "Lodge"')).toBe('"the ""Lodge"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\n');
  });
});

describe('CsvFileWriter', () => {
  it('counts rows without the header and bytes as UTF-8, through many buffer flushes', () => {
    const w = new CsvFileWriter(dir, 'x.csv', ['name'], 64);
    for (let i = 0; i < 100; i++) w.write('Siân\n');
    w.write(`${'é'.repeat(100)}\n`);
    const file = w.close();
    const text = readFileSync(join(dir, 'x.csv'), 'utf8');
    expect(file).toEqual({ name: 'x.csv', rows: 101, bytes: statSync(join(dir, 'x.csv')).size });
    expect(text).toBe(`name\n${'Siân\n'.repeat(100)}${'é'.repeat(100)}\n`);
    expect(w.close()).toEqual(file);
  });
});

describe('RotatingCsvWriter', () => {
  it('starts a new numbered part with its own header at the row limit', () => {
    const w = new RotatingCsvWriter(dir, 'contacts', ['n'], 3);
    for (let i = 1; i <= 7; i++) w.write(`${i}\n`);
    expect(w.close().map((f) => [f.name, f.rows])).toEqual([
      ['contacts-01.csv', 3],
      ['contacts-02.csv', 3],
      ['contacts-03.csv', 1],
    ]);
    expect(readFileSync(join(dir, 'contacts-03.csv'), 'utf8')).toBe('n\n7\n');
  });

  it('writes a header-only first part when there are no rows', () => {
    expect(new RotatingCsvWriter(dir, 'contacts', ['n'], 3).close()).toEqual([{ name: 'contacts-01.csv', rows: 0, bytes: 2 }]);
    expect(readdirSync(dir)).toEqual(['contacts-01.csv']);
  });

  it('numbers parts with at least two digits', () => {
    expect(partName('contacts', 1)).toBe('contacts-01.csv');
    expect(partName('contacts', 123)).toBe('contacts-123.csv');
  });
});
