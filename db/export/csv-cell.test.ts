import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, neutralise, readCell } from './csv-cell.js';

/** What a spreadsheet reads back from one cell of the file. */
const cellOf = (value: string): string => Papa.parse<string[]>(csvCell(value), { delimiter: ',', newline: '\r\n' }).data[0]?.[0] ?? '';

describe('a CSV cell that a spreadsheet could run', () => {
  it('is neutralised when spaces, tabs, line breaks or quotes come before the formula sign', () => {
    for (const payload of [' =1+1', '   +cmd', '\t@SUM(A1)', '\n=1+1', ' \t -2+3', '"=HYPERLINK(""x"")', "' =1", '\u00a0=1', '\u3000=1']) {
      const cell = cellOf(payload);
      expect(cell.startsWith("'"), JSON.stringify(payload)).toBe(true);
      expect(readCell(cell), JSON.stringify(payload)).toBe(payload);
    }
  });

  it('is neutralised when the sign is its full-width form, alone or after padding', () => {
    for (const payload of ['\uff1d1+1', '\uff0bcmd', '\uff0d2+3', '\uff20SUM(A1)', '  \uff1dA1']) {
      expect(neutralise(payload), JSON.stringify(payload)).toBe(`'${payload}`);
      expect(readCell(neutralise(payload))).toBe(payload);
    }
  });

  it('leaves text that only contains a sign later, padded words and genuine numbers as they are', () => {
    for (const plain of ['ordinary text', ' leading space', 'a = b', 'owner: SPO', '  two words', '-5', '+7', '-0.5', '12 March 2026', 'café']) {
      expect(neutralise(plain), JSON.stringify(plain)).toBe(plain);
      expect(readCell(plain)).toBe(plain);
    }
  });

  it('undoes exactly whatever it did, for every cell of one character and a sign', () => {
    const signs = ['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20', "'", '"', ' ', '\t', '\r', '\n', 'a', '1'];
    for (const a of signs) {
      for (const b of signs) {
        const value = `${a}${b}x`;
        expect(readCell(neutralise(value)), JSON.stringify(value)).toBe(value);
      }
    }
  });
});
