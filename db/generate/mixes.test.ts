import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExtract } from './index.js';
import { readExtract, type Extract, type Row } from './testing/rule-oracle.js';

/* The mixes DOMAIN.md describes, so the demo and benchmarks look like a real PDU's caseload. */

const AS_OF = '2026-11-23';
let dir: string;
let x: Extract;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spo-mixes-'));
  await generateExtract({ outDir: dir, scale: 'pdu', seed: 11, asOf: AS_OF });
  x = readExtract(dir);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function share(rows: readonly Row[], test: (r: Row) => boolean): number {
  return rows.filter(test).length / rows.length;
}

const active = (r: Row): boolean => r.deregistration_date === '';

function casesWith(codes: readonly string[]): number {
  const crns = new Set(x.registrations.filter((r) => active(r) && codes.includes(r.register_code ?? '')).map((r) => r.crn));
  return crns.size / x.cases.length;
}

describe('the synthetic mix', () => {
  it('has the RoSH levels in about the national proportions', () => {
    const level = (l: string): number => share(x.cases, (c) => c.rosh_level === l);
    expect(level('LOW')).toBeCloseTo(0.35, 1);
    expect(level('MEDIUM')).toBeCloseTo(0.45, 1);
    expect(level('HIGH')).toBeCloseTo(0.15, 1);
    expect(level('VERY_HIGH')).toBeGreaterThan(0.01);
    expect(level('VERY_HIGH')).toBeLessThan(0.05);
    expect(level('')).toBeGreaterThan(0.01);
    expect(level('')).toBeLessThan(0.06);
  });

  it('gives most cases a RoSH registration that matches their level', () => {
    const register: Record<string, string> = { LOW: 'RLRH', MEDIUM: 'RMRH', HIGH: 'RHRH', VERY_HIGH: 'RVHR' };
    const roshRegs = new Map(x.registrations.filter((r) => active(r) && Object.values(register).includes(r.register_code ?? '')).map((r) => [r.crn, r.register_code]));
    const known = x.cases.filter((c) => c.rosh_level !== '');
    expect(share(known, (c) => roshRegs.get(c.crn) === register[c.rosh_level ?? ''])).toBeGreaterThan(0.8);
    expect(known.some((c) => roshRegs.has(c.crn) && roshRegs.get(c.crn) !== register[c.rosh_level ?? ''])).toBe(true);
  });

  it('has MAPPA for about 5% of cases, mostly level 1 and categories 1 and 2', () => {
    const mapp = x.registrations.filter((r) => active(r) && r.register_code === 'MAPP');
    expect(casesWith(['MAPP'])).toBeGreaterThan(0.03);
    expect(casesWith(['MAPP'])).toBeLessThan(0.08);
    expect(share(mapp, (r) => r.level_code === 'M1')).toBeGreaterThan(0.7);
    expect(share(mapp, (r) => r.category_code === 'M1' || r.category_code === 'M2')).toBeGreaterThan(0.8);
  });

  it('has domestic abuse on about a fifth of cases and child concerns on about a tenth', () => {
    expect(casesWith(['ADVP', 'REG30'])).toBeCloseTo(0.2, 1);
    expect(casesWith(['RCCO', 'RCPR', 'RCHD'])).toBeCloseTo(0.1, 1);
    expect(casesWith(['ADVV'])).toBeGreaterThan(0);
  });

  it('keeps registrations no rule uses, ended registrations and both past and future reviews', () => {
    const codes = new Set(x.registrations.map((r) => r.register_code));
    for (const c of ['WEAP', 'RMDO', 'IRMO']) expect(codes.has(c), c).toBe(true);
    expect(share(x.registrations, (r) => !active(r))).toBeGreaterThan(0.03);
    const reviews = x.registrations.filter((r) => active(r) && r.next_review_date !== '');
    expect(reviews.length / x.registrations.length).toBeGreaterThan(0.5);
    expect(share(reviews, (r) => (r.next_review_date ?? '') > AS_OF)).toBeGreaterThan(0.9);
  });

  it('uses old-framework tiers mostly, some unsupervised, some new-framework', () => {
    expect(share(x.cases, (c) => /^[A-D][0-3]S?$/.test(c.tier ?? ''))).toBeGreaterThan(0.75);
    expect(x.cases.some((c) => /^[A-D][0-3]S$/.test(c.tier ?? ''))).toBe(true);
    expect(x.cases.some((c) => /^[A-G]$/.test(c.tier ?? ''))).toBe(true);
    expect(new Set(x.cases.map((c) => c.case_type))).toEqual(new Set(['COMMUNITY', 'LICENCE', 'CUSTODY']));
  });

  it('records every contact code the rules read among mostly everyday contacts', () => {
    const codes = x.contacts.map((c) => c.contact_type_code ?? '');
    const seen = new Set(codes);
    for (const c of ['MO1', 'MO8', 'CSPO', 'C053', 'C281', 'C369', 'C515', 'SFGC', 'SFRR', 'CGRF', 'C347', 'CLDR']) expect(seen.has(c), c).toBe(true);
    expect(codes.filter((c) => /^C[A-Z]{3}$/.test(c) && c !== 'CSPO' && c !== 'CGRF' && c !== 'CLDR').length / codes.length).toBeGreaterThan(0.8);
  });

  it('has all ten OASys sections with every severity', () => {
    expect(new Set(x.needs.map((n) => n.need)).size).toBe(10);
    expect(new Set(x.needs.map((n) => n.severity))).toEqual(new Set(['NO_NEED', 'STANDARD', 'SEVERE']));
  });

  it('has practitioners of each grade in about the usual shares, most at 70–99% of their points', () => {
    const practitioners = x.staff.filter((s) => s.grade !== 'PSC');
    expect(share(practitioners, (s) => s.grade === 'PSQ')).toBeCloseTo(0.3, 1);
    expect(share(practitioners, (s) => s.grade === 'PSM')).toBeCloseTo(0.6, 1);
    expect(share(practitioners, (s) => s.grade === 'PSP')).toBeGreaterThan(0.02);
    const load = (s: Row): number => Number(s.points_used) / Number(s.points_available);
    expect(share(practitioners, (s) => load(s) >= 0.7 && load(s) < 1)).toBeGreaterThan(0.65);
    for (const s of practitioners) expect(Number(s.points_available)).toBeGreaterThanOrEqual(90);
  });
});
