import type { CaseRuleId, Policy } from '../../contract/index.js';
import { classify, daysUntil } from '../classify.js';
import { evaluateCase } from '../evaluate-case.js';
import type { CaseEvidence, EvalContext, RegistrationEvidence } from '../evidence.js';
import { defaultPolicy } from '../policy.js';

/** Hand-built evidence for rule tests: one case, nothing on it unless a test adds it. */
export function kase(over: Partial<CaseEvidence> = {}): CaseEvidence {
  return {
    crn: 'X000001',
    allocationDate: '2026-09-17',
    roshLevel: null,
    roshAssessedOn: null,
    staffCode: 'N99P001',
    registrations: [],
    contacts: [],
    reviews: [],
    needs: [],
    staff: { grade: 'PSM' },
    ...over,
  };
}

export function reg(code: string, date: string, extra: Partial<RegistrationEvidence> = {}): RegistrationEvidence {
  return { code, level: null, date, nextReview: null, deregistered: null, ...extra };
}

export type CtxOverrides = Partial<Omit<EvalContext, 'policy'>> & { policy?: Partial<Policy> };

export function ctxFor(asOf: string, over: CtxOverrides = {}): EvalContext {
  const { policy, ...rest } = over;
  return { asOf, policy: { ...defaultPolicy(), ...policy }, staffFile: true, needsFile: true, horizon: null, ...rest };
}

export interface Judged {
  rule: CaseRuleId;
  dueDate: string;
  status: 'overdue' | 'due-soon' | 'not-due';
  days: number;
  reason: string;
}

/** Every rule that applies, with its status as of the date, as the report would show it. */
export function judge(ev: CaseEvidence, asOf: string, over: CtxOverrides = {}): Judged[] {
  const ctx = ctxFor(asOf, over);
  return evaluateCase(ev, ctx).rules.map((r) => {
    const k = classify(r.dueDate, asOf, ctx.policy.dueSoonDays);
    return { rule: r.rule, dueDate: r.dueDate, status: k.status, days: k.status === 'overdue' ? k.daysOverdue : daysUntil(k), reason: r.reason };
  });
}

export function one(ev: CaseEvidence, asOf: string, rule: CaseRuleId, over: CtxOverrides = {}): Judged | undefined {
  return judge(ev, asOf, over).find((j) => j.rule === rule);
}
