import { ruleBasis, ruleTitles } from '../../contract/words/index.js';
import { KNOWN_ROSH, norm, ROSH_REGISTERS } from '../case-facts.js';
import { later } from './evidence-words.js';
import type { CaseRule } from './rule.js';

const oasysLevel = (roshLevel: string | null): string | null => {
  const level = roshLevel === null ? null : norm(roshLevel);
  return level !== null && KNOWN_ROSH.has(level) ? level : null;
};

/** ROSH-MISMATCH: the highest active RoSH registration against the OASys level. */
export const roshMismatch: CaseRule = {
  id: 'ROSH-MISMATCH',
  title: ruleTitles['ROSH-MISMATCH'],
  basis: ruleBasis['ROSH-MISMATCH'],
  appliesTo: (c) => c.facts.topRoshRegs.length > 0 && oasysLevel(c.ev.roshLevel) !== null,
  evaluate: ({ facts, ev }) => {
    const topReg = facts.topRoshRegs[0];
    const oasys = oasysLevel(ev.roshLevel);
    if (!topReg || oasys === null || ROSH_REGISTERS[topReg.code] === oasys) return null;
    const assessed = ev.roshAssessedOn;
    return {
      dueDate: assessed ? later(topReg.date, assessed) : topReg.date,
      words: () => ({
        reason: `RoSH registration ${topReg.code} (${ROSH_REGISTERS[topReg.code] ?? ''}, since ${topReg.date}) differs from the OASys RoSH level ${oasys}${assessed ? ` assessed on ${assessed}` : ''}`,
        dueRule: assessed ? `the later of registration ${topReg.date} and assessment ${assessed}` : `registration ${topReg.date}`,
        evidence: [
          { source: 'registration', code: topReg.code, date: topReg.date, note: 'highest active RoSH registration' },
          { source: 'case', code: 'rosh_level', date: assessed, note: `OASys RoSH ${oasys}` },
        ],
        keys: [],
      }),
    };
  },
};
