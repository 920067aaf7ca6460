/** Test fixture: a service over an in-memory database holding the minimal synthetic extract. */
import type { InputOf } from '../../contract/index.js';
import type { Db } from '../../connection.js';
import { runImport } from '../../import/run-import.js';
import { createService, type Service } from '../../service/index.js';
import { memoryDb, minimalExtract, tempDir, writeExtract, type ExtractFiles } from '../../testing/extract.js';

/** 10:00 UTC on 23 November 2026: today in Europe/London is 2026-11-23. */
export const NOW = new Date('2026-11-23T10:00:00Z');
export const TODAY = '2026-11-23';

export interface Fixture {
  db: Db;
  service: Service;
  /** Each onCasesChanged call, in order. */
  changed: string[][];
  dir: string;
}

export async function importExtract(db: Db, files: ExtractFiles = minimalExtract()): Promise<void> {
  const report = await runImport(db, { paths: [writeExtract(files)], skipInvalid: true, commit: true, osUser: 'importer', now: () => NOW });
  if (!report.committed) throw new Error(`fixture import failed: ${JSON.stringify(report.errors)}`);
}

export async function fixture(options: { db?: Db; files?: ExtractFiles } = {}): Promise<Fixture> {
  const db = options.db ?? memoryDb();
  await importExtract(db, options.files);
  const changed: string[][] = [];
  const dir = tempDir('spo-reviews-');
  const service = createService({ db, osUser: 'spo-test', now: () => NOW, dataDir: dir, onCasesChanged: (crns) => changed.push(crns) });
  return { db, service, changed, dir };
}

export function review(overrides: Partial<InputOf<'reviews:record'>> = {}): InputOf<'reviews:record'> {
  return {
    crn: 'X000001',
    type: 'management-oversight',
    date: '2026-11-20',
    spo: { name: 'Sam Senior', staffCode: 'N99S001' },
    triggers: ['OVERSIGHT-NEW'],
    checks: [
      { item: 'risk-assessment', outcome: 'checked' },
      { item: 'police-da', outcome: 'not-available', note: 'Requested from police on 2026-11-18' },
    ],
    analysis: 'High RoSH since September; RMP in place.',
    decision: 'Continue with weekly reporting.',
    actions: [{ text: 'Chase police DA response', owner: 'Pat Example', due: '2026-12-04' }],
    nextReviewDate: '2027-02-12',
    ...overrides,
  };
}

/** Unwraps a service result, failing the test with the error when there is one. */
export async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`expected success, got: ${r.error.message}`);
  return r.value;
}
