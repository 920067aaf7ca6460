import type { NotEvaluated } from '../contract/index.js';
import { caseFacts } from './case-facts.js';
import { caseRules } from './case-rules/index.js';
import { ruleCase } from './case-rules/context.js';
import type { CaseEvidence, CaseOutcome, EvalContext, RuleOutcome } from './evidence.js';
import { settingDef } from './policy.js';
import { settingsUsed } from './text.js';

export { caseFacts, isActive } from './case-facts.js';

/**
 * Runs the case rules of oversight-rules.md (one file each, in ./case-rules/) over one case's
 * evidence as of `ctx.asOf`: pure, no SQL, so each rule can be checked by hand. Every rule that
 * applies is returned with its due date, whether or not it is due yet (classify() decides overdue
 * or due soon); with `ctx.horizon`, only those due on or before it, so the words of the many rules
 * not yet due are never built.
 */
export function evaluateCase(ev: CaseEvidence, ctx: EvalContext): CaseOutcome {
  const facts = caseFacts(ev, ctx.asOf);
  const { status } = facts;
  // oversight-rules.md, "Terms": a case allocated after the as-of date is not yet in the caseload,
  // so it is never flagged nor due soon (`flags --as-of` and the trend chart count the same cases).
  if (ev.allocationDate > ctx.asOf) return { status, rules: [], notEvaluated: [], oversight: null };

  const c = ruleCase(ev, ctx, facts);
  const rules: RuleOutcome[] = [];
  const notEvaluated: NotEvaluated[] = [];
  for (const rule of caseRules) {
    if (!rule.appliesTo(c)) continue;
    const found = rule.evaluate(c);
    if (found === null) continue;
    if ('notEvaluated' in found) {
      notEvaluated.push({ rule: rule.id, reason: found.notEvaluated });
      continue;
    }
    if (ctx.horizon !== null && found.dueDate > ctx.horizon) continue;
    const w = found.words();
    // A rule's timing rests on its first (day) setting, or on the rule itself where it has none.
    const basis = rule.basis ?? (w.keys[0] ? settingDef(w.keys[0]) : { basis: 'inference' as const, basisNote: '' });
    rules.push({
      rule: rule.id,
      dueDate: found.dueDate,
      reason: w.reason,
      explanation: {
        rule: rule.id,
        title: rule.title,
        dueDate: found.dueDate,
        dueRule: w.dueRule,
        evidence: w.evidence,
        settings: settingsUsed(ctx.policy, w.keys),
        basis: basis.basis,
        basisNote: basis.basisNote,
      },
    });
  }
  const oversight = c.oversight ? { since: c.oversight.start, latest: c.oversight.latest?.date ?? null } : null;
  return { status, rules, notEvaluated, oversight };
}
