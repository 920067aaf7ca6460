import { ruleTitles } from '../../contract/words/index.js';
import { plusDays } from '../days.js';
import type { CaseRule } from './rule.js';

/** ROSH-MISSING: neither an active RoSH registration nor an OASys RoSH level. */
export const roshMissing: CaseRule = {
  id: 'ROSH-MISSING',
  title: ruleTitles['ROSH-MISSING'],
  appliesTo: (c) => c.facts.status.effectiveRosh === 'UNKNOWN',
  evaluate: ({ alloc, policy: p, allocEvidence }) => ({
    dueDate: plusDays(alloc, p.roshMissingDays),
    words: () => ({
      reason: `No RoSH level: no active RoSH registration and no OASys RoSH level; allocated on ${alloc}`,
      dueRule: `allocation ${alloc} + ${p.roshMissingDays} days`,
      evidence: [allocEvidence],
      keys: ['roshMissingDays'],
    }),
  }),
};
