import type { Weighted } from './random.js';

/*
 * The nDelius and OASys codes the generator writes. The rule-relevant ones are the real codes
 * (DOMAIN.md); the everyday contact codes and the "other" registrations are invented look-alikes
 * that the rules must ignore.
 */

export type RoshLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH';

export const ROSH_ORDER: readonly RoshLevel[] = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'];

export const ROSH_REGISTER: Record<RoshLevel, string> = {
  LOW: 'RLRH',
  MEDIUM: 'RMRH',
  HIGH: 'RHRH',
  VERY_HIGH: 'RVHR',
};

export type DomesticAbuseCode = 'ADVP' | 'REG30';
export type ChildCode = 'RCCO' | 'RCPR' | 'RCHD';
export type MappaLevel = 'M1' | 'M2' | 'M3';
export type MappaCategory = 'M1' | 'M2' | 'M3' | 'M4';

/**
 * Other nDelius registrations (risk flags) that no rule uses: real codes, known to the importer
 * with their meanings (db/contract/words/codes.ts), so a generated extract imports without warnings.
 */
export const OTHER_REGISTERS = ['WEAP', 'RMDO', 'IRMO', 'STRG', 'RTAO', 'ALSH'] as const;

/** Index order is the sort tie-break for contacts on the same day, so keep it stable. */
export const CONTACT_CODES = [
  // Everyday supervision (invented, rule-neutral).
  'COAP', // office appointment
  'COPT', // telephone contact
  'CHVS', // home visit
  'CRSC', // review of supervision
  'CTXT', // text message
  'CLTR', // letter sent
  'CUWA', // unpaid work attendance
  'CPRG', // accredited programme session
  'CAPF', // failed to attend
  'CMAP', // MAPPA meeting (levels 2 and 3)
  // Oversight evidence, recorded by the SPO.
  'MO1',
  'MO8',
  'CSPO',
  'C053',
  // Checks, reviews and referrals, recorded by the practitioner.
  'C281',
  'C369',
  'C515',
  'SFGC',
  'SFRR',
  'CGRF',
  'C347',
  'CLDR',
] as const;

export type ContactCode = (typeof CONTACT_CODES)[number];

/** Contacts an SPO records on a practitioner's case. */
export const SPO_CODES: ReadonlySet<ContactCode> = new Set<ContactCode>(['MO1', 'MO8', 'CSPO', 'C053']);

export const OVERSIGHT_CODES: Weighted<ContactCode> = [
  ['MO1', 60],
  ['CSPO', 20],
  ['MO8', 10],
  ['C053', 10],
];

export const EVERYDAY_CODES: Weighted<ContactCode> = [
  ['COAP', 34],
  ['COPT', 16],
  ['CHVS', 6],
  ['CRSC', 4],
  ['CTXT', 12],
  ['CLTR', 6],
  ['CUWA', 10],
  ['CPRG', 5],
  ['CAPF', 7],
];

export const NEEDS = [
  'ACCOMMODATION',
  'ETE',
  'RELATIONSHIPS',
  'LIFESTYLE',
  'DRUG',
  'ALCOHOL',
  'THINKING_BEHAVIOUR',
  'ATTITUDES',
  'FINANCE',
  'EMOTIONAL',
] as const;

export type Need = (typeof NEEDS)[number];
export type Severity = 'NO_NEED' | 'STANDARD' | 'SEVERE';

/** oversight-rules.md's default referral codes for the needs that call for a referral. */
export const REFERRAL_CODES: Partial<Record<Need, Weighted<ContactCode>>> = {
  DRUG: [
    ['CLDR', 70],
    ['CGRF', 30],
  ],
  ALCOHOL: [
    ['CLDR', 70],
    ['CGRF', 30],
  ],
  ETE: [['CGRF', 1]],
  FINANCE: [
    ['C347', 80],
    ['CGRF', 20],
  ],
};
