import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { runImport } from '../import/run-import.js';
import { gradeMeanings, needMeanings, registerMeanings } from '../contract/words/codes.js';
import { describeCode, type CodeKind } from '../contract/words/meanings.js';
import { memoryDb } from '../testing/extract.js';
import { generateExtract, type GenerateOptions, type GenerateSummary } from './index.js';
import { runGenerator } from './generator.js';
import { dayOf, readExtract, type Extract } from './testing/rule-oracle.js';

const AS_OF = '2026-11-23';
const SPEC_HEADERS = {
  'cases.csv': 'crn,name,date_of_birth,staff_code,allocation_date,case_type,sentence_type,tier,rosh_level,rosh_assessed_on',
  'registrations.csv': 'crn,register_code,level_code,category_code,registration_date,next_review_date,deregistration_date',
  'contacts-01.csv': 'crn,contact_id,contact_date,contact_type_code,staff_code',
  'staff.csv': 'staff_code,name,grade,team_code,team_name,pdu_code,pdu_name,points_available,points_used',
  'needs.csv': 'crn,need,severity,linked_to_harm,linked_to_reoffending',
} as const;

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spo-generate-'));
  dirs.push(dir);
  return dir;
}

function digests(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')]),
  );
}

let dir: string;
let summary: GenerateSummary;
let extract: Extract;

beforeAll(async () => {
  dir = freshDir();
  summary = await generateExtract({ outDir: dir, scale: 'pdu', seed: 1, asOf: AS_OF });
  extract = readExtract(dir);
});

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('generateExtract at PDU scale', () => {
  it('writes the five kinds with exactly the headers of caseload-extract.md', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(SPEC_HEADERS).sort());
    for (const [name, header] of Object.entries(SPEC_HEADERS)) {
      expect(readFileSync(join(dir, name), 'utf8').split('\n')[0]).toBe(header);
    }
  });

  it('writes UTF-8 without a byte-order mark, LF line ends and a final newline', () => {
    for (const name of Object.keys(SPEC_HEADERS)) {
      const bytes = readFileSync(join(dir, name));
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
      expect(bytes.includes(0x0d)).toBe(false);
      expect(bytes.at(-1)).toBe(0x0a);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes).length).toBeGreaterThan(0);
    }
  });

  it('reports each file with the rows and bytes actually written', () => {
    expect(summary.files.map((f) => [f.name, f.kind])).toEqual([
      ['cases.csv', 'cases'],
      ['registrations.csv', 'registrations'],
      ['contacts-01.csv', 'contacts'],
      ['staff.csv', 'staff'],
      ['needs.csv', 'needs'],
    ]);
    for (const f of summary.files) {
      const text = readFileSync(join(dir, f.name), 'utf8');
      expect(f.bytes).toBe(statSync(join(dir, f.name)).size);
      expect(f.rows).toBe(text.split('\n').length - 2);
    }
    expect(summary).toMatchObject({ scale: 'pdu', seed: 1, asOf: AS_OF, cases: extract.cases.length, staff: extract.staff.length });
  });

  it('writes byte-identical files for the same seed', async () => {
    const again = freshDir();
    await generateExtract({ outDir: again, scale: 'pdu', seed: 1, asOf: AS_OF });
    expect(digests(again)).toEqual(digests(dir));
  });

  it('writes different files for a different seed, removing contacts parts left by an earlier run', async () => {
    const other = freshDir();
    writeFileSync(join(other, 'contacts-07.csv'), 'stale part of a larger extract');
    writeFileSync(join(other, 'notes.txt'), 'not ours');
    await generateExtract({ outDir: other, scale: 'pdu', seed: 2, asOf: AS_OF });
    expect(readdirSync(other).sort()).toEqual(['cases.csv', 'contacts-01.csv', 'needs.csv', 'notes.txt', 'registrations.csv', 'staff.csv']);
    const a = digests(dir);
    const b = digests(other);
    for (const name of Object.keys(a)) expect(b[name], name).not.toBe(a[name]);
  });

  it('generates about 2,500 cases and 70 practitioners in teams of 8 to 12, each with one SPO', () => {
    expect(extract.cases.length).toBeGreaterThanOrEqual(2400);
    expect(extract.cases.length).toBeLessThanOrEqual(2600);
    const practitioners = extract.staff.filter((s) => s.grade !== 'PSC');
    expect(practitioners.length).toBeGreaterThanOrEqual(60);
    expect(practitioners.length).toBeLessThanOrEqual(80);
    const teams = new Set(extract.staff.map((s) => s.team_code));
    for (const team of teams) {
      const members = extract.staff.filter((s) => s.team_code === team);
      expect(members.filter((s) => s.grade === 'PSC')).toHaveLength(1);
      expect(members.length - 1).toBeGreaterThanOrEqual(8);
      expect(members.length - 1).toBeLessThanOrEqual(12);
    }
    const spos = new Set(extract.staff.filter((s) => s.grade === 'PSC').map((s) => s.staff_code));
    expect(extract.cases.some((c) => spos.has(c.staff_code ?? ''))).toBe(false);
  });

  it('generates about 60 contacts, 1.6 registrations and 3 to 4 needs per case', () => {
    const per = (n: number): number => n / extract.cases.length;
    expect(per(extract.contacts.length)).toBeGreaterThan(50);
    expect(per(extract.contacts.length)).toBeLessThan(70);
    expect(per(extract.registrations.length)).toBeGreaterThan(1.4);
    expect(per(extract.registrations.length)).toBeLessThan(1.9);
    expect(per(extract.needs.length)).toBeGreaterThanOrEqual(3);
    expect(per(extract.needs.length)).toBeLessThanOrEqual(4);
  });

  it('gives every case a unique CRN of one letter and six digits', () => {
    const crns = extract.cases.map((c) => c.crn ?? '');
    for (const crn of crns) expect(crn).toMatch(/^[A-Z]\d{6}$/);
    expect(new Set(crns).size).toBe(crns.length);
  });

  it('gives staff unique upper-case codes and contacts unique IDs', () => {
    const codes = extract.staff.map((s) => s.staff_code ?? '');
    for (const code of codes) expect(code).toMatch(/^[A-Z0-9]+$/);
    expect(new Set(codes).size).toBe(codes.length);
    const ids = extract.contacts.map((c) => c.contact_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves every CRN and staff code it refers to', () => {
    const crns = new Set(extract.cases.map((c) => c.crn));
    const staff = new Set(extract.staff.map((s) => s.staff_code));
    for (const kind of ['registrations', 'contacts', 'needs'] as const) {
      expect(extract[kind].filter((r) => !crns.has(r.crn)), kind).toEqual([]);
    }
    expect(extract.cases.filter((c) => !staff.has(c.staff_code))).toEqual([]);
    expect(extract.contacts.filter((c) => !staff.has(c.staff_code))).toEqual([]);
  });

  it('dates nothing after the as-of date, except registrations’ next review dates', () => {
    // ISO dates compare correctly as text, which keeps this check quick over 150,000 contacts.
    const dated: [keyof Extract, string][] = [
      ['cases', 'date_of_birth'],
      ['cases', 'allocation_date'],
      ['cases', 'rosh_assessed_on'],
      ['registrations', 'registration_date'],
      ['registrations', 'deregistration_date'],
      ['contacts', 'contact_date'],
    ];
    for (const [kind, column] of dated) {
      for (const row of extract[kind]) {
        const value = row[column] ?? '';
        if (value !== '' && !(value <= AS_OF)) expect.fail(`${kind}.${column} ${value} is after ${AS_OF}`);
      }
    }
    const reviews = extract.registrations.map((r) => r.next_review_date ?? '').filter((d) => d !== '');
    expect(reviews.some((d) => d > AS_OF)).toBe(true);
    expect(reviews.some((d) => d < AS_OF)).toBe(true);
  });

  it('writes only codes the app knows, each with its meaning, so its extract imports without a code warning', async () => {
    const written = (rows: readonly Record<string, string>[], column: string): string[] => [...new Set(rows.map((r) => r[column] ?? '').filter(Boolean))];
    for (const code of written(extract.registrations, 'register_code')) expect(registerMeanings[code], code).toBeDefined();
    for (const code of written(extract.needs, 'need')) expect(needMeanings[code], code).toBeDefined();
    for (const code of written(extract.staff, 'grade')) expect(gradeMeanings[code], code).toBeDefined();
    // Every code a screen, the PDF or the CSV may show has words in the one table of meanings.
    const mapp = extract.registrations.filter((r) => r.register_code === 'MAPP');
    const shown: [CodeKind, string[]][] = [
      ['contact', written(extract.contacts, 'contact_type_code')],
      ['register', written(extract.registrations, 'register_code')],
      ['mappa-level', written(mapp, 'level_code')],
      ['mappa-category', written(mapp, 'category_code')],
      ['grade', written(extract.staff, 'grade')],
      ['rosh', written(extract.cases, 'rosh_level')],
      ['case-type', written(extract.cases, 'case_type')],
      ['sentence-type', written(extract.cases, 'sentence_type')],
      ['need', written(extract.needs, 'need')],
      ['need-severity', written(extract.needs, 'severity')],
    ];
    for (const [kind, codes] of shown) {
      expect(codes.length, kind).toBeGreaterThan(0);
      for (const code of codes) expect(describeCode(kind, code).known, `${kind} ${code}`).toBe(true);
    }
    const report = await runImport(memoryDb(), { paths: [dir], skipInvalid: false, commit: false, osUser: 'tester', now: () => new Date(`${AS_OF}T10:00:00Z`) });
    expect(report.errors).toEqual([]);
    expect(report.warnings.filter((w) => /does not know/.test(w.reason))).toEqual([]);
  });

  it('spreads allocation dates over the last three years, weighted to the recent', () => {
    const ages = extract.cases.map((c) => dayOf(AS_OF) - dayOf(c.allocation_date ?? ''));
    expect(Math.max(...ages)).toBeLessThanOrEqual(3 * 366);
    expect(ages.filter((a) => a <= 90).length / ages.length).toBeGreaterThan(0.1);
    expect(ages.filter((a) => a > 730).length).toBeGreaterThan(0);
  });
});

describe('runGenerator limits and housekeeping', () => {
  it('splits contacts into numbered files at the row limit, each with the header', async () => {
    const split = freshDir();
    const result = await runGenerator({ outDir: split, scale: 'pdu', seed: 1, asOf: AS_OF }, { contactsPerFile: 10_000 });
    const parts = result.files.filter((f) => f.kind === 'contacts');
    const total = summary.files.find((f) => f.kind === 'contacts')?.rows ?? 0;
    expect(parts.length).toBe(Math.ceil(total / 10_000));
    expect(parts.map((p) => p.name).slice(0, 3)).toEqual(['contacts-01.csv', 'contacts-02.csv', 'contacts-03.csv']);
    for (const p of parts.slice(0, -1)) expect(p.rows).toBe(10_000);
    const joined = parts.map((p) => readFileSync(join(split, p.name), 'utf8').split('\n').slice(1).join('\n')).join('');
    const whole = readFileSync(join(dir, 'contacts-01.csv'), 'utf8').split('\n').slice(1).join('\n');
    expect(joined).toBe(whole);
    for (const p of parts) expect(readFileSync(join(split, p.name), 'utf8').startsWith(`${SPEC_HEADERS['contacts-01.csv']}\n`)).toBe(true);
  });

  it('creates the output folder and reports progress from start to finish', async () => {
    const nested = join(freshDir(), 'a', 'b');
    const seen: { phase: string; done: number; total: number }[] = [];
    const result = await generateExtract({ outDir: nested, scale: 'pdu', seed: 4, asOf: AS_OF, onProgress: (p) => seen.push(p) });
    expect(seen[0]).toEqual({ phase: 'staff', done: 0, total: 1 });
    expect(seen.at(-1)).toEqual({ phase: 'cases', done: result.cases, total: result.cases });
    expect(seen.length).toBeLessThanOrEqual(6);
  });

  it.each([
    [{ asOf: '2026-02-30' }, 'asOf'],
    [{ asOf: '23/11/2026' }, 'asOf'],
    [{ seed: 1.5 }, 'seed'],
    [{ outDir: ' ' }, 'outDir'],
  ] satisfies [Partial<GenerateOptions>, string][])('refuses bad options (%o) naming the field', async (bad, field) => {
    const call = generateExtract({ outDir: freshDir(), scale: 'pdu', seed: 1, asOf: AS_OF, ...bad });
    await expect(call).rejects.toBeInstanceOf(DomainError);
    await expect(call).rejects.toMatchObject({ code: 'invalid-input', field });
  });

  it('refuses a scale it does not know, as an untyped caller could send', async () => {
    // Deliberately outside the type: the CLI and IPC hand over whatever they were given.
    const opts = JSON.parse(`{"outDir": ${JSON.stringify(freshDir())}, "scale": "county", "seed": 1, "asOf": "${AS_OF}"}`) as GenerateOptions;
    await expect(generateExtract(opts)).rejects.toMatchObject({ code: 'invalid-input', field: 'scale' });
  });
});
