import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { scales } from '../contract/index.js';
import { DomainError } from '../errors.js';
import { Allocator } from './allocation.js';
import { CaseWriter, DAYS_BACK } from './caseload.js';
import { columns } from './columns.js';
import { crnFor, MAX_CASES } from './crn.js';
import { CsvFileWriter, RotatingCsvWriter, type WrittenFile } from './csv-writer.js';
import { DayFormatter, parseIsoDay } from './dates.js';
import { buildPdu, PDUS_PER_SCALE, staffLine } from './org.js';
import { drawPlan } from './plan.js';
import { Rng, seedWords, STREAM } from './random.js';
import { scenarioSlots } from './scenarios.js';
import type { GeneratedFile, GenerateOptions, GenerateSummary } from './types.js';

export interface GeneratorLimits {
  /** Data rows per contacts file; the importer refuses more than 2,000,000 in one file. */
  contactsPerFile: number;
}

export const DEFAULT_LIMITS: GeneratorLimits = { contactsPerFile: 1_000_000 };

const PROGRESS_EVERY = 50_000;
/** Let timers and I/O callbacks run now and then, so a caller's progress display keeps moving. */
const YIELD_EVERY = 10_000;
/** nDelius contact IDs are ten digits long; starting there keeps the synthetic ones alike. */
const FIRST_CONTACT_ID = 1_000_000_001;
const CONTACTS_FILE = /^contacts-\d+\.csv$/;

function validate(opts: GenerateOptions): number {
  if (!scales.includes(opts.scale)) throw new DomainError('invalid-input', `scale must be one of ${scales.join(', ')}`, 'scale');
  if (!Number.isSafeInteger(opts.seed)) throw new DomainError('invalid-input', 'seed must be a whole number', 'seed');
  if (typeof opts.outDir !== 'string' || opts.outDir.trim() === '') throw new DomainError('invalid-input', 'outDir must name a folder', 'outDir');
  const asOf = parseIsoDay(opts.asOf);
  if (asOf === null || opts.asOf < '1900-01-01') throw new DomainError('invalid-input', `asOf must be a date as YYYY-MM-DD: ${opts.asOf}`, 'asOf');
  return asOf;
}

const tick = (): Promise<void> => new Promise((done) => setImmediate(done));

/**
 * Removes contacts parts left by an earlier, larger run into the same folder: the importer reads
 * every file of a kind, and a stale part would bring in contacts for cases that no longer exist.
 */
function removeStaleParts(dir: string, written: readonly WrittenFile[]): void {
  const keep = new Set(written.map((f) => f.name));
  for (const name of readdirSync(dir)) if (CONTACTS_FILE.test(name) && !keep.has(name)) unlinkSync(resolve(dir, name));
}

/** generateExtract with internal limits a test can lower (see index.ts for the public API). */
export async function runGenerator(opts: GenerateOptions, limits: GeneratorLimits = DEFAULT_LIMITS): Promise<GenerateSummary> {
  const asOf = validate(opts);
  const outDir = resolve(opts.outDir);
  mkdirSync(outDir, { recursive: true });
  const seed = seedWords(opts.seed);
  const report = opts.onProgress ?? ((): void => undefined);

  const pduCount = PDUS_PER_SCALE[opts.scale];
  report({ phase: 'staff', done: 0, total: pduCount });
  const pdus = Array.from({ length: pduCount }, (_, i) => buildPdu(seed, i));
  const totalCases = pdus.reduce((n, p) => n + p.caseCount, 0);
  if (totalCases > MAX_CASES) throw new RangeError(`too many cases for unique CRNs: ${totalCases}`);
  report({ phase: 'staff', done: pduCount, total: pduCount });

  const open: { close(): WrittenFile | WrittenFile[] }[] = [];
  const track = <W extends { close(): WrittenFile | WrittenFile[] }>(w: W): W => (open.push(w), w);
  try {
    const staff = track(new CsvFileWriter(outDir, 'staff.csv', columns.staff));
    const cases = track(new CsvFileWriter(outDir, 'cases.csv', columns.cases));
    const registrations = track(new CsvFileWriter(outDir, 'registrations.csv', columns.registrations));
    const needs = track(new CsvFileWriter(outDir, 'needs.csv', columns.needs));
    const contacts = track(new RotatingCsvWriter(outDir, 'contacts', columns.contacts, limits.contactsPerFile));

    for (const pdu of pdus) for (const s of pdu.staff) staff.write(staffLine(pdu, s));

    const writer = new CaseWriter({ cases, registrations, contacts, needs }, new DayFormatter(asOf, DAYS_BACK), asOf, FIRST_CONTACT_ID);
    const crnOffset = new Rng([seed[0], seed[1], STREAM.crn]).int(0, MAX_CASES - 1);
    let done = 0;
    report({ phase: 'cases', done, total: totalCases });
    for (const pdu of pdus) {
      // One stream per PDU, so a PDU's draws do not depend on how many the PDUs before it made.
      const rng = new Rng([seed[0], seed[1], STREAM.cases, pdu.index]);
      const allocator = new Allocator(pdu.practitioners);
      const slots = scenarioSlots(pdu.caseCount);
      for (let i = 0; i < pdu.caseCount; i++) {
        const plan = drawPlan(rng);
        slots.get(i)?.apply(plan);
        writer.write(rng, crnFor(done, crnOffset), plan, allocator);
        done++;
        if (done % PROGRESS_EVERY === 0) report({ phase: 'cases', done, total: totalCases });
        if (done % YIELD_EVERY === 0) await tick();
      }
    }
    if (done % PROGRESS_EVERY !== 0) report({ phase: 'cases', done, total: totalCases });

    const contactFiles = contacts.close();
    removeStaleParts(outDir, contactFiles);
    const files: GeneratedFile[] = [
      { ...cases.close(), kind: 'cases' },
      { ...registrations.close(), kind: 'registrations' },
      ...contactFiles.map((f): GeneratedFile => ({ ...f, kind: 'contacts' })),
      { ...staff.close(), kind: 'staff' },
      { ...needs.close(), kind: 'needs' },
    ];
    return { outDir, scale: opts.scale, seed: opts.seed, asOf: opts.asOf, cases: totalCases, staff: staff.rows, files };
  } finally {
    // Closing twice is harmless; on an error path this releases every descriptor still open.
    for (const w of open) w.close();
  }
}
