/**
 * The GOV.UK date input's three boxes (day, month, year) read as one calendar date, with the
 * Design System's own error words. The renderer reads every date field through this before it
 * asks the engine, and the engine's schema (isoDate) refuses the same impossible dates again, so
 * both sides agree on what "a real date" is.
 */
import { isIsoDate } from './dates.js';

export const dateParts = ['day', 'month', 'year'] as const;
export type DatePart = (typeof dateParts)[number];

/** What the user typed in each box, untrimmed. */
export type DateParts = Record<DatePart, string>;

export const emptyDateParts: DateParts = { day: '', month: '', year: '' };

/** How a date field is named in its messages. */
export interface DateWords {
  /** Starts a sentence: "Date of the review" ("Date of the review must be a real date"). */
  name: string;
  /** The message for a required date left empty: "Enter the date of the review". */
  missing: string;
}

export interface DateRules {
  required?: boolean;
  /** Today in Europe/London (YYYY-MM-DD), for the time rules below. */
  today?: string;
  /** "must be in the past" (before today) or "must be today or in the past". */
  when?: 'past' | 'today-or-past';
}

export type ReadDate =
  | { ok: true; /** YYYY-MM-DD, or '' for an optional date left empty. */ iso: string }
  | { ok: false; message: string; /** The boxes that are wrong, to highlight; the first is the link target. */ parts: DatePart[] };

const list = (parts: readonly DatePart[]): string => (parts.length === 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`);

/**
 * Reads a GOV.UK date input: 1 or 2 digits for the day and month, 4 for the year, spaces ignored.
 * Messages follow the Design System's date input guidance, in its order: missing, incomplete,
 * not a real date, then the time rules.
 */
export function readDateParts(typed: DateParts, words: DateWords, rules: DateRules = {}): ReadDate {
  const v: DateParts = { day: typed.day.replace(/\s+/g, ''), month: typed.month.replace(/\s+/g, ''), year: typed.year.replace(/\s+/g, '') };
  const empty = dateParts.filter((p) => v[p] === '');
  if (empty.length === 3) return rules.required ? { ok: false, message: words.missing, parts: ['day', 'month', 'year'] } : { ok: true, iso: '' };
  if (empty.length > 0) return { ok: false, message: `${words.name} must include a ${list(empty)}`, parts: empty };

  const wrong = dateParts.filter((p) => !(p === 'year' ? /^\d{4}$/ : /^\d{1,2}$/).test(v[p]));
  // A year of 2 digits is the commonest slip, and GOV.UK names it precisely.
  if (wrong.length === 1 && wrong[0] === 'year' && /^\d+$/.test(v.year)) return { ok: false, message: 'Year must include 4 numbers', parts: ['year'] };
  if (wrong.length > 0) return { ok: false, message: `${words.name} must be a real date`, parts: wrong };

  const day = Number(v.day);
  const month = Number(v.month);
  const iso = `${v.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (month < 1 || month > 12) return { ok: false, message: `${words.name} must be a real date`, parts: ['month'] };
  if (!isIsoDate(iso)) return { ok: false, message: `${words.name} must be a real date`, parts: ['day'] };

  if (rules.today && rules.when === 'past' && iso >= rules.today) return { ok: false, message: `${words.name} must be in the past`, parts: ['day', 'month', 'year'] };
  if (rules.today && rules.when === 'today-or-past' && iso > rules.today)
    return { ok: false, message: `${words.name} must be today or in the past`, parts: ['day', 'month', 'year'] };
  return { ok: true, iso };
}

/** The boxes a stored date fills, as a person writes them ("2026-03-07" is 7, 3, 2026). */
export function isoToDateParts(iso: string | null | undefined): DateParts {
  if (!iso || !isIsoDate(iso)) return { ...emptyDateParts };
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** Whether nothing has been typed in any box. */
export const isEmptyDate = (d: DateParts): boolean => dateParts.every((p) => d[p].trim() === '');
