import type { Db } from '../../connection.js';
import { tallyWeeks } from '../tally.js';
import { median } from '../coverage.js';
import { emptyFigures, type WeekFigures } from '../week-figures.js';

/**
 * The reference the sweep is held to: each week evaluated on its own, as of its date, by the
 * per-week path (db/team/tally.ts, the evaluation `flags:evaluate` makes), and its practitioners'
 * tallies added up for the whole caseload or one team.
 */
export function oracleFigures(db: Db, dates: readonly string[], team?: string): Map<string, WeekFigures> {
  const out = new Map<string, WeekFigures>();
  for (const d of dates) {
    const f = emptyFigures();
    const days: number[] = [];
    for (const w of tallyWeeks(db, [d]).get(d)?.values() ?? []) {
      if (team !== undefined && w.teamCode !== team) continue;
      f.cases += w.cases;
      f.highRisk += w.highRisk;
      f.mappaL1 += w.mappaL1;
      f.inScope += w.inScope;
      f.covered += w.covered;
      if (w.oldestDays !== null && (f.oldestDays === null || w.oldestDays > f.oldestDays)) f.oldestDays = w.oldestDays;
      for (const [rule, n] of Object.entries(w.overdue)) f.overdueByRule[rule as keyof typeof f.overdueByRule] += n;
      f.dueSoon += w.dueSoon;
      days.push(...w.daysOverdue);
    }
    days.sort((a, b) => a - b);
    f.overdue = days.length;
    f.medianDaysOverdue = median(days);
    out.set(d, f);
  }
  return out;
}
