import type { Policy, SettingKey } from '../rules.js';
import { contactMeanings, gradeMeanings, needMeanings, registerMeanings } from './codes.js';
import { reviewTypeLabels } from './reviews.js';
import { roshLabels } from './risk.js';
import { ruleTitles } from './rules.js';

/**
 * The one table of meanings: every code the app shows a person, by kind, in plain English. A
 * practitioner looks a code up in nDelius, so where a code is shown its words come first and the
 * code sits beside them in brackets; a code missing from the table is shown as itself and says so
 * rather than being guessed at.
 */

export const UNKNOWN_CODE_NOTE = 'not a code the app knows';

export const caseTypeMeanings: Readonly<Record<string, string>> = {
  COMMUNITY: 'Community sentence',
  LICENCE: 'On licence',
  CUSTODY: 'In custody',
};

/**
 * nDelius sentence types are free text (caseload-extract.md); those the generator writes, with
 * the one abbreviation spelt out. Any other text is shown as written, as the extract gives it.
 */
export const sentenceTypeMeanings: Readonly<Record<string, string>> = {
  'Community Order': 'Community order',
  'Suspended Sentence Order': 'Suspended sentence order',
  Licence: 'Licence',
  'Post Sentence Supervision': 'Post-sentence supervision',
  'Extended Determinate Sentence Licence': 'Extended determinate sentence licence',
  'Life Licence': 'Life licence',
  'Adult Custody': 'Adult custody',
  'ORA Adult Custody (inc PSS)': 'Adult custody under the Offender Rehabilitation Act, with post-sentence supervision',
  'Extended Determinate Sentence': 'Extended determinate sentence',
  'Life Sentence': 'Life sentence',
};

export const needSeverityMeanings: Readonly<Record<string, string>> = {
  NO_NEED: 'No need',
  STANDARD: 'Standard need',
  SEVERE: 'Severe need',
};

/** DOMAIN.md: a `MAPP` registration's level, and its category. */
export const mappaLevelMeanings: Readonly<Record<string, string>> = {
  M1: 'Level 1, ordinary agency management',
  M2: 'Level 2, multi-agency risk management',
  M3: 'Level 3, multi-agency public protection panel',
};

export const mappaCategoryMeanings: Readonly<Record<string, string>> = {
  M1: 'Category 1, registered sexual offenders',
  M2: 'Category 2, violent offenders',
  M3: 'Category 3, other dangerous offenders',
  M4: 'Category 4, terrorist risk',
};

/** The case-record fields a flag names as evidence (caseload-extract.md's columns). */
export const caseFieldMeanings: Readonly<Record<string, string>> = {
  crn: 'CRN',
  name: 'Name',
  date_of_birth: 'Date of birth',
  staff_code: 'Practitioner',
  allocation_date: 'Allocation date',
  case_type: 'Case type',
  sentence_type: 'Sentence type',
  tier: 'Tier',
  rosh_level: 'OASys RoSH level',
  rosh_assessed_on: 'OASys RoSH assessment date',
  register_code: 'Register',
  level_code: 'Level',
  category_code: 'Category',
  registration_date: 'Registration date',
  next_review_date: 'Next review date',
  deregistration_date: 'Deregistration date',
  contact_id: 'Contact ID',
  contact_date: 'Contact date',
  contact_type_code: 'Contact type',
  grade: 'Grade',
  points_available: 'Workload points available',
  points_used: 'Workload points used',
  need: 'Need',
  severity: 'Severity',
  linked_to_harm: 'Linked to harm',
  linked_to_reoffending: 'Linked to reoffending',
};

/** Each setting's name in words: the heading a person reads, with the key beside it, small. */
export const settingTitles: Readonly<Record<SettingKey, string>> = {
  newCaseOversightDays: 'First SPO oversight of a new case',
  oversightIntervalDays: 'Repeat SPO oversight interval',
  mappaL1ReviewDays: 'MAPPA level 1 review interval',
  roshMissingDays: 'Time allowed to record a RoSH level',
  roshReassessmentDays: 'RoSH reassessment interval',
  checkRequestDays: 'Time allowed to request a police or children’s services check',
  checkResponseDays: 'Time allowed for a check to be answered',
  referralDays: 'Time allowed to refer for a need',
  dueSoonDays: 'Due soon window',
  capacityThreshold: 'Practitioner capacity threshold',
  oversightContactCodes: 'Contacts that count as SPO oversight',
  mappaReviewContactCodes: 'Contacts that count as a MAPPA level 1 review',
  domesticAbuseCodes: 'Registrations that call for a police domestic-abuse check',
  policeCheckRequestCodes: 'Contacts that record a police domestic-abuse enquiry',
  policeCheckResponseCodes: 'Contacts that record the police response',
  childSafeguardingCodes: 'Registrations that call for a children’s services check',
  childrenCheckRequestCodes: 'Contacts that record a children’s services enquiry',
  childrenCheckResponseCodes: 'Contacts that record the children’s services response',
  referralNeeds: 'Needs that call for a referral',
  referralCodes: 'Contacts that count as a referral, for each need',
  restrictedGrades: 'Grades that should not hold a high-risk case',
};

const otherRuleTitles: Readonly<Record<string, string>> = { 'PRACTITIONER-CAPACITY': 'Practitioner over capacity' };

const tables = {
  contact: contactMeanings,
  register: registerMeanings,
  'mappa-level': mappaLevelMeanings,
  'mappa-category': mappaCategoryMeanings,
  grade: gradeMeanings,
  rosh: roshLabels,
  'case-type': caseTypeMeanings,
  'sentence-type': sentenceTypeMeanings,
  need: needMeanings,
  'need-severity': needSeverityMeanings,
  'review-type': reviewTypeLabels,
  rule: { ...ruleTitles, ...otherRuleTitles },
  setting: settingTitles,
  'case-field': caseFieldMeanings,
} as const satisfies Record<string, Readonly<Record<string, string>>>;

export type CodeKind = keyof typeof tables;
export const codeKinds = Object.keys(tables) as CodeKind[];

/** Kinds whose codes are written as they are (free text, camelCase keys, snake_case fields); nDelius and OASys codes are compared trimmed and upper-cased. */
const exactKinds: ReadonlySet<CodeKind> = new Set<CodeKind>(['sentence-type', 'setting', 'case-field', 'review-type']);

export interface CodeWords {
  /** The meaning in plain English; the code itself when the app does not know it. */
  words: string;
  /** The code as written. */
  code: string;
  known: boolean;
}

/** What a code means. oversight-rules.md compares codes trimmed and upper-cased, and so does this. */
export function describeCode(kind: CodeKind, code: string): CodeWords {
  const table: Readonly<Record<string, string>> = tables[kind];
  const key = exactKinds.has(kind) ? code.trim() : code.trim().toUpperCase();
  const words = Object.hasOwn(table, key) ? table[key] : undefined;
  return words === undefined ? { words: code, code, known: false } : { words, code, known: true };
}

/**
 * A code as one line of text: "Office appointment (COAP)", or "XYZ1 (not a code the app knows)".
 * A free-text sentence type is its own words, so it is shown as written with nothing beside it.
 */
export function codeText(kind: CodeKind, code: string): string {
  const d = describeCode(kind, code);
  if (kind === 'sentence-type') return d.words;
  if (!d.known) return `${code} (${UNKNOWN_CODE_NOTE})`;
  // Where the words are the code (a CRN heading, say) the code is not repeated.
  return d.words === code ? d.words : `${d.words} (${code})`;
}

/** A list of codes, each in words with its code: "Management oversight (MO1), Consultation with SPO (CSPO)". */
export function codeListText(kind: CodeKind, codes: readonly string[]): string {
  return codes.map((c) => codeText(kind, c)).join(', ');
}

/** What kind of code each setting lists, so its value can be read in words. */
export const settingCodeKinds: Readonly<Partial<Record<SettingKey, CodeKind>>> = {
  oversightContactCodes: 'contact',
  mappaReviewContactCodes: 'contact',
  domesticAbuseCodes: 'register',
  policeCheckRequestCodes: 'contact',
  policeCheckResponseCodes: 'contact',
  childSafeguardingCodes: 'register',
  childrenCheckRequestCodes: 'contact',
  childrenCheckResponseCodes: 'contact',
  referralNeeds: 'need',
  referralCodes: 'contact',
  restrictedGrades: 'grade',
};

/**
 * How the evidence timeline groups a case's events so that an SPO can find the few that matter
 * among hundreds of appointments: the rules' own code lists decide, so a local change to a list
 * moves the contact with it.
 */
export const evidenceKinds = ['oversight', 'checks', 'referrals', 'registrations', 'other'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const evidenceKindLabels: Readonly<Record<EvidenceKind, string>> = {
  oversight: 'Oversight and reviews',
  checks: 'Police and children’s services checks',
  referrals: 'Referrals',
  registrations: 'Registrations',
  other: 'Everyday contacts',
};

export type EvidenceCodeLists = Pick<
  Policy,
  | 'oversightContactCodes'
  | 'mappaReviewContactCodes'
  | 'policeCheckRequestCodes'
  | 'policeCheckResponseCodes'
  | 'childrenCheckRequestCodes'
  | 'childrenCheckResponseCodes'
  | 'referralCodes'
>;

/** Which kind of evidence a contact type is, by the rules' lists in force. */
export function contactEvidenceKind(code: string, lists: EvidenceCodeLists): EvidenceKind {
  const c = code.trim().toUpperCase();
  if (lists.oversightContactCodes.includes(c) || lists.mappaReviewContactCodes.includes(c)) return 'oversight';
  const checks = [...lists.policeCheckRequestCodes, ...lists.policeCheckResponseCodes, ...lists.childrenCheckRequestCodes, ...lists.childrenCheckResponseCodes];
  if (checks.includes(c)) return 'checks';
  if (Object.values(lists.referralCodes).some((codes) => codes.includes(c))) return 'referrals';
  return 'other';
}
