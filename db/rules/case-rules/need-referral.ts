import { ruleTitles } from '../../contract/words/index.js';
import type { FlagEvidence } from '../../contract/index.js';
import { norm } from '../case-facts.js';
import { plusDays } from '../days.js';
import { orList } from '../text.js';
import type { CaseRule } from './rule.js';

/** NEED-REFERRAL: every qualifying need without a referral since allocation, in one flag. */
export const needReferral: CaseRule = {
  id: 'NEED-REFERRAL',
  title: ruleTitles['NEED-REFERRAL'],
  // Without a needs file the rule is listed once as not evaluated (db/rules/evaluate.ts), never per case.
  appliesTo: (c) => c.ctx.needsFile && c.ev.needs.length > 0,
  evaluate: ({ ev, alloc, policy: p, contactsIn, allocEvidence }) => {
    const seen = new Set<string>();
    const unmet: { need: string; detail: string; codes: string[] }[] = [];
    for (const n of ev.needs) {
      const need = norm(n.need);
      const severity = n.severity === null ? null : norm(n.severity);
      if (!p.referralNeeds.includes(need) || seen.has(need)) continue;
      if ((severity !== 'STANDARD' && severity !== 'SEVERE') || !(n.linkedToHarm || n.linkedToReoffending)) continue;
      seen.add(need);
      const codes = p.referralCodes[need] ?? [];
      if (contactsIn(codes).some((c) => c.date >= alloc)) continue;
      const links = [n.linkedToHarm ? 'harm' : null, n.linkedToReoffending ? 'reoffending' : null].filter(Boolean).join(' and ');
      unmet.push({ need, detail: `${severity.toLowerCase()}, linked to ${links}`, codes });
    }
    if (!unmet.length) return null;
    unmet.sort((a, b) => (a.need < b.need ? -1 : a.need > b.need ? 1 : 0));
    return {
      dueDate: plusDays(alloc, p.referralDays),
      words: () => ({
        reason: `No referral since allocation on ${alloc} for ${unmet.map((u) => `${u.need} (${u.detail}; no ${orList(u.codes)} contact)`).join(', ')}`,
        dueRule: `allocation ${alloc} + ${p.referralDays} days`,
        evidence: [...unmet.map((u): FlagEvidence => ({ source: 'need', code: u.need, date: null, note: u.detail })), allocEvidence],
        keys: ['referralDays', 'referralNeeds', 'referralCodes'],
      }),
    };
  },
};
