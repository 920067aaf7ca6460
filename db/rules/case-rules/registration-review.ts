import { ruleBasis, ruleTitles } from '../../contract/words/index.js';
import { byDateThenCode } from '../case-facts.js';
import type { CaseRule } from './rule.js';

/** REGISTRATION-REVIEW: one flag, every registration with a review date listed, the earliest date. */
export const registrationReview: CaseRule = {
  id: 'REGISTRATION-REVIEW',
  title: ruleTitles['REGISTRATION-REVIEW'],
  basis: ruleBasis['REGISTRATION-REVIEW'],
  appliesTo: (c) => c.facts.active.some((r) => r.nextReview),
  evaluate: ({ facts }) => {
    let due: string | null = null;
    for (const r of facts.active) if (r.nextReview && (due === null || r.nextReview < due)) due = r.nextReview;
    if (due === null) return null;
    const first = due;
    return {
      dueDate: first,
      words: () => {
        const listed = facts.active
          .filter((r) => r.nextReview)
          .sort((a, b) => byDateThenCode({ date: a.nextReview ?? '', code: a.code }, { date: b.nextReview ?? '', code: b.code }));
        return {
          reason: `Registration review${listed.length > 1 ? 's' : ''} due: ${listed.map((r) => `${r.code} (registered ${r.date}) on ${r.nextReview ?? ''}`).join(', ')}`,
          dueRule: `the earliest next review date, ${first}`,
          evidence: listed.map((r) => ({ source: 'registration', code: r.code, date: r.date, note: `next review ${r.nextReview ?? ''}` })),
          keys: [],
        };
      },
    };
  },
};
