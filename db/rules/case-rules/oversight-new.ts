import { ruleTitles } from '../../contract/words/index.js';
import { plusDays } from '../days.js';
import type { CaseRule } from './rule.js';

/** OVERSIGHT-NEW: a high-risk or MAPPA level 1 case with no oversight since allocation. */
export const oversightNew: CaseRule = {
  id: 'OVERSIGHT-NEW',
  title: ruleTitles['OVERSIGHT-NEW'],
  appliesTo: (c) => c.oversight !== null && c.oversight.latest === null,
  evaluate: ({ oversight, alloc, policy: p, scope, allocEvidence }) => {
    if (!oversight) return null;
    const { start } = oversight;
    const cameLater = start > alloc;
    return {
      dueDate: plusDays(start, p.newCaseOversightDays),
      words: () => {
        const s = scope();
        return {
          reason: `${s.words}; no management oversight since allocation on ${alloc}${cameLater ? `; first oversight counted from ${start}, when the case came into scope` : ''}`,
          dueRule: cameLater ? `came into scope ${start} (after allocation ${alloc}) + ${p.newCaseOversightDays} days` : `allocation ${alloc} + ${p.newCaseOversightDays} days`,
          evidence: [...s.evidence, allocEvidence],
          keys: ['newCaseOversightDays', 'oversightContactCodes'],
        };
      },
    };
  },
};
