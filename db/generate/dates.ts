/**
 * Dates as whole day numbers (days since 1970-01-01, UTC): the generator does calendar arithmetic
 * on integers and only turns them into text when a row is written.
 */

const MS_PER_DAY = 86_400_000;

/** The day number of an ISO `YYYY-MM-DD` date, or null when it is not a real calendar date. */
export function parseIsoDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d));
  const day = ms / MS_PER_DAY;
  // Date.UTC rolls 31 February over into March; a round trip catches it.
  return isoOfDay(day) === text ? day : null;
}

export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Formats day numbers near the as-of date from a lazily filled table: a national extract writes
 * about twenty million dates and Date#toISOString on each would dominate the run time.
 */
export class DayFormatter {
  private readonly cache: (string | undefined)[];
  private readonly first: number;

  constructor(asOf: number, daysBack: number, daysAhead = 400) {
    this.first = asOf - daysBack;
    this.cache = new Array<string | undefined>(daysBack + daysAhead + 1);
  }

  format(day: number): string {
    const i = day - this.first;
    if (i < 0 || i >= this.cache.length) return isoOfDay(day);
    const hit = this.cache[i];
    if (hit !== undefined) return hit;
    const text = isoOfDay(day);
    this.cache[i] = text;
    return text;
  }
}
