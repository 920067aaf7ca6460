import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRuleIds } from '../contract/index.js';
import { generateExtract } from './index.js';
import { dayOf, evaluate, readExtract, type Evaluation, type Extract } from './testing/rule-oracle.js';

/*
 * The generated data must exercise every rule of oversight-rules.md: each one overdue at least
 * once in a single PDU, several due soon, for any seed, while most cases stay compliant. The
 * rules are recomputed from the CSVs by rule-oracle.ts, independently of the generator.
 */

// ACTION-OVERDUE comes only from reviews recorded in the app, which no extract holds.
const CASE_RULES = caseRuleIds.filter((r) => r !== 'ACTION-OVERDUE');

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function pdu(seed: number, asOf: string): Promise<{ extract: Extract; result: Evaluation }> {
  const dir = mkdtempSync(join(tmpdir(), 'spo-rules-'));
  dirs.push(dir);
  await generateExtract({ outDir: dir, scale: 'pdu', seed, asOf });
  const extract = readExtract(dir);
  return { extract, result: evaluate(extract, asOf) };
}

describe.each([
  [1, '2026-11-23'],
  [7, '2025-03-31'],
  [20_251_231, '2027-01-01'],
])('a PDU extract with seed %i as of %s', (seed, asOf) => {
  let run: { extract: Extract; result: Evaluation };
  beforeAll(async () => {
    run = await pdu(seed, asOf);
  });

  it.each(CASE_RULES)('has at least one case overdue for %s', (rule) => {
    const { result } = run;
    expect(result.overdue.filter((h) => h.rule === rule).length).toBeGreaterThan(0);
  });

  it('has both forms of each check overdue: never requested, and requested with no response', () => {
    const { result } = run;
    for (const rule of ['DA-POLICE-CHECK', 'CHILD-SAFEGUARDING-CHECK']) {
      for (const form of ['never-requested', 'no-response']) {
        expect(result.overdue.some((h) => h.rule === rule && h.form === form), `${rule} ${form}`).toBe(true);
      }
    }
  });

  it('has cases due soon for the oversight, MAPPA, check, referral and RoSH rules', () => {
    const { result } = run;
    const dueSoon = new Set(result.dueSoon.map((h) => h.rule));
    for (const rule of ['OVERSIGHT-NEW', 'OVERSIGHT-OVERDUE', 'MAPPA-L1-REVIEW', 'DA-POLICE-CHECK', 'CHILD-SAFEGUARDING-CHECK', 'NEED-REFERRAL', 'ROSH-MISSING', 'REGISTRATION-REVIEW']) {
      expect(dueSoon.has(rule), rule).toBe(true);
    }
  });

  it('has practitioners at or over capacity, about a tenth of them', () => {
    const { extract, result } = run;
    const practitioners = extract.staff.filter((s) => s.grade !== 'PSC').length;
    expect(result.overCapacity.length).toBeGreaterThan(0);
    expect(result.overCapacity.length).toBeLessThan(practitioners * 0.25);
  });

  it('flags a few hundred cases, not thousands', () => {
    const { extract, result } = run;
    const flagged = new Set(result.overdue.map((h) => h.crn)).size;
    expect(flagged).toBeGreaterThanOrEqual(100);
    expect(flagged).toBeLessThanOrEqual(Math.round(extract.cases.length * 0.25));
  });

  it('keeps most high-risk cases under current oversight', () => {
    const { extract, result } = run;
    const high = extract.cases.filter((c) => c.rosh_level === 'HIGH' || c.rosh_level === 'VERY_HIGH').map((c) => c.crn ?? '');
    const lapsed = new Set(result.overdue.filter((h) => h.rule.startsWith('OVERSIGHT-')).map((h) => h.crn));
    expect(high.filter((crn) => !lapsed.has(crn)).length / high.length).toBeGreaterThan(0.85);
  });

  it('holds plain witnesses in the CSVs for the oversight and grade rules', () => {
    const { extract } = run;
    const today = dayOf(asOf);
    const grade = new Map(extract.staff.map((s) => [s.staff_code, s.grade]));
    const byCrn = new Map<string, string[]>();
    for (const k of extract.contacts) {
      const crn = k.crn ?? '';
      const entry = `${k.contact_date ?? ''} ${k.contact_type_code ?? ''}`;
      const list = byCrn.get(crn);
      if (list) list.push(entry);
      else byCrn.set(crn, [entry]);
    }
    const high = extract.cases.filter((c) => c.rosh_level === 'HIGH' || c.rosh_level === 'VERY_HIGH');
    // A high-risk case allocated over 15 days ago with no oversight contact since allocation.
    const neglected = high.filter((c) => {
      const alloc = c.allocation_date ?? '';
      const oversight = (byCrn.get(c.crn ?? '') ?? []).filter((e) => /^\S+ (MO1|MO8|CSPO|C053)$/.test(e) && e >= alloc);
      return today - dayOf(alloc) > 15 && oversight.length === 0;
    });
    expect(neglected.length).toBeGreaterThan(0);
    // A PSO holding a high-risk case, while probation officers hold most of them.
    expect(high.some((c) => grade.get(c.staff_code) === 'PSQ')).toBe(true);
    expect(high.filter((c) => grade.get(c.staff_code) === 'PSM').length / high.length).toBeGreaterThan(0.8);
    // A practitioner using all their points or more.
    expect(extract.staff.some((s) => Number(s.points_used) >= Number(s.points_available) && Number(s.points_available) > 0)).toBe(true);
  });
});
