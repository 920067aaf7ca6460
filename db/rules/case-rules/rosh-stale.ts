import { ruleTitles } from '../../contract/words/index.js';
import { norm } from '../case-facts.js';
import { plusDays } from '../days.js';
import type { CaseRule } from './rule.js';

/** ROSH-STALE: an OASys RoSH assessment due for reassessment. */
export const roshStale: CaseRule = {
  id: 'ROSH-STALE',
  title: ruleTitles['ROSH-STALE'],
  appliesTo: (c) => c.ev.roshAssessedOn !== null,
  evaluate: ({ ev, policy: p }) => {
    const assessed = ev.roshAssessedOn;
    if (!assessed) return null;
    return {
      dueDate: plusDays(assessed, p.roshReassessmentDays),
      words: () => {
        const level = ev.roshLevel ? ` (${norm(ev.roshLevel)})` : '';
        return {
          reason: `OASys RoSH assessment dated ${assessed}${level}; reassessment due ${p.roshReassessmentDays} days later`,
          dueRule: `assessment ${assessed} + ${p.roshReassessmentDays} days`,
          evidence: [{ source: 'case', code: 'rosh_assessed_on', date: assessed, note: `OASys RoSH${level}` }],
          keys: ['roshReassessmentDays'],
        };
      },
    };
  },
};
