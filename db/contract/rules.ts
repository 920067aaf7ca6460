/** What the oversight rules are about: their ids, the levels they read and the policy settings (oversight-rules.md). */

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
  'ACTION-OVERDUE',
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
