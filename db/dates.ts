/** Today's calendar date in Europe/London (the rules' default as-of date), as YYYY-MM-DD. */
export function londonToday(now: Date): string {
  return londonFormat.format(now);
}

// en-CA formats as YYYY-MM-DD; building a formatter is costly, so there is one.
const londonFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

const DAY = 86_400_000;

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

const spokenFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A calendar date as GOV.UK writes it in a sentence: "12 March 2026". */
export function spokenDate(iso: string): string {
  return spokenFormat.format(new Date(`${iso}T00:00:00Z`));
}
