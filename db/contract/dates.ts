/**
 * Calendar dates as the app writes them (YYYY-MM-DD, days counted in UTC so no clock change moves
 * them) and as GOV.UK writes them for people. Shared by the engine and the renderer.
 */

const DAY = 86_400_000;

// en-CA formats as YYYY-MM-DD; building a formatter is costly, so each is built once.
const londonFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const spokenFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayMonthFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

const utcDay = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Today's calendar date in Europe/London (the rules' default as-of date), as YYYY-MM-DD. */
export function londonToday(now: Date): string {
  return londonFormat.format(now);
}

/** A real calendar date written YYYY-MM-DD ("2026-02-29" is not one). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = utcDay(s);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

export function toDayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Plain calendar arithmetic: "X + N days". */
export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** A calendar date as GOV.UK writes it in a sentence: "12 March 2026". */
export function spokenDate(iso: string): string {
  return spokenFormat.format(utcDay(iso));
}

/** A calendar date where space is short, as in a table: "2 Oct 2026". */
export function shortDate(iso: string): string {
  return shortFormat.format(utcDay(iso));
}

/** A day and month where the year is plain from around it, as in a heatmap's weeks: "2 Oct". */
export function dayMonth(iso: string): string {
  return dayMonthFormat.format(utcDay(iso));
}
