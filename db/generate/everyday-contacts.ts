import { EVERYDAY_CODES } from './codes.js';
import { codeIndex, type ContactList } from './contact-list.js';
import type { CasePlan } from './plan.js';
import { type Rng, WeightedTable } from './random.js';

const EVERYDAY = new WeightedTable(EVERYDAY_CODES.map(([code, w]) => [codeIndex(code), w] as const));

/** How far back the extract's ordinary contacts go. */
const HISTORY_DAYS = 730;

/**
 * The bulk of contacts.csv: appointments, calls, home visits, over the last two years of the
 * person's supervision (including before this allocation). None of their codes matters to a rule.
 */
export function addEverydayContacts(rng: Rng, list: ContactList, plan: CasePlan, allocDay: number, asOf: number): void {
  const from = Math.max(asOf - HISTORY_DAYS, allocDay - plan.priorDays);
  const span = asOf - from + 1;
  // People in custody are seen far less often by their community practitioner.
  const rate = plan.caseType === 'CUSTODY' ? plan.contactsPerDay * 0.4 : plan.contactsPerDay;
  const count = Math.round(span * rate);
  for (let i = 0; i < count; i++) list.addIndex(from + rng.int(0, span - 1), EVERYDAY.draw(rng));
}
