import type { CaseRuleId, FlagEvidence, Policy, SettingKey } from '../../contract/index.js';
import { plusDays } from '../days.js';
import { orList } from '../text.js';
import { asEvidence, later, latestOf } from './evidence-words.js';
import type { CaseRule, RuleCase } from './rule.js';

type CodeListKey = { [K in SettingKey]: Policy[K] extends string[] ? K : never }[SettingKey];

export interface CheckShape {
  id: Extract<CaseRuleId, 'DA-POLICE-CHECK' | 'CHILD-SAFEGUARDING-CHECK'>;
  title: string;
  /** The registrations that call for the check, in words ("Domestic abuse registration"). */
  what: string;
  /** The enquiry, in words ("police domestic-abuse enquiry"). */
  enquiry: string;
  trigger: CodeListKey;
  request: CodeListKey;
  response: CodeListKey;
}

/**
 * DA-POLICE-CHECK and CHILD-SAFEGUARDING-CHECK share one shape (oversight-rules.md): a triggering
 * registration calls for (a) a request and then (b) a response dated on or after the latest request.
 */
export function checkRule(shape: CheckShape): CaseRule {
  const triggering = (c: RuleCase) => {
    const triggers = c.policy[shape.trigger];
    return c.facts.active.filter((r) => triggers.includes(r.code));
  };
  return {
    id: shape.id,
    title: shape.title,
    appliesTo: (c) => triggering(c).length > 0,
    evaluate: (c) => {
      const { policy: p, alloc, allocEvidence, contactsIn } = c;
      const regs = triggering(c);
      const first = regs[0];
      if (!first) return null;
      const regWords = (): string => `${shape.what} (${regs.map((r) => `${r.code} since ${r.date}`).join(', ')})`;
      const regEvidence = (): FlagEvidence[] => regs.map((r) => ({ source: 'registration', code: r.code, date: r.date, note: 'active registration' }));
      const requestCodes = p[shape.request];
      const responseCodes = p[shape.response];
      const request = latestOf(contactsIn(requestCodes));
      if (!request) {
        const from = later(alloc, first.date);
        return {
          dueDate: plusDays(from, p.checkRequestDays),
          words: () => ({
            reason: `${regWords()}; no ${shape.enquiry} requested (${orList(requestCodes)})`,
            dueRule: `the later of allocation ${alloc} and registration ${first.date}, + ${p.checkRequestDays} days`,
            evidence: [...regEvidence(), allocEvidence],
            keys: ['checkRequestDays', shape.trigger, shape.request],
          }),
        };
      }
      const response = latestOf(contactsIn(responseCodes));
      if (response && response.date >= request.date) return null;
      return {
        dueDate: plusDays(request.date, p.checkResponseDays),
        words: () => ({
          reason: `${regWords()}; ${shape.enquiry} requested on ${request.date} (${request.code}), no response (${orList(responseCodes)}) since`,
          dueRule: `request ${request.date} + ${p.checkResponseDays} days`,
          evidence: [...regEvidence(), asEvidence(request, 'latest request'), ...(response ? [asEvidence(response, 'latest response, before the request')] : [])],
          keys: ['checkResponseDays', shape.trigger, shape.request, shape.response],
        }),
      };
    },
  };
}
