import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRuleIds, type CaseRuleId, type InputOf, type Operation, type ResultOf, type TrendsReport } from '../contract/index.js';
import { generateExtract } from '../generate/index.js';
import { memoryDb, tempDir } from '../testing/extract.js';
import { oracleFigures } from '../team/testing/oracle.js';
import { toTrendWeek } from '../team/week-figures.js';
import { createService } from './index.js';

/*
 * oversight-rules.md, "Terms": a case allocated after the as-of date is not yet in the caseload,
 * so a week of the trend chart and `flags --as-of` that week's Sunday count the same cases. Checked
 * for every week of a year on a generated PDU, for the whole caseload and for one team.
 */

const TODAY = '2026-11-23';
const dir = tempDir('spo-agree-');
let call: <O extends Operation>(op: O, input: InputOf<O>) => Promise<ResultOf<O>>;
let allocations: string[] = [];
let team = '';
let db: ReturnType<typeof memoryDb>;

beforeAll(async () => {
  await generateExtract({ outDir: dir, scale: 'pdu', seed: 1, asOf: TODAY });
  db = memoryDb();
  const service = createService({ db, osUser: 'tester', now: () => new Date(`${TODAY}T10:00:00Z`), dataDir: tempDir() });
  call = async (op, input) => {
    const r = await service.call(op, input);
    if (!r.ok) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  await call('import:commit', { paths: [dir] });
  allocations = db.prepare<[], string>('SELECT allocation_date FROM cases WHERE in_caseload = 1').pluck().all();
  team = db.prepare<[], string>('SELECT team_code FROM staff ORDER BY team_code LIMIT 1').pluck().get() ?? '';
}, 120_000);

afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

function byRule(flags: readonly { rule: CaseRuleId }[]): Record<CaseRuleId, number> {
  const out = Object.fromEntries(caseRuleIds.map((r) => [r, 0])) as Record<CaseRuleId, number>;
  for (const f of flags) out[f.rule]++;
  return out;
}

async function expectAgreement(report: TrendsReport, team?: string): Promise<void> {
  expect(report.weeks).toHaveLength(52);
  for (const week of report.weeks) {
    const flags = await call('flags:evaluate', team === undefined ? { asOf: week.weekEnding } : { asOf: week.weekEnding, team });
    expect({ week: week.weekEnding, overdue: week.overdueByRule, dueSoon: week.dueSoon }).toEqual({
      week: week.weekEnding,
      overdue: byRule(flags.caseFlags),
      dueSoon: flags.dueSoon.length,
    });
  }
}

describe('the trend chart and flags --as-of', () => {
  it('face cases allocated during the year, so leaving them out before allocation matters', () => {
    const first = '2025-11-30';
    expect(allocations.filter((d) => d > first).length).toBeGreaterThan(100);
  });

  it('count the same overdue flags by rule and the same due-soon flags for every week of a year', async () => {
    await expectAgreement(await call('trends:weekly', { weeks: 52, asOf: TODAY }));
  }, 120_000);

  it('are, swept, every figure of each week evaluated on its own, for the whole caseload and for one team', async () => {
    for (const t of [undefined, team]) {
      const report = await call('trends:weekly', t === undefined ? { weeks: 52, asOf: TODAY } : { weeks: 52, asOf: TODAY, team: t });
      const dates = report.weeks.map((w) => w.weekEnding);
      const oracle = oracleFigures(db, dates, t);
      expect(report.weeks).toEqual(dates.map((d) => toTrendWeek(d, oracle.get(d) ?? expect.unreachable())));
    }
  }, 120_000);

  it('agree for one team too', async () => {
    expect(team).not.toBe('');
    await expectAgreement(await call('trends:weekly', { weeks: 52, asOf: TODAY, team }), team);
  }, 120_000);
});
