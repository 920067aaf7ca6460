import type { CaseRuleId, CaseStatus } from '../contract/index.js';
import { caseFacts } from './case-facts.js';
import { caseRules } from './case-rules/index.js';
import { ruleCase } from './case-rules/context.js';
import type { CaseEvidence, EvalContext, OversightFacts } from './evidence.js';

/** What the weekly figures need of one case on one date: its status, each applying rule's due date, its oversight facts. */
export interface CaseDueDates {
  status: CaseStatus;
  due: { rule: CaseRuleId; dueDate: string }[];
  oversight: OversightFacts | null;
}

/**
 * evaluateCase (./evaluate-case.ts) without the words: the trend sweep evaluates a case at every
 * week its evidence changes and counts due dates only, so building reasons and explanations for
 * every applying rule would be most of its cost. Same rules, same order, same facts; the
 * horizon is not applied (a rule due after it is neither overdue nor due soon, so it counts for
 * nothing), and a rule not evaluated for the case is left out, as the tallies leave it.
 */
export function caseDueDates(ev: CaseEvidence, ctx: EvalContext): CaseDueDates {
  const facts = caseFacts(ev, ctx.asOf);
  const { status } = facts;
  // oversight-rules.md, "Terms": a case allocated after the as-of date is not yet in the caseload.
  if (ev.allocationDate > ctx.asOf) return { status, due: [], oversight: null };
  const c = ruleCase(ev, ctx, facts);
  const due: CaseDueDates['due'] = [];
  for (const rule of caseRules) {
    if (!rule.appliesTo(c)) continue;
    const found = rule.evaluate(c);
    if (found === null || 'notEvaluated' in found) continue;
    due.push({ rule: rule.id, dueDate: found.dueDate });
  }
  const oversight = c.oversight ? { since: c.oversight.start, latest: c.oversight.latest?.date ?? null } : null;
  return { status, due, oversight };
}
