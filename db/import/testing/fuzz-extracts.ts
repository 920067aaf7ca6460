import fc from 'fast-check';
import { headers, minimalExtract, type ExtractFiles } from '../../testing/extract.js';

/**
 * Generated and mutated caseload extracts for the import fuzz test (issue 8): valid extracts of a
 * few cases, then damage of the kinds real files suffer — columns dropped, duplicated or swapped,
 * files cut off mid-quote, stray or invalid bytes, huge fields, bad dates, CRNs and codes, mixed
 * line ends, byte-order marks, other encodings, empty and missing files.
 */

const crnOf = (n: number) => `X${String(n).padStart(6, '0')}`;
const codes = {
  register: ['RHRH', 'RVHR', 'MAPP', 'ADVP', 'RCCO', 'ZZZZ'],
  contact: ['MO1', 'CSPO', 'C281', 'C369', 'SFGC', 'COAP'],
  need: ['DRUG', 'ALCOHOL', 'ETE', 'FINANCE'],
  rosh: ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH', ''],
} as const;

/** A valid extract of 1–12 cases, so that commits happen and the snapshot keeps changing. */
export const validExtract: fc.Arbitrary<ExtractFiles> = fc
  .record({
    crns: fc.uniqueArray(fc.integer({ min: 1, max: 999_999 }), { minLength: 1, maxLength: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    pick: fc.nat(),
    name: fc.constantFrom('Ann Example', 'Zoë O’Example', '"Quoted, Name"', 'Bo Sample', 'Łukasz Ñandú'),
  })
  .map(({ crns, day, pick, name }) => {
    const d = `2026-10-${String(day).padStart(2, '0')}`;
    const at = <T>(list: readonly T[], i: number): T => list[(pick + i) % list.length] as T;
    const cases = crns.map((n, i) => `${crnOf(n)},${name},1980-01-02,N99P00${i % 2 + 1},${d},COMMUNITY,Community Order,B2,${at(codes.rosh, i)},${d}`);
    const regs = crns.map((n, i) => `${crnOf(n)},${at(codes.register, i)},${i % 3 === 0 ? 'M1' : ''},,${d},,`);
    const contacts = crns.map((n, i) => `${crnOf(n)},${pick % 1000}${i},${d},${at(codes.contact, i)},N99P001`);
    const needs = crns.map((n, i) => `${crnOf(n)},${at(codes.need, i)},SEVERE,Y,N`);
    return {
      'cases.csv': `${headers.cases}\n${cases.join('\n')}\n`,
      'registrations.csv': `${headers.registrations}\n${regs.join('\n')}\n`,
      'contacts.csv': `${headers.contacts}\n${contacts.join('\n')}\n`,
      'staff.csv': `${headers.staff}\nN99P001,Pat Example,PSM,N99T01,Team One,N99PDU,Example PDU,100,124\nN99P002,Sam Example,PSQ,N99T01,Team One,N99PDU,Example PDU,80,40\n`,
      'needs.csv': `${headers.needs}\n${needs.join('\n')}\n`,
    };
  });

export const baseExtract: fc.Arbitrary<ExtractFiles> = fc.oneof(fc.constant(minimalExtract()), validExtract);

/** Values that are wrong in a field, or right but awkward. */
const awkwardValues = [
  '2026-02-30', '31/13/2025', '2026-1-5', 'yesterday', '0000-00-00', '29/02/2025',
  'X12345', '1234567', 'XX123456', 'x000001', ' X000001 ', '',
  'SUPERHIGH', 'very_high', 'M9', 'maybe', '-1', '1e309', 'NaN',
  '"', '""', '"a\nb"', '"a\r\nb"', 'a"b', '\u0000', '\u0001', '\u007f', '\t', 'Zoë', '£5', '\u2028', '😀',
] as const;

/** Byte sequences that are not valid UTF-8 (a lone continuation, overlong, a surrogate, 0xFF). */
const invalidUtf8 = [[0x80], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]] as const;

export type Mutation =
  | { kind: 'drop-column' | 'duplicate-column'; col: number }
  | { kind: 'swap-columns'; a: number; b: number; headerOnly: boolean }
  | { kind: 'set-field'; row: number; col: number; value: string }
  | { kind: 'huge-field'; row: number; col: number; length: number }
  | { kind: 'truncate-mid-quote'; at: number }
  | { kind: 'insert-bytes'; at: number; bytes: Uint8Array }
  | { kind: 'invalid-utf8'; at: number; which: number }
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'line-ends'; mode: 'crlf' | 'mixed' | 'cr' }
  | { kind: 'bom' | 'empty' | 'utf-16le' | 'windows-1252' | 'header-only' }
  | { kind: 'remove' }
  | { kind: 'rename' }
  | { kind: 'replace'; bytes: Uint8Array };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop-column' as const, 'duplicate-column' as const), col: fc.nat() }),
  fc.record({ kind: fc.constant('swap-columns' as const), a: fc.nat(), b: fc.nat(), headerOnly: fc.boolean() }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('set-field' as const), row: fc.nat(), col: fc.nat(), value: fc.oneof(fc.constantFrom(...awkwardValues), fc.string({ maxLength: 12 })) }) },
  fc.record({ kind: fc.constant('huge-field' as const), row: fc.nat(), col: fc.nat(), length: fc.constantFrom(10_000, 10_001, 70_000) }),
  fc.record({ kind: fc.constant('truncate-mid-quote' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert-bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('invalid-utf8' as const), at: fc.nat(), which: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('line-ends' as const), mode: fc.constantFrom('crlf' as const, 'mixed' as const, 'cr' as const) }),
  fc.record({ kind: fc.constantFrom('bom' as const, 'empty' as const, 'remove' as const, 'rename' as const, 'utf-16le' as const, 'windows-1252' as const, 'header-only' as const) }),
  fc.record({ kind: fc.constant('replace' as const), bytes: fc.uint8Array({ maxLength: 300 }) }),
);

/**
 * Naive CSV cells (split on LF and comma): mutations need not respect quoting, damage is the point.
 * Latin-1 maps bytes one to one, so earlier damage (invalid UTF-8) survives later mutations as is.
 */
function cells(body: Buffer): string[][] {
  return body.toString('latin1').split('\n').map((line) => line.split(','));
}
const joinCells = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'latin1');
const utf8AsLatin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

function mapColumns(body: Buffer, f: (row: string[], isHeader: boolean) => string[]): Buffer {
  return joinCells(cells(body).map((r, i) => (r.length === 1 && r[0] === '' ? r : f(r, i === 0))));
}

function spliceBytes(body: Buffer, at: number, remove: number, insert: Uint8Array = new Uint8Array()): Buffer {
  const i = body.length ? at % (body.length + 1) : 0;
  return Buffer.concat([body.subarray(0, i), insert, body.subarray(i + remove)]);
}

/** Windows-1252 bytes for the few non-ASCII characters the valid extracts hold. */
function toWindows1252(text: string): Buffer {
  const table: Record<string, number> = { 'ë': 0xeb, '’': 0x92, '£': 0xa3, 'é': 0xe9, 'Ñ': 0xd1, 'ú': 0xfa };
  return Buffer.from(Array.from(text).map((ch) => table[ch] ?? (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : 0x3f)));
}

/** Applies one mutation to one file of an extract (in place on the map). */
export function mutate(files: Map<string, Buffer>, name: string, m: Mutation): void {
  const body = files.get(name);
  if (body === undefined) return;
  if (m.kind === 'remove' || m.kind === 'rename') {
    files.delete(name);
    if (m.kind === 'rename') files.set(`${name}.txt`, body);
  } else files.set(name, mutatedBody(body, m));
}

function mutatedBody(body: Buffer, m: Exclude<Mutation, { kind: 'remove' } | { kind: 'rename' }>): Buffer {
  switch (m.kind) {
    case 'drop-column':
      return mapColumns(body, (r) => r.filter((_, i) => i !== m.col % r.length));
    case 'duplicate-column':
      return mapColumns(body, (r) => [...r, r[m.col % r.length] ?? '']);
    case 'swap-columns':
      return mapColumns(body, (r, isHeader) => {
        if (m.headerOnly && !isHeader) return r;
        const copy = [...r];
        const a = m.a % r.length;
        const b = m.b % r.length;
        [copy[a], copy[b]] = [r[b] ?? '', r[a] ?? ''];
        return copy;
      });
    case 'set-field':
    case 'huge-field': {
      const rows = cells(body);
      const row = rows[m.row % rows.length] ?? [];
      row[m.col % Math.max(1, row.length)] = m.kind === 'set-field' ? utf8AsLatin1(m.value) : 'H'.repeat(m.length);
      return joinCells(rows);
    }
    case 'truncate-mid-quote': {
      const i = body.length ? m.at % body.length : 0;
      return Buffer.concat([body.subarray(0, i), Buffer.from(',"unfinished')]);
    }
    case 'insert-bytes':
      return spliceBytes(body, m.at, 0, m.bytes);
    case 'invalid-utf8':
      return spliceBytes(body, m.at, 0, Uint8Array.from(invalidUtf8[m.which % invalidUtf8.length] ?? [0xff]));
    case 'flip': {
      const copy = Buffer.from(body);
      if (copy.length) copy[m.at % copy.length] = m.value;
      return copy;
    }
    case 'delete':
      return spliceBytes(body, m.at, m.length);
    case 'truncate':
      return body.subarray(0, body.length ? m.at % (body.length + 1) : 0);
    case 'duplicate-line': {
      const lines = body.toString('latin1').split('\n');
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i] ?? '');
      return Buffer.from(lines.join('\n'), 'latin1');
    }
    case 'line-ends': {
      const lines = body.toString('latin1').split('\n');
      const sep = (i: number) => (m.mode === 'crlf' ? '\r\n' : m.mode === 'cr' ? '\r' : i % 2 ? '\r\n' : '\n');
      return Buffer.from(lines.map((l, i) => (i < lines.length - 1 ? l + sep(i) : l)).join(''), 'latin1');
    }
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
    case 'empty':
      return Buffer.alloc(0);
    case 'header-only':
      return Buffer.concat([body.subarray(0, Math.max(0, body.indexOf(0x0a))), Buffer.from('\n')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body.toString('utf8'), 'utf16le')]);
    case 'windows-1252':
      return toWindows1252(body.toString('utf8'));
    case 'replace':
      return Buffer.from(m.bytes);
  }
}

/** One fuzz case: a base extract, the mutations, and how the import is asked to run. */
export const fuzzCase = fc.record({
  base: baseExtract,
  mutations: fc.array(fc.record({ file: fc.constantFrom(...Object.keys(minimalExtract())), change: mutation }), { maxLength: 3 }),
  skipInvalid: fc.boolean(),
  encoding: fc.constantFrom(undefined, undefined, 'windows-1252' as const),
});

export type FuzzCase = typeof fuzzCase extends fc.Arbitrary<infer T> ? T : never;

export function buildFiles(c: FuzzCase): Map<string, Buffer> {
  const files = new Map(Object.entries(c.base).map(([n, b]) => [n, Buffer.from(b)] as const));
  for (const { file, change } of c.mutations) mutate(files, file, change);
  return files;
}
