/**
 * Oversight reviews (DOMAIN.md, "What an inspector wants from an oversight log";
 * oversight-rules.md, "Review types recorded in the app").
 */
import { z } from 'zod';
import { contactCode, crnField, isoDate, optionalText, requiredText } from './fields.js';
import type { CaseRuleId, EffectiveRosh } from './rules.js';
import { reviewLimits as max } from './limits.js';

export const reviewTypes = ['management-oversight', 'allocation-oversight', 'mappa-l1-review'] as const;
export type ReviewType = (typeof reviewTypes)[number];

/** What an SPO checks at a review (cli.md `--checked LIST`). */
export const checkItems = ['risk-assessment', 'rmp', 'police-da', 'childrens-services', 'referrals'] as const;
export type CheckItem = (typeof checkItems)[number];

/**
 * The review check that answers a rule's flag: what the SPO records doing about it. The flag
 * itself clears only when the nDelius contact reaches an extract.
 */
export const ruleChecks = {
  'DA-POLICE-CHECK': 'police-da',
  'CHILD-SAFEGUARDING-CHECK': 'childrens-services',
  'NEED-REFERRAL': 'referrals',
  'ROSH-MISSING': 'risk-assessment',
  'ROSH-STALE': 'risk-assessment',
} as const satisfies Readonly<Partial<Record<CaseRuleId, CheckItem>>>;

/** `checked`: looked at, nothing further noted; the others say why not, or that work is needed. */
export const checkOutcomes = ['checked', 'action-needed', 'not-available', 'not-applicable'] as const;
export type CheckOutcome = (typeof checkOutcomes)[number];

/**
 * The nDelius contact a review is entered as unless the user names another. Allocation oversight
 * is entered under a local SPO allocation contact, which differs between PDUs, so none is assumed.
 */
export const suggestedContactCodes: Readonly<Record<ReviewType, string | null>> = {
  'management-oversight': 'MO1',
  'allocation-oversight': null,
  'mappa-l1-review': 'C281',
};

export const reviewActions = ['recorded', 'amended', 'withdrawn'] as const;
export type ReviewAction = (typeof reviewActions)[number];

export const reviewCheckSchema = z.object({
  item: z.enum(checkItems),
  outcome: z.enum(checkOutcomes).default('checked'),
  note: optionalText(max.checkNote).optional(),
});
export const reviewActionItemSchema = z.object({
  text: requiredText(max.actionText),
  owner: requiredText(max.actionOwner),
  due: isoDate,
});
const checksField = z
  .array(reviewCheckSchema)
  .max(checkItems.length)
  .refine((cs) => new Set(cs.map((c) => c.item)).size === cs.length, 'each item is checked at most once');
const spoField = z.object({
  name: requiredText(max.spoName),
  staffCode: z.string().trim().toUpperCase().min(1).max(max.staffCode).optional(),
});
const triggersField = z.array(requiredText(max.trigger)).max(max.triggers);

export const reviewRecordInput = z.object({
  crn: crnField,
  type: z.enum(reviewTypes),
  /** The day the review took place; never later than today in Europe/London. */
  date: isoDate,
  spo: spoField,
  /** The rule ids (`OVERSIGHT-NEW`) or the event (`new RoSH registration`) that prompted it. */
  triggers: triggersField.default([]),
  checks: checksField.default([]),
  analysis: optionalText(max.analysis).default(''),
  decision: requiredText(max.decision),
  actions: z.array(reviewActionItemSchema).max(max.actions).default([]),
  nextReviewDate: isoDate.optional(),
  /** Defaults to the review type's suggested code (suggestedContactCodes). */
  ndeliusContactCode: contactCode.optional(),
  ndeliusContactId: requiredText(max.contactId).optional(),
});

/** A correction: a new version with the fields given replaced; `null` clears an optional field. */
export const reviewAmendInput = z.object({
  id: z.number({ error: 'required' }).int().positive(),
  reason: requiredText(max.reason),
  type: z.enum(reviewTypes).optional(),
  date: isoDate.optional(),
  spo: spoField.optional(),
  triggers: triggersField.optional(),
  checks: checksField.optional(),
  analysis: optionalText(max.analysis).optional(),
  decision: requiredText(max.decision).optional(),
  actions: z.array(reviewActionItemSchema).max(max.actions).optional(),
  nextReviewDate: isoDate.nullable().optional(),
  ndeliusContactCode: contactCode.nullable().optional(),
  ndeliusContactId: requiredText(max.contactId).nullable().optional(),
});

export const reviewWithdrawInput = z.object({
  id: z.number({ error: 'required' }).int().positive(),
  reason: requiredText(max.reason),
});

export const reviewListInput = z.object({ crn: crnField });
export const reviewGetInput = z.object({ id: z.number({ error: 'required' }).int().positive() });

/** What the SPO saw, taken from the database when the review was recorded (kept by amendments). */
export interface ReviewSnapshot {
  /** UTC ISO timestamp. */
  takenAt: string;
  /** The London date registrations were judged active on. */
  asOf: string;
  crn: string;
  inCaseload: boolean;
  allocationDate: string | null;
  tier: string | null;
  /** OASys RoSH as the extract holds it. */
  rosh: { level: string | null; assessedOn: string | null };
  /** oversight-rules.md "Effective RoSH": the highest active RoSH registration, else the OASys level. */
  effectiveRosh: { level: EffectiveRosh; source: 'registration' | 'oasys' | 'none'; registrationCode: string | null; registeredOn: string | null };
  /** The active MAPP registration (latest, the higher level on a tie), if any. */
  mappa: { category: string | null; level: string | null; registrationDate: string } | null;
  registrations: { code: string; level: string | null; category: string | null; registrationDate: string; nextReviewDate: string | null }[];
  practitioner: { staffCode: string; name: string | null; grade: string | null };
  team: { code: string | null; name: string | null; pduCode: string | null; pduName: string | null };
}

export interface ReviewCheck {
  item: CheckItem;
  outcome: CheckOutcome;
  note: string | null;
}
export interface ReviewActionItem {
  text: string;
  owner: string;
  due: string;
}

/** One stored version of a review: the first record, an amendment or a withdrawal. */
export interface ReviewVersion {
  reviewId: number;
  version: number;
  action: ReviewAction;
  /** Why it was amended or withdrawn; null for the first version. */
  reason: string | null;
  crn: string;
  type: ReviewType;
  date: string;
  spo: { name: string; staffCode: string | null };
  triggers: string[];
  snapshot: ReviewSnapshot;
  checks: ReviewCheck[];
  analysis: string;
  decision: string;
  actions: ReviewActionItem[];
  nextReviewDate: string | null;
  ndelius: { contactCode: string | null; contactId: string | null };
  /** UTC ISO timestamp. */
  recordedAt: string;
  recordedByOs: string;
  recordedBy: string | null;
}

export interface Review {
  /** The review's id: the same for all its versions. */
  id: number;
  crn: string;
  /** The highest version: what the review says now. */
  current: ReviewVersion;
  withdrawn: boolean;
  /** Only the current version of a review that is not withdrawn counts as evidence. */
  countsAsEvidence: boolean;
  /** Oldest first. */
  versions: ReviewVersion[];
}

export interface CaseReviews {
  crn: string;
  /** Newest review date first. */
  reviews: Review[];
}

export const reviewsInputs = {
  'reviews:record': reviewRecordInput,
  'reviews:amend': reviewAmendInput,
  'reviews:withdraw': reviewWithdrawInput,
  'reviews:list': reviewListInput,
  'reviews:get': reviewGetInput,
} as const satisfies Record<keyof ReviewsResults, z.ZodType>;

export interface ReviewsResults {
  'reviews:record': Review;
  'reviews:amend': Review;
  'reviews:withdraw': Review;
  'reviews:list': CaseReviews;
  'reviews:get': Review;
}
