/** Oversight flags: the `flags` report, one case's rules and the queue (oversight-rules.md). */
import { z } from 'zod';
import { isoDate } from './fields.js';
import { caseRuleIds, effectiveRoshLevels, mappaLevelCodes } from './rules.js';
import type { CheckItem, CheckOutcome } from './reviews.js';
import type { CaseRuleId, EffectiveRosh, MappaLevel, Policy, RuleId, SettingBasis, SettingKey, SettingValue, StaffRuleId } from './rules.js';

/** The `flags --json` document, exactly as oversight-rules.md gives it. */
export interface CaseFlag {
  crn: string;
  rule: CaseRuleId;
  dueDate: string;
  daysOverdue: number;
  reason: string;
}
export interface DueSoonFlag {
  crn: string;
  rule: CaseRuleId;
  dueDate: string;
  daysUntilDue: number;
  reason: string;
}
export interface StaffFlag {
  staffCode: string;
  rule: StaffRuleId;
  reason: string;
}
export interface NotEvaluated {
  rule: RuleId;
  reason: string;
}
export interface FlagsReport {
  asOf: string;
  policy: Policy;
  caseFlags: CaseFlag[];
  dueSoon: DueSoonFlag[];
  staffFlags: StaffFlag[];
  notEvaluated: NotEvaluated[];
}

/** One piece of evidence a rule used: a case field, a registration, a contact, a review, a need, a grade. */
export interface FlagEvidence {
  source: 'case' | 'registration' | 'contact' | 'review' | 'need' | 'staff';
  /** The code or field: `RHRH`, `MO1`, `allocation_date`, `mappa-l1-review`, `DRUG`, `PSQ`. */
  code: string;
  date: string | null;
  note: string;
}
export interface FlagSettingUsed {
  key: SettingKey;
  value: SettingValue;
  basis: SettingBasis;
  basisNote: string;
}
/** The structured explanation behind a flag's reason, for the case screen and the oversight log. */
export interface FlagExplanation {
  rule: RuleId;
  title: string;
  dueDate: string | null;
  /** How the due date was reached, in words, e.g. "allocation 2026-09-17 + 15 days". */
  dueRule: string;
  evidence: FlagEvidence[];
  settings: FlagSettingUsed[];
  /** How firm the rule's timing is: its day setting's basis, or the rule's own where it has none. */
  basis: SettingBasis;
  basisNote: string;
}

export interface CaseStatus {
  effectiveRosh: EffectiveRosh;
  roshSource: 'registration' | 'oasys' | 'none';
  highRisk: boolean;
  highRiskSince: string | null;
  mappaLevel: MappaLevel | null;
  mappaSince: string | null;
  /** Set for a high-risk or MAPPA level 1 case. */
  inScopeSince: string | null;
}

export type FlagStatus = 'overdue' | 'due-soon';
export interface CaseRuleResult {
  rule: CaseRuleId;
  /** `not-due`: the rule applies but its due date is further off than dueSoonDays. */
  status: FlagStatus | 'not-due';
  dueDate: string;
  daysOverdue?: number;
  daysUntilDue?: number;
  reason: string;
  explanation: FlagExplanation;
  recorded?: RecordedCheck;
}
export interface CaseFlagsView {
  asOf: string;
  crn: string;
  name: string;
  inCaseload: boolean;
  staffCode: string;
  staffName: string | null;
  teamCode: string | null;
  status: CaseStatus;
  /** Every rule that applies to the case, overdue first, then by due date. */
  rules: CaseRuleResult[];
  notEvaluated: NotEvaluated[];
}

export const flagsEvaluateInput = z.object({
  asOf: isoDate.optional(),
  team: z.string().trim().min(1).toUpperCase().optional(),
});

export const flagsCaseInput = z.object({
  crn: z.string().trim().toUpperCase().regex(/^[A-Z][0-9]{6}$/, 'expected a CRN: one letter and six digits'),
  asOf: isoDate.optional(),
});

/**
 * `risk` (the default) is risk first: very high, then high RoSH, then MAPPA level 1 at a lower RoSH,
 * then unknown RoSH, then the rest; within each the safety rules (SPO oversight, the MAPPA level 1
 * review, the police and children's-services checks) before the others; then the most overdue.
 */
export const queueSorts = ['risk', 'daysOverdue', 'dueDate', 'crn', 'name', 'practitioner', 'team', 'rosh', 'mappa', 'rule'] as const;
export type QueueSort = (typeof queueSorts)[number];

/** `case` (the default): a case once, with all its flags worst first; `flag`: one row per flag. */
export const queueGroupings = ['case', 'flag'] as const;
export type QueueGrouping = (typeof queueGroupings)[number];

/** Several values of one filter match any of them; an empty list is no filter. */
const anyOf = <T extends z.ZodType>(item: T) => z.array(item).max(1000).optional();

export const flagsQueueInput = z.object({
  team: z.string().trim().min(1).toUpperCase().optional(),
  /** Practitioners' staff codes. */
  staffCodes: anyOf(z.string().trim().min(1).max(20).toUpperCase()),
  rules: anyOf(z.enum(caseRuleIds)),
  roshLevels: anyOf(z.enum(effectiveRoshLevels)),
  mappaLevels: anyOf(z.enum(mappaLevelCodes)),
  /** A CRN prefix or part of a name. */
  search: z.string().trim().max(100).optional(),
  status: z.enum(['overdue', 'due-soon']).optional(),
  group: z.enum(queueGroupings).default('case'),
  sort: z.enum(queueSorts).default('risk'),
  /** Default: highest risk first for risk, RoSH and MAPPA, most overdue first for daysOverdue, otherwise ascending. */
  direction: z.enum(['asc', 'desc']).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});

/**
 * The check a flag asks for, as the SPO recorded it in a current review made since the flag's
 * latest evidence. The rule does not change: the extract stays the evidence, so the flag clears
 * only when the request or response contact reaches the next extract.
 */
export interface RecordedCheck {
  reviewId: number;
  reviewDate: string;
  item: CheckItem;
  outcome: CheckOutcome;
  requestedOn: string | null;
  responseOn: string | null;
}

/** One flag in a queue row. */
export interface QueueFlag {
  rule: CaseRuleId;
  status: FlagStatus;
  dueDate: string;
  daysOverdue?: number;
  daysUntilDue?: number;
  reason: string;
  recorded?: RecordedCheck;
}
/**
 * A case in the queue. Its own fields are its worst flag (the one the row is sorted by: safety
 * rules first, then the most overdue); `flags` lists every flag of the case under the filters,
 * worst first (just the one flag when grouped by flag).
 */
export interface QueueRow extends QueueFlag {
  crn: string;
  name: string;
  staffCode: string;
  staffName: string | null;
  teamCode: string | null;
  rosh: EffectiveRosh;
  mappaLevel: MappaLevel | null;
  flags: QueueFlag[];
}
export interface FlagsQueue {
  asOf: string;
  group: QueueGrouping;
  /** Rows (cases, or flags when grouped by flag) matching every filter. */
  total: number;
  rows: QueueRow[];
  /** Rows overdue and due soon under every filter but the status: the tabs' counts. */
  tabs: { overdue: number; dueSoon: number };
  /** Flags per rule, under every filter but the rule and status filters. */
  summary: { rule: CaseRuleId; overdue: number; dueSoon: number }[];
}

export const flagsInputs = {
  'flags:evaluate': flagsEvaluateInput,
  'flags:queue': flagsQueueInput,
  'flags:case': flagsCaseInput,
} as const satisfies Record<keyof FlagsResults, z.ZodType>;

export interface FlagsResults {
  'flags:evaluate': FlagsReport;
  'flags:queue': FlagsQueue;
  'flags:case': CaseFlagsView;
}
