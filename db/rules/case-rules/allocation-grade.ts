import { ruleTitles } from '../../contract/words/index.js';
import { norm } from '../case-facts.js';
import { later } from './evidence-words.js';
import type { CaseRule } from './rule.js';

/** ALLOCATION-GRADE: a high-risk case held by a restricted grade; needs the staff file and the practitioner in it. */
export const allocationGrade: CaseRule = {
  id: 'ALLOCATION-GRADE',
  title: ruleTitles['ALLOCATION-GRADE'],
  appliesTo: (c) => c.ctx.staffFile && c.facts.status.highRisk && c.facts.status.highRiskSince !== null,
  evaluate: ({ ev, facts, alloc, policy: p, scope, allocEvidence }) => {
    const highRiskSince = facts.status.highRiskSince;
    if (highRiskSince === null) return null;
    if (ev.staff === null) return { notEvaluated: `staff code ${ev.staffCode} is not in the staff file` };
    const grade = ev.staff.grade === null ? null : norm(ev.staff.grade);
    if (grade === null || !p.restrictedGrades.includes(grade)) return null;
    return {
      dueDate: later(alloc, highRiskSince),
      words: () => {
        const s = scope();
        return {
          reason: `${s.roshWords ?? ''} held by ${ev.staffCode}, grade ${grade}${grade === 'PSQ' ? ' (PSO)' : ''}; allocated on ${alloc}`,
          dueRule: `the later of allocation ${alloc} and high risk since ${highRiskSince}`,
          evidence: [...s.evidence.filter((e) => e.code !== 'MAPP'), allocEvidence, { source: 'staff', code: grade, date: null, note: `grade of ${ev.staffCode}` }],
          keys: ['restrictedGrades'],
        };
      },
    };
  },
};
