import { caseRuleIds, type CaseRuleId } from '../../contract/index.js';
import { actionOverdue } from './action-overdue.js';
import { allocationGrade } from './allocation-grade.js';
import { childSafeguardingCheck } from './child-safeguarding-check.js';
import { daPoliceCheck } from './da-police-check.js';
import { mappaL1Review } from './mappa-l1-review.js';
import { needReferral } from './need-referral.js';
import { oversightNew } from './oversight-new.js';
import { oversightOverdue } from './oversight-overdue.js';
import { registrationReview } from './registration-review.js';
import type { CaseRule } from './rule.js';
import { roshMismatch } from './rosh-mismatch.js';
import { roshMissing } from './rosh-missing.js';
import { roshStale } from './rosh-stale.js';

/** Every case rule by id: a rule id without its rule (or the reverse) does not compile. */
const byId = {
  'OVERSIGHT-NEW': oversightNew,
  'OVERSIGHT-OVERDUE': oversightOverdue,
  'MAPPA-L1-REVIEW': mappaL1Review,
  'REGISTRATION-REVIEW': registrationReview,
  'ROSH-MISSING': roshMissing,
  'ROSH-STALE': roshStale,
  'ROSH-MISMATCH': roshMismatch,
  'DA-POLICE-CHECK': daPoliceCheck,
  'CHILD-SAFEGUARDING-CHECK': childSafeguardingCheck,
  'NEED-REFERRAL': needReferral,
  'ALLOCATION-GRADE': allocationGrade,
  'ACTION-OVERDUE': actionOverdue,
} satisfies Record<CaseRuleId, CaseRule>;

/** In the contract's order of rule ids, which is the order a case's rules are listed in. */
export const caseRules: readonly CaseRule[] = caseRuleIds.map((id) => byId[id]);

export type { CaseRule, Finding, RuleCase, Words } from './rule.js';
