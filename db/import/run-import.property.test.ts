import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksum, memoryDb, minimalExtract, writeExtract, type ExtractFiles } from '../testing/extract.js';
import { runImport } from './run-import.js';

const now = () => new Date('2026-11-24T09:00:00Z');
const fileNames = Object.keys(minimalExtract());

type Mutation =
  | { kind: 'replace'; bytes: Uint8Array }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate-line'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), bytes: fc.uint8Array({ maxLength: 300 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
);

function apply(original: Buffer, m: Mutation): Buffer {
  const at = (n: number) => (original.length ? n % (original.length + 1) : 0);
  switch (m.kind) {
    case 'replace':
      return Buffer.from(m.bytes);
    case 'insert':
      return Buffer.concat([original.subarray(0, at(m.at)), m.bytes, original.subarray(at(m.at))]);
    case 'delete':
      return Buffer.concat([original.subarray(0, at(m.at)), original.subarray(at(m.at) + m.length)]);
    case 'flip': {
      const copy = Buffer.from(original);
      if (copy.length) copy[m.at % copy.length] = m.value;
      return copy;
    }
    case 'truncate':
      return original.subarray(0, at(m.at));
    case 'duplicate-line': {
      const lines = original.toString('latin1').split('\n');
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i] ?? '');
      return Buffer.from(lines.join('\n'), 'latin1');
    }
  }
}

describe('import: arbitrary and mutated input', () => {
  it('never throws, and leaves the database exactly as it was unless the import committed in full', async () => {
    const db = memoryDb();
    await runImport(db, { paths: [writeExtract(minimalExtract())], skipInvalid: false, commit: true, osUser: 'tester', now });

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ file: fc.constantFrom(...fileNames), change: mutation }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom(undefined, 'windows-1252' as const),
        async (mutations, skipInvalid, encoding) => {
          const files: ExtractFiles = {};
          for (const [name, body] of Object.entries(minimalExtract())) files[name] = Buffer.from(body);
          for (const { file, change } of mutations) files[file] = apply(files[file] as Buffer, change);
          const logBefore = db.prepare('SELECT * FROM import_log ORDER BY id').all();
          const before = checksum(db, ['import_log']);

          const report = await runImport(db, { paths: [writeExtract(files)], skipInvalid, commit: true, osUser: 'tester', now, encoding });

          // Earlier log entries are never touched; at most one entry is added.
          const logAfter = db.prepare('SELECT * FROM import_log ORDER BY id').all();
          expect(logAfter.slice(0, logBefore.length)).toEqual(logBefore);
          expect(logAfter.length - logBefore.length).toBeLessThanOrEqual(1);
          if (!report.committed) expect(checksum(db, ['import_log'])).toBe(before);
          else expect(report.errors.length === 0 || skipInvalid).toBe(true);
          for (const e of report.errors) expect(e.reason).not.toMatch(/\bat \w+ \(|TypeError|undefined/);
        },
      ),
      { numRuns: 150, seed: 20261124 },
    );
  });
});
