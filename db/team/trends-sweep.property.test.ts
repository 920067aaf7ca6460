import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputOf, Operation, ResultOf } from '../contract/index.js';
import { dayNumber, isoOfDay } from '../rules/days.js';
import { createService } from '../service/index.js';
import { headers, memoryDb, tempDir, writeExtract, type ExtractFiles } from '../testing/extract.js';
import { weekEndings } from './coverage.js';
import { oracleFigures } from './testing/oracle.js';
import { toTrendWeek } from './week-figures.js';

/*
 * issue 18: the trend chart's 52 weeks, swept, equal 52 separate as-of evaluations exactly. Random
 * extracts (cases, registrations starting and ending, contacts, needs, practitioners in three
 * teams and one missing from the staff file; sometimes no staff or needs file) and random review
 * histories (recorded, amended, withdrawn, actions done or dropped) and settings, compared for
 * every week, for the whole caseload and every team, figure by figure and rule by rule — once
 * with the cache empty and again after the history is written over a filled cache.
 */

const TODAY = '2026-11-23';
const DATES = weekEndings(TODAY, 52);
const BASE = dayNumber('2024-09-01');
const SPAN = dayNumber(TODAY) - BASE;
const dayIn = (span = SPAN) => fc.integer({ min: 0, max: span }).map((d) => isoOfDay(BASE + d));
/** A day within the year of weeks (or just before it), where reviews and actions move the figures. */
const YEAR = dayNumber(DATES[0] ?? TODAY) - 10 - BASE;
const dayInYear = fc.integer({ min: YEAR, max: SPAN }).map((d) => isoOfDay(BASE + d));
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

const STAFF = ['N99P001', 'N99P002', 'N99P003', 'N99P004', 'N99P005'];
const TEAMS = ['N99T01', 'N99T01', 'N99T02', 'N99T03'];

const kase = fc.record({
  staff: pick(STAFF),
  allocation: dayIn(),
  rosh: fc.option(pick(['LOW', 'MEDIUM', 'HIGH', 'HIGH', 'VERY_HIGH']), { nil: null }),
  assessed: fc.option(dayIn(), { nil: null }),
  registrations: fc.array(
    fc.record({
      code: pick(['RHRH', 'RVHR', 'RMRH', 'RLRH', 'MAPP', 'ADVP', 'REG30', 'RCCO', 'RCHD', 'WRSM']),
      level: pick(['M1', 'M1', 'M2', 'M3']),
      start: fc.integer({ min: 0, max: SPAN }),
      next: fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }),
      length: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
    }),
    { maxLength: 3 },
  ),
  contacts: fc.array(fc.record({ code: pick(['MO1', 'MO8', 'CSPO', 'C053', 'C281', 'C369', 'C515', 'SFGC', 'SFRR', 'CGRF', 'CLDR', 'C347', 'COAP']), date: dayIn() }), { maxLength: 6 }),
  needs: fc.array(fc.record({ need: pick(['DRUG', 'ALCOHOL', 'ETE', 'FINANCE']), severity: pick(['STANDARD', 'SEVERE', 'NO_NEED']), harm: fc.boolean(), reoffending: fc.boolean() }), { maxLength: 2 }),
});

const extract = fc.record({
  cases: fc.array(kase, { minLength: 1, maxLength: 14 }),
  grades: fc.array(pick(['PSQ', 'PSM']), { minLength: 4, maxLength: 4 }),
  staffFile: fc.boolean(),
  needsFile: fc.boolean(),
});

/** One step of a review history, naming reviews and cases by position (taken modulo what exists). */
const step = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('record' as const),
      case: fc.nat(),
      type: pick(['management-oversight', 'allocation-oversight', 'mappa-l1-review'] as const),
      date: dayInYear,
      actions: fc.array(fc.integer({ min: -30, max: 90 }), { maxLength: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('amend' as const), review: fc.nat(), date: dayInYear }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), review: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('done' as const, 'drop' as const), review: fc.nat(), number: fc.integer({ min: 1, max: 2 }), date: dayInYear }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('setting' as const), key: pick(['oversightIntervalDays', 'dueSoonDays', 'newCaseOversightDays', 'mappaL1ReviewDays'] as const), value: fc.integer({ min: 1, max: 150 }) }) },
);

type Extract = typeof extract extends fc.Arbitrary<infer T> ? T : never;

function files(x: Extract): ExtractFiles {
  const crn = (i: number) => `X${String(i + 1).padStart(6, '0')}`;
  const cases = x.cases.map((c, i) => `${crn(i)},Case ${String(i)},,${c.staff},${c.allocation},COMMUNITY,Community Order,B2,${c.rosh ?? ''},${c.assessed ?? ''}`);
  const regs = x.cases.flatMap((c, i) =>
    c.registrations.map((r) => {
      const start = isoOfDay(BASE + r.start);
      const next = r.next === null ? '' : isoOfDay(BASE + r.start + r.next);
      const end = r.length === null ? '' : isoOfDay(BASE + r.start + r.length);
      return `${crn(i)},${r.code},${r.code === 'MAPP' ? r.level : ''},${r.code === 'MAPP' ? 'M2' : ''},${start},${next},${end}`;
    }),
  );
  let id = 1000;
  const contacts = x.cases.flatMap((c, i) => c.contacts.map((k) => `${crn(i)},${String(id++)},${k.date},${k.code},N99S001`));
  // The last practitioner is not in the staff file: their cases count for the whole caseload only.
  const staff = STAFF.slice(0, 4).map((s, i) => `${s},Staff ${String(i)},${x.grades[i] ?? 'PSM'},${TEAMS[i] ?? ''},Team,N99PDU,Example PDU,100,50`);
  const needs = x.cases.flatMap((c, i) => c.needs.map((n) => `${crn(i)},${n.need},${n.severity},${n.harm ? 'Y' : 'N'},${n.reoffending ? 'Y' : 'N'}`));
  const out: ExtractFiles = {
    'cases.csv': [headers.cases, ...cases, ''].join('\n'),
    'registrations.csv': [headers.registrations, ...regs, ''].join('\n'),
    'contacts.csv': [headers.contacts, ...contacts, ''].join('\n'),
  };
  if (x.staffFile) out['staff.csv'] = [headers.staff, ...staff, ''].join('\n');
  if (x.needsFile) out['needs.csv'] = [headers.needs, ...needs, ''].join('\n');
  return out;
}

async function run(x: Extract, history: (typeof step extends fc.Arbitrary<infer T> ? T : never)[]): Promise<void> {
  const db = memoryDb();
  const service = createService({ db, osUser: 'tester', now: () => new Date(`${TODAY}T10:00:00Z`), dataDir: tempDir() });
  const call = async <O extends Operation>(op: O, input: InputOf<O>): Promise<ResultOf<O> | null> => {
    const r = await service.call(op, input);
    return r.ok ? r.value : null;
  };
  const imported = await call('import:commit', { paths: [writeExtract(files(x))], skipInvalid: true });
  expect(imported).not.toBeNull();
  const crns = db.prepare<[], string>('SELECT crn FROM cases WHERE in_caseload = 1 ORDER BY crn').pluck().all();
  const teams = [...new Set(TEAMS), 'N99T09'];

  const compare = async (): Promise<void> => {
    for (const team of [undefined, ...teams]) {
      const report = await call('trends:weekly', team === undefined ? { weeks: 52 } : { weeks: 52, team });
      const oracle = oracleFigures(db, DATES, team);
      expect({ team, weeks: report?.weeks }).toEqual({ team, weeks: DATES.map((d) => toTrendWeek(d, oracle.get(d) ?? expect.unreachable())) });
    }
  };
  await compare();

  const reviews: number[] = [];
  for (const s of history) {
    if (s.kind === 'record') {
      const crn = crns[s.case % Math.max(crns.length, 1)];
      if (crn === undefined) continue;
      const actions = s.actions.map((d, i) => ({ text: `Action ${String(i + 1)}`, owner: 'Pat', due: isoOfDay(dayNumber(s.date) + d) }));
      const r = await call('reviews:record', { crn, type: s.type, date: s.date, spo: { name: 'Sam Senior' }, decision: 'continue', actions });
      if (r) reviews.push(r.id);
    } else if (s.kind === 'setting') {
      await call('settings:set', { key: s.key, value: s.value, reason: 'a property test' });
    } else {
      const id = reviews[s.review % Math.max(reviews.length, 1)];
      if (id === undefined) continue;
      if (s.kind === 'amend') await call('reviews:amend', { id, reason: 'a correction', date: s.date });
      else if (s.kind === 'withdraw') await call('reviews:withdraw', { id, reason: 'entered in error' });
      else if (s.kind === 'done') await call('actions:done', { reviewId: id, number: s.number, date: s.date });
      else await call('actions:drop', { reviewId: id, number: s.number, date: s.date, reason: 'not needed' });
    }
  }
  await compare();
  db.close();
}

describe('the trend sweep against 52 separate as-of evaluations', () => {
  it('agrees for every week, the whole caseload and every team, on every figure and rule, before and after a random review history', async () => {
    await fc.assert(
      fc.asyncProperty(extract, fc.array(step, { maxLength: 12 }), async (x, history) => {
        await run(x, history);
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
