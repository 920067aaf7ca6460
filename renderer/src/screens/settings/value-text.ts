import type { SettingValue } from '../../../../db/contract/index.js';

/** A setting's value as the form shows it: numbers as typed, code lists comma-separated, codes per need as `NEED: A, B; NEED: C`. */
export function formatValue(v: SettingValue): string {
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.join(', ');
  return Object.entries(v)
    .map(([need, codes]) => `${need}: ${codes.join(', ')}`)
    .join('; ');
}

const codes = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((c) => c.trim())
    .filter(Boolean);

/**
 * The text read back in the shape of the setting's current value. Only the shape is decided here:
 * the engine checks the value against the setting's own rules and names what is wrong.
 */
export function parseValue(current: SettingValue, text: string): unknown {
  const t = text.trim();
  if (typeof current === 'number') return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
  if (Array.isArray(current)) return codes(t);
  const out: Record<string, string[]> = {};
  for (const part of t.split(';')) {
    if (!part.trim()) continue;
    const [need = '', list = ''] = part.split(':', 2);
    out[need.trim()] = codes(list);
  }
  return out;
}

/** A setting's title inside a sentence: "Change repeat SPO oversight interval"; an acronym keeps its capitals. */
export function settingInSentence(title: string): string {
  return /^[A-Z][a-z]/.test(title) ? `${title.charAt(0).toLowerCase()}${title.slice(1)}` : title;
}

/**
 * The engine's refusal of a value, in the form's words: "Repeat SPO oversight interval must be a
 * whole number of days". The engine names the setting ("Title (key): expected …") and may put
 * the place in a list before its words ("2: expected a code …"); the form says which setting it
 * is in its heading, so only the title leads, and a JSON example (the CLI's way of typing a
 * value) is left out.
 */
export function valueProblemWords(title: string, message: string): string {
  const rest = message
    .replace(/^[^:]*\([A-Za-z]+\):\s*/, '')
    .replace(/^(?:[\w.]+:\s*)+(?=expected|must|at |give)/, '')
    .replace(/,? e\.g\. [[{].*$/, '')
    .trim();
  const words = rest.startsWith('expected ') ? `must be ${rest.slice('expected '.length)}` : rest;
  return `${title} ${words}`;
}
