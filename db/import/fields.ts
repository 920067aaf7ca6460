/**
 * Value parsers for extract fields. Each returns the stored value, or a Refusal saying why; the
 * caller attaches file, line and column. (A plain value rather than a result object: these run
 * for every field of millions of rows, and only a refusal should allocate.)
 */
export class Refusal {
  constructor(readonly reason: string) {}
}
export type Parsed<T> = T | Refusal;

const ok = <T>(value: T): Parsed<T> => value;
const bad = (reason: string): Refusal => new Refusal(reason);

/**
 * Control characters (C0, DEL and C1) other than tab and line breaks, which only survive parsing
 * inside quotes. C1 controls also catch the bytes Windows-1252 leaves undefined.
 */
const CONTROL = /[^\P{Cc}\t\n\r]/u;

export function controlCharacterReason(value: string): string | null {
  const m = CONTROL.exec(value);
  if (!m) return null;
  const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const what = code === '0000' ? 'a NUL byte' : `a control character (U+${code})`;
  return `contains ${what} at character ${m.index + 1}`;
}

export function crn(value: string): Parsed<string> {
  const v = value.trim().toUpperCase();
  return /^[A-Z][0-9]{6}$/.test(v) ? ok(v) : bad(`not a CRN (one letter and six digits): ${value}`);
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

// An extract repeats a few thousand dates millions of times: remember the verdicts (bounded).
const dateVerdicts = new Map<string, Parsed<string>>();

/** ISO `YYYY-MM-DD` or the UK form Excel writes, `DD/MM/YYYY`; stored as ISO. */
export function date(value: string): Parsed<string> {
  let verdict = dateVerdicts.get(value);
  if (verdict === undefined) {
    verdict = parseDate(value);
    if (dateVerdicts.size > 50_000) dateVerdicts.clear();
    dateVerdicts.set(value, verdict);
  }
  return verdict;
}

function parseDate(value: string): Parsed<string> {
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const [, y, mo, d] = m as unknown as [string, string, string, string];
    return isCalendarDate(+y, +mo, +d) ? ok(v) : bad(`not a date: ${value}`);
  }
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
  if (m) {
    const [, d, mo, y] = m as unknown as [string, string, string, string];
    return isCalendarDate(+y, +mo, +d) ? ok(`${y}-${mo}-${d}`) : bad(`not a date: ${value}`);
  }
  return bad(`not a date (expected YYYY-MM-DD or DD/MM/YYYY): ${value}`);
}

export function bool(value: string): Parsed<number> {
  switch (value.trim().toUpperCase()) {
    case 'Y':
    case 'TRUE':
    case '1':
      return ok(1);
    case 'N':
    case 'FALSE':
    case '0':
      return ok(0);
    default:
      return bad(`not Y or N: ${value}`);
  }
}

/** Codes are compared trimmed and upper-cased (oversight-rules.md, "Points settled"). */
export function normaliseCode(value: string): string {
  return value.trim().toUpperCase();
}

/** A code whose value changes how a case is flagged: anything outside the list is refused. */
export function strictCode(allowed: readonly string[]): (value: string) => Parsed<string> {
  const set = new Set(allowed);
  return (value) => {
    const v = normaliseCode(value);
    return set.has(v) ? ok(v) : bad(`not one of ${allowed.join(', ')}: ${value}`);
  };
}

export function nonNegativeNumber(value: string): Parsed<number> {
  const v = value.trim();
  if (!/^\d+(\.\d+)?$/.test(v)) return bad(`not a number of zero or more: ${value}`);
  return ok(Number(v));
}
