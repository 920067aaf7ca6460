import { ruleBasis, ruleTitles } from '../../contract/words/index.js';
import type { ActionEvidence } from '../evidence.js';
import type { CaseRule } from './rule.js';

const earliestFirst = (a: ActionEvidence, b: ActionEvidence): number => a.due.localeCompare(b.due) || a.reviewId - b.reviewId || a.number - b.number;

const named = (a: ActionEvidence): string => `"${a.text}" (owner ${a.owner}, due ${a.due})`;

/**
 * ACTION-OVERDUE (oversight-rules.md, "Actions agreed in oversight"): a case with an open action
 * from a current review is due on the earliest open action's due date; the reason names each
 * overdue action's text and owner (or, before any is overdue, the one due first).
 */
export const actionOverdue: CaseRule = {
  id: 'ACTION-OVERDUE',
  title: ruleTitles['ACTION-OVERDUE'],
  basis: ruleBasis['ACTION-OVERDUE'],
  appliesTo: (c) => c.facts.openActions.length > 0,
  evaluate: ({ facts, ctx }) => {
    const open = [...facts.openActions].sort(earliestFirst);
    const [first] = open;
    if (!first) return null;
    return {
      dueDate: first.due,
      words: () => {
        const overdue = open.filter((a) => a.due < ctx.asOf);
        const reason = overdue.length
          ? `${overdue.length === 1 ? '1 action' : `${overdue.length} actions`} agreed in oversight overdue: ${overdue.map(named).join('; ')}`
          : `${open.length === 1 ? '1 open action' : `${open.length} open actions`} agreed in oversight, the first due ${first.due}: ${named(first)}`;
        return {
          reason,
          dueRule: `the earliest due date among the open actions: ${first.due}`,
          evidence: open.map((a) => ({
            source: 'review' as const,
            code: a.reviewType,
            date: a.due,
            note: `action ${a.number} of review ${a.reviewId} (${a.reviewDate}): ${named(a)}, open`,
          })),
          keys: [],
        };
      },
    };
  },
};
