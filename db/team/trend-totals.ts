import type { Db } from '../connection.js';
import { caseloadSweep } from './sweep-caseload.js';
import { WeekTally, type WeekFigures } from './week-figures.js';

/** The whole caseload's key among a week's scopes; a team's is `team:` and its code. */
export const CASELOAD_SCOPE = 'caseload';
export const teamScope = (team: string): string => `team:${team}`;

/**
 * Every team's and the whole caseload's figures for each week-end date, from one sweep of the
 * caseload (./sweep-caseload.ts). A case counts for its practitioner's team in the staff file of
 * the latest import (for none when the file does not hold the practitioner) and for the whole
 * caseload. Answers week-end date → scope → figures; a team with no case that week has no entry.
 */
export function sweepTotals(db: Db, dates: readonly string[]): Map<string, Map<string, WeekFigures>> {
  const sweep = caseloadSweep(db, dates);
  const { weeks, policy } = sweep;
  const days = weeks.map((w) => w.day);
  const byTeam = new Map<string | null, WeekTally>();
  sweep.run((c, from, to, o) => {
    const team = c.staff?.teamCode ?? null;
    let t = byTeam.get(team);
    if (!t) byTeam.set(team, (t = new WeekTally(weeks.length)));
    t.addRun(from, to, days, o, policy.oversightIntervalDays, policy.dueSoonDays);
  });
  const caseload = new WeekTally(weeks.length);
  for (const t of byTeam.values()) caseload.merge(t);
  const out = new Map<string, Map<string, WeekFigures>>();
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
