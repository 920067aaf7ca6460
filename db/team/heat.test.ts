import { describe, expect, it } from 'vitest';
import { runImport } from '../import/run-import.js';
import { memoryDb, writeExtract } from '../testing/extract.js';
import { weekEndings } from './coverage.js';
import { heatWeeks } from './heat.js';
import { tallyWeeks } from './tally.js';
import { teamExtract } from './testing/fixture.js';

describe('the heatmap sweep', () => {
  it('gives each practitioner, every week, the in-scope, covered and longest-waiting figures of that week evaluated on its own', async () => {
    const db = memoryDb();
    await runImport(db, { paths: [writeExtract(teamExtract())], skipInvalid: false, commit: true, osUser: 'tester', now: () => new Date('2026-11-23T09:00:00Z') });
    const dates = weekEndings('2026-11-23', 40);
    const heat = heatWeeks(db, dates);
    let cells = 0;
    for (const d of dates) {
      const expected = [...(tallyWeeks(db, [d]).get(d)?.values() ?? [])]
        .filter((w) => w.inScope > 0)
        .map((w) => [w.staffCode, { inScope: w.inScope, covered: w.covered, oldestDays: w.oldestDays }] as const);
      expect({ week: d, cells: heat.get(d) }).toEqual({ week: d, cells: new Map(expected) });
      cells += expected.length;
    }
    expect(cells).toBeGreaterThan(40);
  });

  it('counts only the cases asked for (a team)', async () => {
    const db = memoryDb();
    await runImport(db, { paths: [writeExtract(teamExtract())], skipInvalid: false, commit: true, osUser: 'tester', now: () => new Date('2026-11-23T09:00:00Z') });
    const heat = heatWeeks(db, ['2026-11-22'], ['X000004']);
    expect([...(heat.get('2026-11-22')?.keys() ?? [])]).toEqual(['N99P002']);
  });
});
