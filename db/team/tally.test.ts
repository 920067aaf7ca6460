import { describe, expect, it } from 'vitest';
import { runImport } from '../import/run-import.js';
import { evaluateFlags } from '../rules/evaluate.js';
import { minimalExtract, memoryDb, writeExtract } from '../testing/extract.js';
import { weekEndings } from './coverage.js';
import { teamExtract } from './testing/fixture.js';
import { tallyWeeks } from './tally.js';

describe('tallyWeeks', () => {
  it('gives, from one pass, what evaluating each week alone gives, and the flags of flags:evaluate', async () => {
    const db = memoryDb();
    await runImport(db, { paths: [writeExtract(teamExtract())], skipInvalid: false, commit: true, osUser: 'tester', now: () => new Date('2026-11-23T09:00:00Z') });
    const dates = weekEndings('2026-11-23', 30);
    const together = tallyWeeks(db, dates);
    for (const d of dates) {
      expect(together.get(d)).toEqual(tallyWeeks(db, [d]).get(d));
      const flags = evaluateFlags(db, { asOf: d });
      const overdue = [...(together.get(d)?.values() ?? [])].reduce((n, w) => n + w.daysOverdue.length, 0);
      expect(overdue).toBe(flags.caseFlags.length);
    }
  });

  it('counts only the cases asked for', async () => {
    const db = memoryDb();
    await runImport(db, { paths: [writeExtract(minimalExtract())], skipInvalid: false, commit: true, osUser: 'tester', now: () => new Date('2026-11-23T09:00:00Z') });
    const [week] = tallyWeeks(db, ['2026-11-22'], ['X000001']).values();
    expect([...(week?.keys() ?? [])]).toEqual(['N99P001']);
  });
});
