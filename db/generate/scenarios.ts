import type { CasePlan } from './plan.js';

/*
 * Scenario cases: in every PDU a few cases are rewritten so that each rule of oversight-rules.md
 * is overdue (and several are due soon) on the as-of date whatever the seed. The random mix makes
 * most of the queue; these make sure that no rule is ever missing from it. Each override sets
 * every field its rule's due date depends on, with days chosen well clear of the boundaries.
 */

export interface Scenario {
  /** The rule this case is built to trigger, and whether overdue or due soon. */
  readonly rule: string;
  readonly expect: 'overdue' | 'due-soon';
  apply(plan: CasePlan): void;
}

/** A high-risk case whose RoSH registration dates from before allocation. */
function highRiskSinceBeforeAllocation(plan: CasePlan, allocDaysAgo: number): void {
  plan.allocDaysAgo = allocDaysAgo;
  plan.rosh = 'HIGH';
  plan.roshRegistration = 'match';
  plan.roshAssessedDaysAgo = allocDaysAgo + 20;
  plan.heldByPso = false;
}

/** A case with an OASys assessment and a matching RoSH registration, well short of high risk. */
function mediumRisk(plan: CasePlan): void {
  plan.rosh = 'MEDIUM';
  plan.roshRegistration = 'match';
  plan.roshAssessedDaysAgo ??= 100;
  if (plan.roshAssessedDaysAgo > 300) plan.roshAssessedDaysAgo = 100;
  plan.heldByPso = false;
}

/** Gives the case a need that calls for a referral (DRUG, severe, linked to reoffending). */
function withDrugNeed(plan: CasePlan): void {
  plan.needs = [
    ...plan.needs.filter((n) => n.need !== 'DRUG'),
    { need: 'DRUG', severity: 'SEVERE', harm: false, reoffending: true },
  ];
}

export const SCENARIOS: readonly Scenario[] = [
  {
    rule: 'OVERSIGHT-NEW',
    expect: 'overdue',
    apply(plan) {
      highRiskSinceBeforeAllocation(plan, 40);
      plan.oversight = { kind: 'none' };
    },
  },
  {
    rule: 'OVERSIGHT-NEW',
    expect: 'due-soon',
    apply(plan) {
      highRiskSinceBeforeAllocation(plan, 5);
      plan.rosh = 'VERY_HIGH';
      plan.oversight = { kind: 'none' };
    },
  },
  {
    rule: 'OVERSIGHT-OVERDUE',
    expect: 'overdue',
    apply(plan) {
      highRiskSinceBeforeAllocation(plan, 400);
      plan.oversight = { kind: 'lapsed', lastDaysAgo: 120 };
    },
  },
  {
    rule: 'OVERSIGHT-OVERDUE',
    expect: 'due-soon',
    apply(plan) {
      highRiskSinceBeforeAllocation(plan, 400);
      plan.oversight = { kind: 'lapsed', lastDaysAgo: 76 };
    },
  },
  {
    rule: 'MAPPA-L1-REVIEW',
    expect: 'overdue',
    apply(plan) {
      mediumRisk(plan);
      plan.allocDaysAgo = 500;
      plan.mappa = { level: 'M1', category: 'M2', regDaysAgo: 300, reviews: { kind: 'lapsed', lastDaysAgo: 150 }, history: false };
      plan.oversight = { kind: 'kept' };
    },
  },
  {
    rule: 'MAPPA-L1-REVIEW',
    expect: 'due-soon',
    apply(plan) {
      mediumRisk(plan);
      plan.allocDaysAgo = 500;
      plan.mappa = { level: 'M1', category: 'M1', regDaysAgo: 450, reviews: { kind: 'lapsed', lastDaysAgo: 104 }, history: true };
      plan.oversight = { kind: 'kept' };
    },
  },
  {
    rule: 'REGISTRATION-REVIEW',
    expect: 'overdue',
    apply(plan) {
      mediumRisk(plan);
      plan.reviewOverdue = true;
    },
  },
  {
    rule: 'ROSH-MISSING',
    expect: 'overdue',
    apply(plan) {
      plan.allocDaysAgo = 30;
      plan.rosh = null;
      plan.roshRegistration = 'none';
      plan.roshAssessedDaysAgo = null;
      plan.needs = [];
    },
  },
  {
    rule: 'ROSH-MISSING',
    expect: 'due-soon',
    apply(plan) {
      plan.allocDaysAgo = 6;
      plan.rosh = null;
      plan.roshRegistration = 'none';
      plan.roshAssessedDaysAgo = null;
      plan.needs = [];
    },
  },
  {
    rule: 'ROSH-STALE',
    expect: 'overdue',
    apply(plan) {
      mediumRisk(plan);
      plan.roshAssessedDaysAgo = 420;
    },
  },
  {
    rule: 'ROSH-MISMATCH',
    expect: 'overdue',
    apply(plan) {
      // OASys says LOW; the RMRH registration from an earlier assessment was never removed.
      plan.rosh = 'LOW';
      plan.roshRegistration = 'mismatch';
      plan.roshAssessedDaysAgo = 60;
      plan.heldByPso = false;
    },
  },
  {
    rule: 'DA-POLICE-CHECK',
    expect: 'overdue',
    apply(plan) {
      plan.allocDaysAgo = 90;
      plan.domesticAbuse = { codes: ['ADVP'], regDaysAgo: 190, check: { kind: 'never' } };
    },
  },
  {
    rule: 'DA-POLICE-CHECK',
    expect: 'overdue',
    apply(plan) {
      plan.allocDaysAgo = 200;
      plan.domesticAbuse = { codes: ['REG30'], regDaysAgo: 500, check: { kind: 'unanswered', requestDaysAgo: 30 } };
    },
  },
  {
    rule: 'DA-POLICE-CHECK',
    expect: 'due-soon',
    apply(plan) {
      plan.allocDaysAgo = 20;
      plan.domesticAbuse = { codes: ['ADVP'], regDaysAgo: 60, check: { kind: 'unanswered', requestDaysAgo: 5 } };
    },
  },
  {
    rule: 'CHILD-SAFEGUARDING-CHECK',
    expect: 'overdue',
    apply(plan) {
      plan.allocDaysAgo = 120;
      plan.children = { codes: ['RCCO'], regDaysAgo: 300, check: { kind: 'never' } };
    },
  },
  {
    rule: 'CHILD-SAFEGUARDING-CHECK',
    expect: 'overdue',
    apply(plan) {
      plan.allocDaysAgo = 300;
      plan.children = { codes: ['RCPR'], regDaysAgo: 320, check: { kind: 'unanswered', requestDaysAgo: 40 } };
    },
  },
  {
    rule: 'CHILD-SAFEGUARDING-CHECK',
    expect: 'due-soon',
    apply(plan) {
      // Registered during the allocation, three days ago: the request is due seven days from now.
      plan.allocDaysAgo = 400;
      plan.children = { codes: ['RCHD'], regDaysAgo: 3, check: { kind: 'never' } };
    },
  },
  {
    rule: 'NEED-REFERRAL',
    expect: 'overdue',
    apply(plan) {
      mediumRisk(plan);
      plan.allocDaysAgo = 100;
      withDrugNeed(plan);
      plan.referrals = 'missing';
    },
  },
  {
    rule: 'NEED-REFERRAL',
    expect: 'due-soon',
    apply(plan) {
      mediumRisk(plan);
      plan.allocDaysAgo = 48;
      withDrugNeed(plan);
      plan.referrals = 'missing';
    },
  },
  {
    rule: 'ALLOCATION-GRADE',
    expect: 'overdue',
    apply(plan) {
      highRiskSinceBeforeAllocation(plan, 200);
      plan.heldByPso = true;
      plan.oversight = { kind: 'kept' };
    },
  },
];

/**
 * The case positions within a PDU that get a scenario, spread evenly through it so the scenario
 * cases do not cluster at the top of cases.csv. Returns scenario index by case index.
 */
export function scenarioSlots(caseCount: number): Map<number, Scenario> {
  const slots = new Map<number, Scenario>();
  SCENARIOS.forEach((s, k) => slots.set(Math.floor(((k + 0.5) * caseCount) / SCENARIOS.length), s));
  return slots;
}
