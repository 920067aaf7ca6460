import type { CaseRuleId, SettingBasis } from '../rules.js';

/** What each rule asks for, in a few words (oversight-rules.md): the flag's title everywhere it is shown. */
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
  'ACTION-OVERDUE': 'Action agreed in oversight',
};

/** The rule's own basis where no day setting times it. */
export const ruleBasis: Readonly<Partial<Record<CaseRuleId, { basis: SettingBasis; basisNote: string }>>> = {
  'REGISTRATION-REVIEW': { basis: 'nDelius', basisNote: 'the registration’s own next review date (nDelius; Manage People on Probation highlights these)' },
  'ROSH-MISMATCH': { basis: 'inference', basisNote: 'inference: a RoSH registration should match the latest OASys RoSH level' },
  'ACTION-OVERDUE': { basis: 'local practice', basisNote: 'the due date the SPO agreed for the action in the oversight review' },
};
