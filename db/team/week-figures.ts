import { caseRuleIds, type CaseRuleId, type TrendWeek } from '../contract/index.js';
import type { CaseWeek } from './sweep.js';

const RULES = caseRuleIds.length;

/** The median of numbers sorted ascending, as db/team/coverage.ts's median(); null for none. */
function medianOf(sorted: Float64Array): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  const hi = sorted[mid] ?? 0;
  return n % 2 ? hi : ((sorted[mid - 1] ?? 0) + hi) / 2;
}

const inc = (a: Int32Array, i: number, by = 1): void => {
  a[i] = (a[i] ?? 0) + by;
};

/** A whole team's (or the whole caseload's) figures for one week: what the trend chart shows, and what the cache keeps. */
export interface WeekFigures {
  cases: number;
  highRisk: number;
  mappaL1: number;
  inScope: number;
  covered: number;
  /** The most days any in-scope case has gone without oversight; null with none in scope. */
  oldestDays: number | null;
  overdueByRule: Record<CaseRuleId, number>;
  overdue: number;
  dueSoon: number;
  medianDaysOverdue: number | null;
}

export function toTrendWeek(weekEnding: string, f: WeekFigures): TrendWeek {
  return {
    weekEnding,
    cases: f.cases,
    inScope: f.inScope,
    covered: f.covered,
    coverage: f.inScope ? f.covered / f.inScope : null,
    overdueByRule: f.overdueByRule,
    overdue: f.overdue,
    dueSoon: f.dueSoon,
    medianDaysOverdue: f.medianDaysOverdue,
  };
}

export function emptyFigures(): WeekFigures {
  return {
    cases: 0,
    highRisk: 0,
    mappaL1: 0,
    inScope: 0,
    covered: 0,
    oldestDays: null,
    overdueByRule: Object.fromEntries(caseRuleIds.map((r) => [r, 0])) as Record<CaseRuleId, number>,
    overdue: 0,
    dueSoon: 0,
    medianDaysOverdue: null,
  };
}

/** A WeekTally's counts as plain data, which a worker thread can post (structured clone keeps typed arrays). */
export interface WeekTallyData {
  weeks: number;
  cases: Int32Array;
  highRisk: Int32Array;
  mappaL1: Int32Array;
  inScope: Int32Array;
  covered: Int32Array;
  oldest: Int32Array;
  overdue: Int32Array;
  dueSoon: Int32Array;
  days: number[][];
}

/**
 * Adds up cases' weekly outcomes for one group of cases over a run of weeks, as db/team/tally.ts
 * adds up one evaluation (the same tests, read on day numbers): in scope from the day first
 * oversight is counted from; covered while the latest oversight is within the interval; overdue
 * when the week is after the due day, due soon within dueSoonDays before it.
 */
export class WeekTally {
  private readonly cases: Int32Array;
  private readonly highRisk: Int32Array;
  private readonly mappaL1: Int32Array;
  private readonly inScope: Int32Array;
  private readonly covered: Int32Array;
  /** -1 for none in scope (days are never negative: evidence is on or before the week). */
  private readonly oldest: Int32Array;
  private readonly overdue: Int32Array;
  private readonly dueSoon: Int32Array;
  private readonly days: number[][];

  constructor(readonly weeks: number) {
    this.cases = new Int32Array(weeks);
    this.highRisk = new Int32Array(weeks);
    this.mappaL1 = new Int32Array(weeks);
    this.inScope = new Int32Array(weeks);
    this.covered = new Int32Array(weeks);
    this.oldest = new Int32Array(weeks).fill(-1);
    this.overdue = new Int32Array(weeks * RULES);
    this.dueSoon = new Int32Array(weeks);
    this.days = Array.from({ length: weeks }, () => []);
  }

  data(): WeekTallyData {
    const { weeks, cases, highRisk, mappaL1, inScope, covered, oldest, overdue, dueSoon, days } = this;
    return { weeks, cases, highRisk, mappaL1, inScope, covered, oldest, overdue, dueSoon, days };
  }

  /** A tally with the counts of `d` (posted by a worker). */
  static from(d: WeekTallyData): WeekTally {
    const t = new WeekTally(d.weeks);
    t.merge(d);
    return t;
  }

  /** Adds one case's outcome `o` to weeks `from` ≤ i < `to`, whose day numbers are `days[i]`. */
  addRun(from: number, to: number, days: readonly number[], o: CaseWeek, intervalDays: number, dueSoonDays: number): void {
    for (let i = from; i < to; i++) this.add(i, days[i] ?? 0, o, intervalDays, dueSoonDays);
  }

  private add(i: number, day: number, o: CaseWeek, intervalDays: number, dueSoonDays: number): void {
    inc(this.cases, i);
    if (o.highRisk) inc(this.highRisk, i);
    if (o.mappaL1) inc(this.mappaL1, i);
    if (o.since !== null && o.since <= day) {
      const days = day - (o.latest ?? o.since);
      inc(this.inScope, i);
      if (o.latest !== null && days <= intervalDays) inc(this.covered, i);
      if (days > (this.oldest[i] ?? -1)) this.oldest[i] = days;
    }
    for (let k = 0; k < o.due.length; k++) {
      const d = day - (o.due[k] ?? 0);
      if (d > 0) {
        inc(this.overdue, i * RULES + (o.rules[k] ?? 0));
        this.days[i]?.push(d);
      } else if (-d <= dueSoonDays) inc(this.dueSoon, i);
    }
  }

  /** Adds another group's weeks into these (the whole caseload from its teams). */
  merge(t: WeekTallyData): void {
    for (let i = 0; i < this.weeks; i++) {
      inc(this.cases, i, t.cases[i] ?? 0);
      inc(this.highRisk, i, t.highRisk[i] ?? 0);
      inc(this.mappaL1, i, t.mappaL1[i] ?? 0);
      inc(this.inScope, i, t.inScope[i] ?? 0);
      inc(this.covered, i, t.covered[i] ?? 0);
      this.oldest[i] = Math.max(this.oldest[i] ?? -1, t.oldest[i] ?? -1);
      inc(this.dueSoon, i, t.dueSoon[i] ?? 0);
      const mine = this.days[i];
      for (const d of t.days[i] ?? []) mine?.push(d);
    }
    for (let j = 0; j < this.overdue.length; j++) inc(this.overdue, j, t.overdue[j] ?? 0);
  }

  figures(i: number): WeekFigures {
    const f = emptyFigures();
    const days = Float64Array.from(this.days[i] ?? []).sort();
    f.cases = this.cases[i] ?? 0;
    f.highRisk = this.highRisk[i] ?? 0;
    f.mappaL1 = this.mappaL1[i] ?? 0;
    f.inScope = this.inScope[i] ?? 0;
    f.covered = this.covered[i] ?? 0;
    const oldest = this.oldest[i] ?? -1;
    f.oldestDays = oldest < 0 ? null : oldest;
    caseRuleIds.forEach((r, k) => (f.overdueByRule[r] = this.overdue[i * RULES + k] ?? 0));
    f.overdue = days.length;
    f.dueSoon = this.dueSoon[i] ?? 0;
    f.medianDaysOverdue = medianOf(days);
    return f;
  }
}
