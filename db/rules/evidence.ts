import type { CaseRuleId, CaseStatus, FlagExplanation, NotEvaluated, Policy } from '../contract/index.js';

/**
 * What the rules see of one case. The loader fills it from SQL (latest contact per code, latest
 * review per type); a test can write one by hand. Case fields are snapshot values; every dated
 * item is filtered by the as-of date again in the rules, so a caller may pass more than it needs.
 */
export interface CaseEvidence {
  crn: string;
  allocationDate: string;
  roshLevel: string | null;
  roshAssessedOn: string | null;
  staffCode: string;
  registrations: readonly RegistrationEvidence[];
  /** Contacts that may matter (the loader passes the latest of each relevant code). */
  contacts: readonly DatedCode[];
  /** App reviews that are current and not withdrawn. */
  reviews: readonly ReviewEvidence[];
  needs: readonly NeedEvidence[];
  /**
   * The actions of current, not withdrawn, reviews, each with the day it was done or dropped (if
   * it was); absent is none (a hand-written case in a test).
   */
  actions?: readonly ActionEvidence[];
  /** The practitioner in the staff file; null when the staff file does not hold the case's staff code. */
  staff: { grade: string | null } | null;
}

export interface RegistrationEvidence {
  code: string;
  level: string | null;
  date: string;
  nextReview: string | null;
  deregistered: string | null;
}

export interface DatedCode {
  code: string;
  date: string;
}

export interface ReviewEvidence {
  /** `management-oversight`, `allocation-oversight` or `mappa-l1-review`. */
  type: string;
  date: string;
}

export interface ActionEvidence {
  reviewId: number;
  reviewType: string;
  reviewDate: string;
  /** Its place in the review, from 1. */
  number: number;
  text: string;
  owner: string;
  due: string;
  /** The day it was marked done or dropped; null while it is open. */
  closedOn: string | null;
}

export interface NeedEvidence {
  need: string;
  severity: string | null;
  linkedToHarm: boolean;
  linkedToReoffending: boolean;
}

export interface EvalContext {
  asOf: string;
  policy: Policy;
  /** Whether the latest committed import held a staff file / a needs file. */
  staffFile: boolean;
  needsFile: boolean;
  /**
   * Only rules due on or before this date are returned (as-of + dueSoonDays when listing flags,
   * so the words of the many rules not yet due are never built); null for every rule.
   */
  horizon: string | null;
}

/** A rule that applies to the case, whatever its due date. */
export interface RuleOutcome {
  rule: CaseRuleId;
  dueDate: string;
  reason: string;
  explanation: FlagExplanation;
}

export interface CaseOutcome {
  status: CaseStatus;
  rules: RuleOutcome[];
  /** Rules that could not be evaluated for this case alone (ALLOCATION-GRADE with an unknown staff code). */
  notEvaluated: NotEvaluated[];
  /**
   * For a case in scope of SPO oversight (high-risk or MAPPA level 1), the oversight evidence the
   * OVERSIGHT rules used, so coverage and the team heatmap read the rules' own definition; null
   * for a case out of scope.
   */
  oversight: OversightFacts | null;
}

export interface OversightFacts {
  /** The later of allocation and in-scope-since: when the first oversight is counted from. */
  since: string;
  /** The latest oversight evidence (oversight contact or current review) dated on or after allocation and on or before as-of. */
  latest: string | null;
}
