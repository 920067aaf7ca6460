/**
 * The one contract between the engine and everything that calls it (CLI, Electron IPC, the
 * preview host, the renderer). Operation names exist only here. This file must stay pure — no
 * Node, no Electron, no DOM — because the renderer imports its types and schemas
 * (tsconfig.web.json type-checks it without Node types, and lint forbids Node imports).
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Results crossing the boundary

export type ErrorCode =
  | 'invalid-input' // the caller sent something the schema or the domain refuses
  | 'not-found'
  | 'conflict' // e.g. another import is already running
  | 'io' // a file could not be read or written
  | 'forbidden' // a host refused the caller: not the app's own page, or no valid token
  | 'internal'; // a bug: the message is generic, details go to the log

export interface OpError {
  code: ErrorCode;
  message: string;
  /** The input field the error is about, when there is one. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: OpError };

// ---------------------------------------------------------------------------------------------
// Shared shapes

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');

export const extractKinds = ['cases', 'registrations', 'contacts', 'staff', 'needs'] as const;
export type ExtractKind = (typeof extractKinds)[number];

export const scales = ['pdu', 'region', 'national'] as const;
export type Scale = (typeof scales)[number];

// ---------------------------------------------------------------------------------------------
// Import (caseload-extract.md; report format from cli.md)

export interface ImportFileReport {
  name: string;
  kind: ExtractKind | null;
  sha256: string;
  /** utf-8, utf-8-bom or windows-1252 for a file that was read; what was detected otherwise. */
  encoding: string;
  rows: number;
}

export interface RowError {
  file: string;
  line?: number;
  column?: string;
  reason: string;
}

export interface ImportWarning {
  file: string;
  reason: string;
}

export interface ImportReport {
  dryRun: boolean;
  committed: boolean;
  alreadyImported: boolean;
  files: ImportFileReport[];
  cases: { new: number; updated: number; unchanged: number; leftCaseload: number };
  rows: { registrations: number; contacts: number; staff: number; needs: number };
  /** Rows refused by validation (each may carry several errors). */
  rejected: number;
  errors: RowError[];
  /** Errors beyond the first `errors.length` that were counted but not listed. */
  errorsOmitted: number;
  warnings: ImportWarning[];
  unknownColumns: { file: string; columns: string[] }[];
  /**
   * Set when a file is not valid UTF-8 and looks like Windows-1252: the user must confirm the
   * encoding (`encoding: 'windows-1252'`) after seeing these characters.
   */
  encodingQuestion?: { file: string; encoding: 'windows-1252'; characters: { char: string; line: number }[] }[];
  /** The import log entry written by a commit or a refused commit attempt. */
  importId?: number;
}

export const importInput = z.object({
  /** A folder holding the extract's CSV files, or the files themselves. */
  paths: z.array(z.string().min(1, 'a path is empty')).min(1, 'name a folder or at least one CSV file'),
  /** Confirms the encoding of files that are not UTF-8. Only Windows-1252 is accepted. */
  encoding: z.literal('windows-1252').optional(),
  /** Import the valid rows and skip the rejected ones (recorded in the import log). */
  skipInvalid: z.boolean().default(false),
});

export interface CaseloadSummary {
  casesInCaseload: number;
  casesLeft: number;
  staff: number;
  teams: number;
  lastImport: { id: number; at: string; user: string; files: number; outcome: string } | null;
}

/** The teams and practitioners in the caseload, for the queue's filters. */
export interface CaseloadTeams {
  teams: { code: string; name: string | null; practitioners: { staffCode: string; name: string }[] }[];
}

export const demoInput = z.object({
  seed: z.number().int().min(0).default(1),
  asOf: isoDate.optional(),
});

export interface DemoSummary {
  dir: string;
  report: ImportReport;
}

// ---------------------------------------------------------------------------------------------
// Oversight flags and policy settings (oversight-rules.md)

export const caseRuleIds = [
  'OVERSIGHT-NEW',
  'OVERSIGHT-OVERDUE',
  'MAPPA-L1-REVIEW',
  'REGISTRATION-REVIEW',
  'ROSH-MISSING',
  'ROSH-STALE',
  'ROSH-MISMATCH',
  'DA-POLICE-CHECK',
  'CHILD-SAFEGUARDING-CHECK',
  'NEED-REFERRAL',
  'ALLOCATION-GRADE',
] as const;
export type CaseRuleId = (typeof caseRuleIds)[number];
export const staffRuleIds = ['PRACTITIONER-CAPACITY'] as const;
export type StaffRuleId = (typeof staffRuleIds)[number];
export type RuleId = CaseRuleId | StaffRuleId;

/** Highest first; UNKNOWN when neither a RoSH registration nor an OASys level is known. */
export const effectiveRoshLevels = ['VERY_HIGH', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const;
export type EffectiveRosh = (typeof effectiveRoshLevels)[number];
export const mappaLevelCodes = ['M1', 'M2', 'M3'] as const;
export type MappaLevel = (typeof mappaLevelCodes)[number];

/** How firm a setting's default is (DOMAIN.md, "How firm each rule's default is"). */
export const settingBases = ['national policy', 'MAPPA guidance', 'nDelius', 'local practice', 'inference'] as const;
export type SettingBasis = (typeof settingBases)[number];

/** Every number and code list the rules use; the defaults are in db/rules/policy.ts. */
export interface Policy {
  newCaseOversightDays: number;
  oversightIntervalDays: number;
  mappaL1ReviewDays: number;
  roshMissingDays: number;
  roshReassessmentDays: number;
  checkRequestDays: number;
  checkResponseDays: number;
  referralDays: number;
  dueSoonDays: number;
  capacityThreshold: number;
  oversightContactCodes: string[];
  mappaReviewContactCodes: string[];
  domesticAbuseCodes: string[];
  policeCheckRequestCodes: string[];
  policeCheckResponseCodes: string[];
  childSafeguardingCodes: string[];
  childrenCheckRequestCodes: string[];
  childrenCheckResponseCodes: string[];
  referralNeeds: string[];
  referralCodes: Record<string, string[]>;
  restrictedGrades: string[];
}
export type SettingKey = keyof Policy;
export type SettingValue = Policy[SettingKey];
export const settingKeys = [
  'newCaseOversightDays',
  'oversightIntervalDays',
  'mappaL1ReviewDays',
  'roshMissingDays',
  'roshReassessmentDays',
  'checkRequestDays',
  'checkResponseDays',
  'referralDays',
  'dueSoonDays',
  'capacityThreshold',
  'oversightContactCodes',
  'mappaReviewContactCodes',
  'domesticAbuseCodes',
  'policeCheckRequestCodes',
  'policeCheckResponseCodes',
  'childSafeguardingCodes',
  'childrenCheckRequestCodes',
  'childrenCheckResponseCodes',
  'referralNeeds',
  'referralCodes',
  'restrictedGrades',
] as const satisfies readonly SettingKey[];

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

export const queueSorts = ['daysOverdue', 'dueDate', 'crn', 'name', 'rule', 'team'] as const;
export type QueueSort = (typeof queueSorts)[number];

export const flagsQueueInput = z.object({
  team: z.string().trim().min(1).toUpperCase().optional(),
  /** The practitioner's staff code. */
  staffCode: z.string().trim().min(1).toUpperCase().optional(),
  rule: z.enum(caseRuleIds).optional(),
  rosh: z.enum(effectiveRoshLevels).optional(),
  mappaLevel: z.enum(mappaLevelCodes).optional(),
  /** A CRN prefix or part of a name. */
  search: z.string().trim().max(100).optional(),
  status: z.enum(['overdue', 'due-soon']).optional(),
  sort: z.enum(queueSorts).default('daysOverdue'),
  /** Default: most overdue first for daysOverdue, otherwise ascending. */
  direction: z.enum(['asc', 'desc']).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});

export interface QueueRow {
  crn: string;
  name: string;
  staffCode: string;
  staffName: string | null;
  teamCode: string | null;
  rosh: EffectiveRosh;
  mappaLevel: MappaLevel | null;
  rule: CaseRuleId;
  status: FlagStatus;
  dueDate: string;
  daysOverdue?: number;
  daysUntilDue?: number;
  reason: string;
}
export interface FlagsQueue {
  asOf: string;
  /** Rows matching every filter. */
  total: number;
  rows: QueueRow[];
  /** Per rule, under every filter but the rule and status filters. */
  summary: { rule: CaseRuleId; overdue: number; dueSoon: number }[];
}

export interface SettingView {
  key: SettingKey;
  value: SettingValue;
  default: SettingValue;
  isDefault: boolean;
  unit: string;
  description: string;
  basis: SettingBasis;
  /** DOMAIN.md's words on where the default comes from. */
  basisNote: string;
}

export const settingsSetInput = z.object({
  key: z.enum(settingKeys),
  /** Checked against the setting's own schema by the handler. */
  value: z.unknown(),
  reason: z.string().trim().min(1, 'give a reason for the change'),
});

export const settingsHistoryInput = z.object({
  key: z.enum(settingKeys).optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});

export interface SettingsHistoryEntry {
  id: number;
  at: string;
  osUser: string;
  appUser: string | null;
  key: string;
  old: SettingValue;
  new: SettingValue;
  reason: string;
}

// ---------------------------------------------------------------------------------------------
// Oversight reviews (DOMAIN.md, "What an inspector wants from an oversight log";
// oversight-rules.md, "Review types recorded in the app")

export const reviewTypes = ['management-oversight', 'allocation-oversight', 'mappa-l1-review'] as const;
export type ReviewType = (typeof reviewTypes)[number];

/** What an SPO checks at a review (cli.md `--checked LIST`). */
export const checkItems = ['risk-assessment', 'rmp', 'police-da', 'childrens-services', 'referrals'] as const;
export type CheckItem = (typeof checkItems)[number];

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

const crnField = z
  .string({ error: 'required' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][0-9]{6}$/, 'expected a CRN: one letter and six digits');
const requiredText = (max: number) => z.string({ error: 'required' }).trim().min(1, 'required').max(max, `at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const contactCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{1,10}$/, 'an nDelius contact type code: letters and digits, at most 10');

export const reviewCheckSchema = z.object({
  item: z.enum(checkItems),
  outcome: z.enum(checkOutcomes).default('checked'),
  note: optionalText(4000).optional(),
});
export const reviewActionItemSchema = z.object({
  text: requiredText(2000),
  owner: requiredText(200),
  due: isoDate,
});
const checksField = z
  .array(reviewCheckSchema)
  .max(checkItems.length)
  .refine((cs) => new Set(cs.map((c) => c.item)).size === cs.length, 'each item is checked at most once');
const spoField = z.object({
  name: requiredText(200),
  staffCode: z.string().trim().toUpperCase().min(1).max(20).optional(),
});
const triggersField = z.array(requiredText(200)).max(20);

export const reviewRecordInput = z.object({
  crn: crnField,
  type: z.enum(reviewTypes),
  /** The day the review took place; never later than today in Europe/London. */
  date: isoDate,
  spo: spoField,
  /** The rule ids (`OVERSIGHT-NEW`) or the event (`new RoSH registration`) that prompted it. */
  triggers: triggersField.default([]),
  checks: checksField.default([]),
  analysis: optionalText(20_000).default(''),
  decision: requiredText(20_000),
  actions: z.array(reviewActionItemSchema).max(50).default([]),
  nextReviewDate: isoDate.optional(),
  /** Defaults to the review type's suggested code (suggestedContactCodes). */
  ndeliusContactCode: contactCode.optional(),
  ndeliusContactId: requiredText(40).optional(),
});

/** A correction: a new version with the fields given replaced; `null` clears an optional field. */
export const reviewAmendInput = z.object({
  id: z.number({ error: 'required' }).int().positive(),
  reason: requiredText(2000),
  type: z.enum(reviewTypes).optional(),
  date: isoDate.optional(),
  spo: spoField.optional(),
  triggers: triggersField.optional(),
  checks: checksField.optional(),
  analysis: optionalText(20_000).optional(),
  decision: requiredText(20_000).optional(),
  actions: z.array(reviewActionItemSchema).max(50).optional(),
  nextReviewDate: isoDate.nullable().optional(),
  ndeliusContactCode: contactCode.nullable().optional(),
  ndeliusContactId: requiredText(40).nullable().optional(),
});

export const reviewWithdrawInput = z.object({
  id: z.number({ error: 'required' }).int().positive(),
  reason: requiredText(2000),
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

// ---------------------------------------------------------------------------------------------
// One case as the case screen shows it (beside `flags:case` and `reviews:list`)

export const casesGetInput = z.object({ crn: crnField });

export interface CaseRegistration {
  code: string;
  /** What the code means (DOMAIN.md); null for a code the app does not know. */
  meaning: string | null;
  level: string | null;
  category: string | null;
  registrationDate: string;
  nextReviewDate: string | null;
  deregistrationDate: string | null;
  /** Registered on or before today and not deregistered by today. */
  active: boolean;
}

export interface CaseNeed {
  need: string;
  meaning: string | null;
  severity: string | null;
  linkedToHarm: boolean;
  linkedToReoffending: boolean;
}

/** One dated item of the case's evidence; the timeline is newest first. */
export interface TimelineEvent {
  date: string;
  kind: 'registration' | 'deregistration' | 'contact' | 'review';
  /** The register or contact type code, or the review type. */
  code: string;
  meaning: string | null;
  /** The contact ID, level and category, or the review's state. */
  detail: string | null;
  /** For a review: its id, and whether it counts as evidence (not withdrawn). */
  reviewId?: number;
  countsAsEvidence?: boolean;
}

export interface CaseDetail {
  /** The London date `active` is judged on. */
  asOf: string;
  crn: string;
  name: string;
  dateOfBirth: string | null;
  inCaseload: boolean;
  allocationDate: string;
  caseType: string | null;
  sentenceType: string | null;
  tier: string | null;
  /** OASys RoSH as the extract holds it. */
  rosh: { level: string | null; assessedOn: string | null };
  practitioner: { staffCode: string; name: string | null; grade: string | null; gradeMeaning: string | null };
  team: { code: string | null; name: string | null; pduCode: string | null; pduName: string | null };
  /** Newest first. */
  registrations: CaseRegistration[];
  needs: CaseNeed[];
  timeline: TimelineEvent[];
  /** The timeline holds the latest `contactsShown` of the case's `contactsTotal` contacts. */
  contactsShown: number;
  contactsTotal: number;
}

// ---------------------------------------------------------------------------------------------
// The oversight log export and its digest

export const exportFormats = ['csv', 'pdf', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportFiltersSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** The team that held the case when it was reviewed (from the review's snapshot). */
  team: z.string().trim().toUpperCase().min(1).max(20).optional(),
  /** The practitioner's staff code when the case was reviewed. */
  practitioner: z.string().trim().toUpperCase().min(1).max(20).optional(),
  /** A rule id among the review's triggers. */
  rule: z.string().trim().toUpperCase().min(1).max(40).optional(),
});
export type ExportFilters = z.output<typeof exportFiltersSchema>;

export const logExportInput = exportFiltersSchema
  .extend({
    format: z.enum(exportFormats).default('csv'),
    /** The file to write (replaced if it exists). */
    out: z.string({ error: 'required' }).min(1, 'required'),
    /** Why the log is disclosed (DPA 2018 s.62 justification). */
    purpose: optionalText(200).optional(),
    /** Who it is disclosed to. */
    recipient: optionalText(120).optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'must not be after to', path: ['from'] });

export interface ChainHead {
  /** The audit log entry that was the last when the export was made. */
  id: number;
  hash: string;
}

/** The header block of an export; `verify` reads it back from the file. */
export interface ExportMeta {
  format: ExportFormat;
  title: string;
  exportedBy: { osUser: string; appUser: string | null };
  /** UTC ISO timestamp. */
  exportedAt: string;
  filters: ExportFilters;
  purpose: string | null;
  recipient: string | null;
  appVersion: string;
  /** Review versions: one row each. */
  rowCount: number;
  reviewCount: number;
  caseCount: number;
  chainHead: ChainHead | null;
}

export interface ExportResult {
  path: string;
  format: ExportFormat;
  /** SHA-256, lower-case hex; also written in the file (see db/export/seal.ts). */
  digest: string;
  rowCount: number;
  reviewCount: number;
  chainHead: ChainHead | null;
  /** The cases disclosed, for the audit log. */
  crns: string[];
}

export const logVerifyInput = z.object({ path: z.string({ error: 'required' }).min(1, 'required') });

export interface ExportVerification {
  intact: boolean;
  /** Why it is not intact. */
  reason?: string;
  format?: ExportFormat;
  digest?: string;
  /** The header block, read back from an intact file. */
  meta?: ExportMeta;
  /** The audit log entry recording this export's disclosure, when the database holds one. */
  disclosureEntryId?: number;
}

// ---------------------------------------------------------------------------------------------
// The audit log (DPA 2018 s.62)

export const s62Operations = ['collection', 'alteration', 'consultation', 'disclosure', 'combination', 'erasure'] as const;
export type S62Operation = (typeof s62Operations)[number];

export interface AuditEntry {
  id: number;
  /** UTC ISO timestamp. */
  at: string;
  operation: S62Operation;
  /** The contract operation (`reviews:record`) or command that did it. */
  op: string;
  osUser: string;
  appUser: string | null;
  crns: string[];
  justification: string | null;
  recipients: string[];
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export const auditVerifyInput = z.object({
  /** An export whose recorded chain head must still be in the log (detects a truncated tail). */
  against: z.string().min(1).optional(),
});

export interface AuditVerification {
  intact: boolean;
  entries: number;
  head: ChainHead | null;
  firstBroken?: { id: number; reason: string };
  against?: { path: string; chainHead: ChainHead | null; disclosureEntryId: number | null };
}

export const auditListInput = z.object({
  operation: z.enum(s62Operations).optional(),
  /** The contract operation or command that wrote the entry, e.g. `reviews:record`. */
  op: z.string().trim().min(1).max(60).optional(),
  /** The OS user or the app user. */
  user: z.string().trim().min(1).max(200).optional(),
  crn: crnField.optional(),
  /** UTC dates, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[];
  total: number;
  offset: number;
  limit: number;
}

// ---------------------------------------------------------------------------------------------
// Who is using the app (asked on first run; recorded in reviews and the audit log beside the
// operating-system account)

const orgCode = z
  .string({ error: 'required' })
  .trim()
  .toUpperCase()
  .min(1, 'required')
  .regex(/^[A-Z0-9]{1,20}$/, 'letters and digits only, at most 20');

export const profileSetInput = z.object({
  name: requiredText(200),
  /** The nDelius staff code, e.g. N99S001. */
  staffCode: orgCode,
  /** The team the user oversees; the queue opens on it. */
  teamCode: orgCode,
});

export interface Profile {
  osUser: string;
  name: string;
  staffCode: string;
  teamCode: string;
  /** UTC ISO timestamp. */
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Team view, weekly trends and the audit sample (issue 7)

const teamCodeField = z.string().trim().min(1).max(20).toUpperCase();

export const teamViewInput = z.object({
  /** One team (staff file team code); every practitioner holding a case when omitted. */
  team: teamCodeField.optional(),
  asOf: isoDate.optional(),
});

export interface TeamWorkload {
  pointsUsed: number | null;
  pointsAvailable: number | null;
  /** points used / points available as a whole percentage; null without points available. */
  percent: number | null;
  /** PRACTITIONER-CAPACITY's test: percent at or above the capacityThreshold setting. */
  overCapacity: boolean;
}

export interface TeamPractitioner {
  staffCode: string;
  /** Null when the staff file does not hold the practitioner. */
  name: string | null;
  grade: string | null;
  teamCode: string | null;
  /** Cases held in the caseload. */
  cases: number;
  highRisk: number;
  mappaL1: number;
  /** High-risk or MAPPA level 1 cases: those that need SPO oversight. */
  inScope: number;
  /** In-scope cases whose latest oversight evidence is at most oversightIntervalDays old. */
  covered: number;
  /** covered / inScope, 0–1; null with no case in scope. */
  coverage: number | null;
  /** Case flags overdue and due soon. */
  overdue: number;
  dueSoon: number;
  /** The most days any in-scope case has gone without SPO oversight (since it came into scope, if never); null with none in scope. */
  longestWithoutOversightDays: number | null;
  /** Null when the extract had no staff file or it does not hold the practitioner. */
  workload: TeamWorkload | null;
}

export interface TeamHeatCell {
  /** The week-end date (a Sunday) the rules were evaluated as of. */
  weekEnding: string;
  inScope: number;
  /** In-scope cases without oversight within the interval on that date. */
  notCovered: number;
  /** Whole weeks the longest-waiting in-scope case had gone without oversight; null with none in scope. */
  weeksSinceOversight: number | null;
}

export interface TeamView {
  asOf: string;
  team: string | null;
  /** The settings the figures used. */
  oversightIntervalDays: number;
  capacityThreshold: number;
  /** Whether the snapshot came with a staff file (workload and grade need it). */
  staffFile: boolean;
  practitioners: TeamPractitioner[];
  heatmap: {
    /** How to read a cell, in words for the screen and screen readers. */
    reading: string;
    weeks: string[];
    rows: { staffCode: string; name: string | null; cells: TeamHeatCell[] }[];
  };
}

export const trendsWeeklyInput = z.object({
  weeks: z.number().int().min(1).max(104).default(52),
  team: teamCodeField.optional(),
  /** The last week shown is the one ending on the Sunday on or before this date (default today). */
  asOf: isoDate.optional(),
});

export interface TrendWeek {
  /** A Sunday: the rules are evaluated as of this date. */
  weekEnding: string;
  cases: number;
  /** High-risk or MAPPA level 1 cases in the caseload on that date. */
  inScope: number;
  covered: number;
  /** covered / inScope, 0–1; null with none in scope. */
  coverage: number | null;
  /** Overdue case flags by rule (every rule, zero included). */
  overdueByRule: Record<CaseRuleId, number>;
  overdue: number;
  dueSoon: number;
  /** Median days overdue of the overdue case flags; null with none. */
  medianDaysOverdue: number | null;
}

export interface TrendsReport {
  asOf: string;
  team: string | null;
  weeks: TrendWeek[];
  /** Weeks evaluated by this call rather than read from the cache. */
  evaluatedWeeks: number;
  reading: string;
}

export const sampleRiskLevels = ['VERY_HIGH', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const;
export const sampleOutcomes = ['good', 'requires-improvement', 'inadequate'] as const;
export type SampleOutcome = (typeof sampleOutcomes)[number];
export const sampleAnswers = ['yes', 'no', 'not-applicable'] as const;

/** What the re-reader checks of each sampled review. */
export const sampleCheckItems = [
  'rationale-recorded',
  'risk-assessment-current',
  'rmp-adequate',
  'safeguarding-checked',
  'actions-specific',
  'entered-in-ndelius',
] as const;

export const sampleCreateInput = z
  .object({
    size: z.number({ error: 'required' }).int().min(1).max(500),
    /** Drawn at random and recorded when omitted. */
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    /** Reviews dated in this range, inclusive. */
    from: isoDate,
    to: isoDate,
    team: teamCodeField.optional(),
  })
  .refine((i) => i.from <= i.to, { message: 'must not be before from', path: ['to'] });

export const sampleRecordInput = z.object({
  sampleId: z.number({ error: 'required' }).int().positive(),
  position: z.number({ error: 'required' }).int().positive(),
  checks: z
    .array(z.object({ item: z.enum(sampleCheckItems), answer: z.enum(sampleAnswers), note: optionalText(4000).default('') }))
    .max(sampleCheckItems.length)
    .refine((cs) => new Set(cs.map((c) => c.item)).size === cs.length, 'each item is answered at most once'),
  outcome: z.enum(sampleOutcomes),
  note: optionalText(20_000).default(''),
});

export const sampleGetInput = z.object({ id: z.number({ error: 'required' }).int().positive() });
export const sampleListInput = z.object({});

export interface SampleStratum {
  staffCode: string;
  risk: (typeof sampleRiskLevels)[number];
  /** Reviews in the stratum. */
  population: number;
  chosen: number;
}

export interface SampleResult {
  checks: { item: (typeof sampleCheckItems)[number]; answer: (typeof sampleAnswers)[number]; note: string }[];
  outcome: SampleOutcome;
  note: string;
  recordedAt: string;
  recordedByOs: string;
  recordedBy: string | null;
}

export interface SampleItem {
  position: number;
  reviewId: number;
  /** The review version current when the sample was drawn. */
  reviewVersion: number;
  crn: string;
  staffCode: string;
  risk: (typeof sampleRiskLevels)[number];
  reviewType: ReviewType;
  reviewDate: string;
  /** The latest re-reading; null until recorded. */
  result: SampleResult | null;
  /** Earlier re-readings, oldest first. */
  history: SampleResult[];
}

export interface SampleSummary {
  id: number;
  createdAt: string;
  createdByOs: string;
  createdBy: string | null;
  seed: number;
  size: number;
  from: string;
  to: string;
  team: string | null;
  population: number;
  /** Items drawn (at most size). */
  items: number;
  /** Items with a result. */
  recorded: number;
}

export interface Sample extends SampleSummary {
  strata: SampleStratum[];
  chosen: SampleItem[];
}

// ---------------------------------------------------------------------------------------------
// How the renderer reaches the service: the Electron preload (window[bridgeName]) or the preview
// host over HTTP. One function per operation, never a generic invoke.

/** Progress of a long operation (an import, the demo caseload). */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}

export type OperationBridge = {
  readonly [O in Operation]: (input: InputOf<O>, onProgress?: (p: Progress) => void) => Promise<Result<ResultOf<O>>>;
};

export const menuCommands = ['import-extract', 'export-log'] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** What the Electron preload exposes on `window[bridgeName]`. */
export interface DesktopBridge {
  readonly operations: OperationBridge;
  /** The native folder dialog; `null` when the user cancels. */
  chooseExtractFolder(): Promise<Result<{ paths: string[] } | null>>;
  /** The native save dialog for an oversight log export; `null` when the user cancels. */
  chooseExportFile(format: ExportFormat): Promise<Result<{ path: string } | null>>;
  /** The native open dialog for an exported file to verify; `null` when the user cancels. */
  chooseFileToVerify(): Promise<Result<{ path: string } | null>>;
  /** Commands chosen in the application menu; returns the unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export const bridgeName = 'spoOversight';

// ---------------------------------------------------------------------------------------------
// The operations

export const inputs = {
  'import:preview': importInput,
  'import:commit': importInput,
  'caseload:summary': z.object({}),
  'caseload:teams': z.object({}),
  'demo:load': demoInput,
  'flags:evaluate': flagsEvaluateInput,
  'flags:queue': flagsQueueInput,
  'flags:case': flagsCaseInput,
  'cases:get': casesGetInput,
  'settings:get': z.object({}),
  'settings:set': settingsSetInput,
  'settings:history': settingsHistoryInput,
  'reviews:record': reviewRecordInput,
  'reviews:amend': reviewAmendInput,
  'reviews:withdraw': reviewWithdrawInput,
  'reviews:list': reviewListInput,
  'reviews:get': reviewGetInput,
  'log:export': logExportInput,
  'log:verify': logVerifyInput,
  'audit:verify': auditVerifyInput,
  'audit:list': auditListInput,
  'profile:get': z.object({}),
  'profile:set': profileSetInput,
  'team:view': teamViewInput,
  'trends:weekly': trendsWeeklyInput,
  'sample:create': sampleCreateInput,
  'sample:record': sampleRecordInput,
  'sample:list': sampleListInput,
  'sample:get': sampleGetInput,
} as const;

export interface Results {
  'import:preview': ImportReport;
  'import:commit': ImportReport;
  'caseload:summary': CaseloadSummary;
  'caseload:teams': CaseloadTeams;
  'demo:load': DemoSummary;
  'flags:evaluate': FlagsReport;
  'flags:queue': FlagsQueue;
  'flags:case': CaseFlagsView;
  'cases:get': CaseDetail;
  'settings:get': SettingView[];
  'settings:set': SettingView;
  'settings:history': SettingsHistoryEntry[];
  'reviews:record': Review;
  'reviews:amend': Review;
  'reviews:withdraw': Review;
  'reviews:list': CaseReviews;
  'reviews:get': Review;
  'log:export': ExportResult;
  'log:verify': ExportVerification;
  'audit:verify': AuditVerification;
  'audit:list': AuditPage;
  'profile:get': Profile | null;
  'profile:set': Profile;
  'team:view': TeamView;
  'trends:weekly': TrendsReport;
  'sample:create': Sample;
  'sample:record': Sample;
  'sample:list': SampleSummary[];
  'sample:get': Sample;
}

export type Operation = keyof typeof inputs & keyof Results;
export type InputOf<O extends Operation> = z.input<(typeof inputs)[O]>;
export type ParsedInputOf<O extends Operation> = z.output<(typeof inputs)[O]>;
export type ResultOf<O extends Operation> = Results[O];

export const operations = Object.keys(inputs) as Operation[];
export { isoDate };
