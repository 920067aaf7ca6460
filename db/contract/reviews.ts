/**
 * Oversight reviews (DOMAIN.md, "What an inspector wants from an oversight log";
 * oversight-rules.md, "Review types recorded in the app").
 */
import { z } from 'zod';
import { contactCode, crnField, isoDate, optionalText, requiredText } from './fields.js';
import type { CaseRuleId, EffectiveRosh, SettingKey } from './rules.js';
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

/**
 * `checked`: looked at, nothing further noted; `requested`: asked for, the response awaited; the
 * others say why not, or that work is needed.
 */
export const checkOutcomes = ['checked', 'requested', 'action-needed', 'not-available', 'not-applicable'] as const;
export type CheckOutcome = (typeof checkOutcomes)[number];

/** The checks that are asked of someone (the police, children's services, the practitioner), so have a request and a response. */
export const datedCheckItems = ['police-da', 'childrens-services', 'risk-assessment', 'rmp'] as const satisfies readonly CheckItem[];
export const isDatedCheck = (item: CheckItem): boolean => (datedCheckItems as readonly CheckItem[]).includes(item);

/** The settings listing the nDelius contacts that record a check's request and its response (the first of each is the one to enter). */
export const checkContactSettings: Readonly<Partial<Record<CheckItem, readonly [SettingKey, SettingKey]>>> = {
  'police-da': ['policeCheckRequestCodes', 'policeCheckResponseCodes'],
  'childrens-services': ['childrenCheckRequestCodes', 'childrenCheckResponseCodes'],
};

/** What became of a need the case's `NEED-REFERRAL` names. */
export const referralAnswers = ['referred', 'not-referred', 'declined'] as const;
export type ReferralAnswer = (typeof referralAnswers)[number];

/** The nDelius contact a check or referral is entered as, and on which day. */
export interface ContactToEnter {
  /** `request`/`response` for a check; `referral` for a need. */
  for: 'request' | 'response' | 'referral';
  code: string;
  date: string;
}

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

export const referralSchema = z.object({
  /** The OASys need section: `DRUG`, `ALCOHOL`, `ETE`, `FINANCE` (the `referralNeeds` setting). */
  need: z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'an OASys need code such as DRUG'),
  answer: z.enum(referralAnswers),
  /** Referred: the service referred to. */
  service: optionalText(max.referralService).optional(),
  /** Referred: the day of the referral. */
  date: isoDate.optional(),
  /** Not referred: why; declined: anything said. */
  reason: optionalText(max.referralReason).optional(),
});

export const reviewCheckSchema = z
  .object({
    item: z.enum(checkItems),
    outcome: z.enum(checkOutcomes).default('checked'),
    /** The outcome in words: "call-outs found, shared with practitioner". */
    note: optionalText(max.checkNote).optional(),
    requestedOn: isoDate.optional(),
    /** Absent while the response is awaited. */
    responseOn: isoDate.optional(),
    /** The `referrals` check only: an answer for each need. */
    referrals: z
      .array(referralSchema)
      .max(max.referralNeeds)
      .refine((rs) => new Set(rs.map((r) => r.need)).size === rs.length, 'each need is answered at most once')
      .optional(),
  })
  .superRefine((c, ctx) => {
    const wrong = (path: string, message: string) => {
      ctx.addIssue({ code: 'custom', path: [path], message });
    };
    const dated = isDatedCheck(c.item);
    if (!dated && (c.requestedOn || c.responseOn)) wrong(c.requestedOn ? 'requestedOn' : 'responseOn', 'only a check asked of someone has request and response dates');
    if (c.referrals && c.item !== 'referrals') wrong('referrals', 'only the referrals check answers needs');
    if (c.responseOn && !c.requestedOn) wrong('requestedOn', 'required with a response date');
    if (c.requestedOn && c.responseOn && c.responseOn < c.requestedOn) wrong('responseOn', 'on or after the request date');
    if (c.outcome === 'requested' && !dated) wrong('outcome', 'only a check asked of someone can be awaiting a response');
    if (c.outcome === 'requested' && !c.requestedOn) wrong('requestedOn', 'required while the response is awaited');
    if (c.outcome === 'requested' && c.responseOn) wrong('responseOn', 'a response received is not awaited: choose another outcome');
    c.referrals?.forEach((r, i) => {
      if (r.answer === 'referred' && !r.service) ctx.addIssue({ code: 'custom', path: ['referrals', i, 'service'], message: 'required for a referral' });
      if (r.answer === 'referred' && !r.date) ctx.addIssue({ code: 'custom', path: ['referrals', i, 'date'], message: 'required for a referral' });
      if (r.answer === 'not-referred' && !r.reason) ctx.addIssue({ code: 'custom', path: ['referrals', i, 'reason'], message: 'required when not referred' });
    });
  });
export const reviewActionItemSchema = z.object({
  text: requiredText(max.actionText),
  owner: requiredText(max.actionOwner),
  due: isoDate,
});
/** A check as the schema passes it on, before the engine works out its contacts. */
export type ReviewCheckInput = z.output<typeof reviewCheckSchema>;

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

export interface Referral {
  need: string;
  answer: ReferralAnswer;
  service: string | null;
  date: string | null;
  reason: string | null;
}

export interface ReviewCheck {
  item: CheckItem;
  outcome: CheckOutcome;
  /** The outcome in words. */
  note: string | null;
  requestedOn: string | null;
  /** Null while awaited, or for a check with no request. */
  responseOn: string | null;
  /** The `referrals` check: an answer per need; empty for the others. */
  referrals: Referral[];
  /** The nDelius contacts that record this check, from the rules' settings when it was saved. */
  enter: ContactToEnter[];
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
