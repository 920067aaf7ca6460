import type { CaseFlagsView, CaseRuleResult } from '../contract/index.js';
import type { Db } from '../connection.js';
import { DomainError } from '../errors.js';
import { classify, cmp, daysUntil } from './classify.js';
import { evaluateCase } from './evaluate-case.js';
import { missingFileRules, prepareEvaluation } from './evaluate.js';
import { EvidenceLoader } from './load.js';
import { checkForFlag, recordedChecks } from '../reviews/recorded-checks.js';

const ORDER = { overdue: 0, 'due-soon': 1, 'not-due': 2 } as const;

/**
 * One case's rules with their explanations, for the case screen: every rule that applies, overdue
 * or not yet due, evaluated afresh by per-CRN look-ups.
 */
export function caseFlags(db: Db, crn: string, asOf: string): CaseFlagsView {
  const ev = prepareEvaluation(db, asOf, true);
  const loaded = new EvidenceLoader(db, ev.policy, asOf).one(crn);
  if (!loaded) throw new DomainError('not-found', `no case with CRN ${crn}`, 'crn');
  const outcome = evaluateCase(loaded.evidence, ev.ctx);
  const checks = loaded.row.inCaseload ? recordedChecks(db, [loaded.row.crn]).get(loaded.row.crn) : undefined;
  // Cases no longer in the caseload are never flagged.
  const rules: CaseRuleResult[] = loaded.row.inCaseload
    ? outcome.rules.map((r) => {
        const k = classify(r.dueDate, asOf, ev.policy.dueSoonDays);
        const recorded = checkForFlag(r.rule, r.explanation.evidence, checks);
        return {
          rule: r.rule,
          status: k.status,
          dueDate: r.dueDate,
          ...(k.status === 'overdue' ? { daysOverdue: k.daysOverdue } : { daysUntilDue: daysUntil(k) }),
          reason: r.reason,
          explanation: r.explanation,
          ...(recorded ? { recorded } : {}),
        };
      })
    : [];
  rules.sort((a, b) => ORDER[a.status] - ORDER[b.status] || cmp(a.dueDate, b.dueDate) || cmp(a.rule, b.rule));
  const fileRules = missingFileRules(ev.snapshot).filter((n) => n.rule !== 'PRACTITIONER-CAPACITY');
  return {
    asOf,
    crn: loaded.row.crn,
    name: loaded.row.name,
    inCaseload: loaded.row.inCaseload,
    staffCode: loaded.row.staffCode,
    staffName: loaded.staff?.name ?? null,
    teamCode: loaded.staff?.teamCode ?? null,
    status: outcome.status,
    rules,
    notEvaluated: [...fileRules, ...outcome.notEvaluated],
  };
}
