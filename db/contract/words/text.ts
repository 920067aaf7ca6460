import { isIsoDate, spokenDate } from '../dates.js';

const roshWords: Readonly<Record<string, string>> = { VERY_HIGH: 'very high', HIGH: 'high', MEDIUM: 'medium', LOW: 'low', UNKNOWN: 'unknown' };
const severityWords: Readonly<Record<string, string>> = { NO_NEED: 'no need', STANDARD: 'standard', SEVERE: 'severe' };

/**
 * Engine-made sentences (a flag's reason, how its due date was worked out, an evidence note) as
 * a person reads them. The reasons keep ISO dates and raw levels because `flags --json` is a
 * contract (oversight-rules.md's example); on a screen or in the PDF a date inside a sentence is
 * "12 March 2026" and a level is a word.
 */
export function speakText(text: string): string {
  return text
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => (isIsoDate(iso) ? spokenDate(iso) : iso))
    .replace(/\bRoSH (level )?(VERY_HIGH|HIGH|MEDIUM|LOW|UNKNOWN)\b/g, (_m, level: string | undefined, code: string) => `RoSH ${level ?? ''}${roshWords[code] ?? code}`)
    .replace(/\b(NO_NEED|STANDARD|SEVERE)\b/g, (code: string) => severityWords[code] ?? code)
    .replace(/\blevel M([123])\b/g, 'level $1');
}
