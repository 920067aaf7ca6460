import type { CaseRuleId, EffectiveRosh, MappaLevel } from '../../../../db/contract/index.js';

/** What each rule asks for, in a few words (oversight-rules.md). */
export const ruleTitles: Readonly<Record<CaseRuleId, string>> = {
  'OVERSIGHT-NEW': 'First SPO oversight',
  'OVERSIGHT-OVERDUE': 'Repeat SPO oversight',
  'MAPPA-L1-REVIEW': 'MAPPA level 1 review',
  'REGISTRATION-REVIEW': 'Registration review',
  'ROSH-MISSING': 'RoSH level missing',
  'ROSH-STALE': 'RoSH assessment out of date',
  'ROSH-MISMATCH': 'RoSH registration differs from OASys',
  'DA-POLICE-CHECK': 'Police domestic-abuse check',
  'CHILD-SAFEGUARDING-CHECK': 'Children’s services check',
  'NEED-REFERRAL': 'Referral for a need',
  'ALLOCATION-GRADE': 'High-risk case held by a restricted grade',
};

/** RoSH in words; the tag colour only repeats what the words say. */
export const roshLabels: Readonly<Record<EffectiveRosh, { text: string; tag: string }>> = {
  VERY_HIGH: { text: 'Very high', tag: 'govuk-tag--red' },
  HIGH: { text: 'High', tag: 'govuk-tag--orange' },
  MEDIUM: { text: 'Medium', tag: 'govuk-tag--yellow' },
  LOW: { text: 'Low', tag: 'govuk-tag--green' },
  UNKNOWN: { text: 'Unknown', tag: 'govuk-tag--grey' },
};

export const mappaLabels: Readonly<Record<MappaLevel, string>> = { M1: 'Level 1', M2: 'Level 2', M3: 'Level 3' };

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2 Oct 2026" from "2026-10-02". */
export function shortDate(iso: string): string {
  return longDate.format(new Date(`${iso}T00:00:00Z`));
}
