import type { OpError } from '../../../../db/contract/index.js';

export type AuditField = 'user' | 'crn' | 'from' | 'to';

/** What each filter's problem is, in the words of the GOV.UK pattern; never the engine's own text. */
const words: Record<AuditField, string> = {
  user: 'User must be 200 characters or fewer',
  crn: 'CRN must be one letter and six digits, like X123456',
  from: 'The from date must be a real date, written like 2026-11-01',
  to: 'The to date must be a real date, written like 2026-11-30',
};

/** The filter an engine refusal is about, with its message in plain words; null for any other problem. */
export function auditFieldError(error: OpError): { field: AuditField; text: string } | null {
  const field = (Object.keys(words) as AuditField[]).find((f) => f === error.field);
  return field ? { field, text: words[field] } : null;
}
