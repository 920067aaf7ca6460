import type { OversightFacts } from '../rules/evidence.js';
import { dayNumber, isoOfDay } from '../rules/days.js';

/**
 * Oversight coverage, read from the OVERSIGHT rules' own facts (db/rules/evaluate-case.ts): a case
 * in scope (high-risk or MAPPA level 1) is covered on a date when its latest oversight evidence —
 * an oversight contact or a current review, on or after allocation — is at most
 * `oversightIntervalDays` old. That is exactly when OVERSIGHT-OVERDUE is not overdue; a case with
 * no oversight yet is not covered, even while its first one is not due.
 */
export interface OversightAge {
  covered: boolean;
  /** Days since the latest oversight, or since the case came into scope when it has none. */
  days: number;
}

export function oversightAge(o: OversightFacts, asOf: string, intervalDays: number): OversightAge {
  const days = dayNumber(asOf) - dayNumber(o.latest ?? o.since);
  return { covered: o.latest !== null && days <= intervalDays, days };
}

/** Week-ends are Sundays, so a week's figures stay the same whichever day they are read. */
export function weekEnding(asOf: string): string {
  const d = dayNumber(asOf);
  // Day 0 (1970-01-01) was a Thursday: (d + 4) mod 7 is 0 on Sundays.
  return isoOfDay(d - (((d + 4) % 7) + 7) % 7);
}

/** The `count` week-end dates up to `asOf`, oldest first. */
export function weekEndings(asOf: string, count: number): string[] {
  const last = dayNumber(weekEnding(asOf));
  return Array.from({ length: count }, (_, i) => isoOfDay(last - 7 * (count - 1 - i)));
}

/** The median of numbers sorted ascending; null for none. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  const hi = sorted[mid] ?? 0;
  return n % 2 ? hi : ((sorted[mid - 1] ?? 0) + hi) / 2;
}
