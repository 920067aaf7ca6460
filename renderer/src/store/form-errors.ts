import { readDateParts, type DatePart, type DateParts, type DateRules, type DateWords, type OpError } from '../../../db/contract/index.js';

/** A form's problems by field, in GOV.UK words, with the wrong boxes of each date field. */
export interface FormErrors<K extends string> {
  messages: Partial<Record<K, string>>;
  parts: Partial<Record<K, DatePart[]>>;
}

export const noErrors = <K extends string>(): FormErrors<K> => ({ messages: {}, parts: {} });

export const hasErrors = (e: FormErrors<string>): boolean => Object.keys(e.messages).length > 0;

/** Reads one date field into `errors`; answers its ISO date, or '' when it is empty or wrong. */
export function checkDate<K extends string>(errors: FormErrors<K>, key: K, value: DateParts, words: DateWords, rules: DateRules = {}): string {
  const read = readDateParts(value, words, rules);
  if (read.ok) return read.iso;
  errors.messages[key] = read.message;
  errors.parts[key] = read.parts;
  return '';
}

/** A rule between two dates: the whole of the later date is wrong. */
export function wholeDate<K extends string>(errors: FormErrors<K>, key: K, message: string) {
  errors.messages[key] = message;
  errors.parts[key] = ['day', 'month', 'year'];
}

/** "200 characters or fewer", as GOV.UK writes a limit. */
export const fewer = (limit: number): string => `${limit.toLocaleString('en-GB')} characters or fewer`;

/** A required text: "Enter …" when empty, "… must be N characters or fewer" when too long. */
export function checkText<K extends string>(errors: FormErrors<K>, key: K, value: string, words: { name: string; missing?: string }, limit: number) {
  const v = value.trim();
  if (!v && words.missing) errors.messages[key] = words.missing;
  else if (v.length > limit) errors.messages[key] = `${words.name} must be ${fewer(limit)}`;
}

/**
 * The service's refusal put on the form's fields, in the plain words it carries (error.fields);
 * a date field refused by the engine is wrong as a whole.
 */
export function refusedFields<K extends string>(error: OpError, fields: readonly K[], dates: readonly K[] = []): FormErrors<K> {
  const out = noErrors<K>();
  for (const p of error.fields ?? []) {
    const key = fields.find((f) => f === p.field);
    if (!key || out.messages[key]) continue;
    out.messages[key] = p.message;
    if (dates.includes(key)) out.parts[key] = ['day', 'month', 'year'];
  }
  return out;
}

/** A refusal not about one field, in plain words: never the engine's own text. */
export function problemWords(error: OpError, what: string): string {
  switch (error.code) {
    case 'io':
      return `${what}: a file could not be read or written. Check the place you chose and try again.`;
    case 'not-found':
      return `${what}: what you asked for could not be found. Go back and try again.`;
    case 'conflict':
      return `${what}: something else is running. Wait for it to finish and try again.`;
    case 'forbidden':
      return `${what}: this window is not allowed to do that. Close it and open the app again.`;
    case 'internal':
      return `${what}: something went wrong on this computer. Try again; if it happens again, the details are in the application log.`;
    case 'invalid-input':
      return `${what}: check your answers and try again.`;
  }
}

/**
 * The engine's message where it is the best words there are (an import's file problems name the
 * file), without the `field: ` prefix the CLI prints; the plain words when the input was refused
 * field by field, or when the failure is a bug whose message is for the log.
 */
export function plainMessage(error: OpError, what: string): string {
  const first = error.fields?.[0];
  if (first) return first.message;
  if (error.code === 'internal' || error.code === 'forbidden') return problemWords(error, what);
  const text = error.field && error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
