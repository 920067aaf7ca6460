import type { Db } from '../connection.js';
import { WHOLE_CASELOAD, type CrnRange } from '../rules/load.js';
import { sweepWeeks } from './sweep.js';
import { caseloadSweep } from './sweep-caseload.js';
import { WeekTally, type WeekFigures, type WeekTallyData } from './week-figures.js';

/** The whole caseload's key among a week's scopes; a team's is `team:` and its code. */
export const CASELOAD_SCOPE = 'caseload';
export const teamScope = (team: string): string => `team:${team}`;

/** Week-end date → scope → figures. */
export type WeekTotals = Map<string, Map<string, WeekFigures>>;

/** Each team's weeks (null: cases whose practitioner the staff file does not hold), as data a worker can post. */
export type TeamTallies = [team: string | null, tally: WeekTallyData][];

/**
 * Every team's weeks for the cases whose CRN is in `range`, from one sweep (./sweep-caseload.ts).
 * A case counts for its practitioner's team in the staff file of the latest import.
 */
export function sweepTallies(db: Db, dates: readonly string[], range: CrnRange = WHOLE_CASELOAD): TeamTallies {
  const sweep = caseloadSweep(db, dates);
  const { weeks, policy } = sweep;
  const days = weeks.map((w) => w.day);
  const byTeam = new Map<string | null, WeekTally>();
  sweep.runIn(range, (c, from, to, o) => {
    const team = c.staff?.teamCode ?? null;
    let t = byTeam.get(team);
    if (!t) byTeam.set(team, (t = new WeekTally(weeks.length)));
    t.addRun(from, to, days, o, policy.oversightIntervalDays, policy.dueSoonDays);
  });
  return [...byTeam].map(([team, t]) => [team, t.data()]);
}

/**
 * Every team's and the whole caseload's figures for each week-end date, from the tallies of parts
 * of the caseload that together cover it once. A team with no case that week has no entry.
 */
export function totalsOf(dates: readonly string[], parts: readonly TeamTallies[]): WeekTotals {
  const weeks = sweepWeeks(dates);
  const byTeam = new Map<string | null, WeekTally>();
  const caseload = new WeekTally(weeks.length);
  for (const part of parts) {
    for (const [team, data] of part) {
      const t = byTeam.get(team);
      if (t) t.merge(data);
      else byTeam.set(team, WeekTally.from(data));
      caseload.merge(data);
    }
  }
  const out: WeekTotals = new Map();
  weeks.forEach((w, i) => {
    const scopes = new Map<string, WeekFigures>([[CASELOAD_SCOPE, caseload.figures(i)]]);
    for (const [team, t] of byTeam) {
      const f = t.figures(i);
      if (team !== null && f.cases > 0) scopes.set(teamScope(team), f);
    }
    out.set(w.iso, scopes);
  });
  return out;
}

/** Every team's and the whole caseload's figures for each week-end date, from one sweep of the whole caseload in this thread. */
export function sweepTotals(db: Db, dates: readonly string[]): WeekTotals {
  return totalsOf(dates, [sweepTallies(db, dates)]);
}
