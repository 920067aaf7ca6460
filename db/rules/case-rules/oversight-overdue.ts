import { ruleTitles } from '../../contract/words/index.js';
import { plusDays } from '../days.js';
import { asEvidence, describe } from './evidence-words.js';
import type { CaseRule } from './rule.js';

/**
 * OVERSIGHT-OVERDUE: repeat oversight of a high-risk or MAPPA level 1 case, from its latest oversight.
 * oversight-rules.md, "Points settled": oversight from before the case came into scope still
 * counts, with no floor at in-scope-since (which may be only the latest reassessment date).
 */
export const oversightOverdue: CaseRule = {
  id: 'OVERSIGHT-OVERDUE',
  title: ruleTitles['OVERSIGHT-OVERDUE'],
  appliesTo: (c) => c.oversight?.latest != null,
  evaluate: ({ oversight, policy: p, scope, allocEvidence }) => {
    const latest = oversight?.latest;
    if (!oversight || !latest) return null;
    const beforeScope = latest.date < oversight.start;
    return {
      dueDate: plusDays(latest.date, p.oversightIntervalDays),
      words: () => {
        const s = scope();
        return {
          reason: `${s.words}; last management oversight on ${latest.date} (${describe(latest)})${beforeScope ? `, before the case came into scope on ${oversight.start}` : ''}`,
          dueRule: `last oversight ${latest.date} + ${p.oversightIntervalDays} days`,
          evidence: [...s.evidence, allocEvidence, asEvidence(latest, 'latest oversight evidence')],
          keys: ['oversightIntervalDays', 'oversightContactCodes'],
        };
      },
    };
  },
};
