import type { SettingKey, SettingValue } from '../rules.js';
import { codeListText, codeText, settingCodeKinds, settingTitles } from './meanings.js';

/** "84 days (12 weeks)", "1 day": a whole number of weeks is named too, as policy texts count in weeks. */
export function daysText(n: number): string {
  const d = `${String(n)} ${n === 1 ? 'day' : 'days'}`;
  return n >= 14 && n % 7 === 0 ? `${d} (${String(n / 7)} weeks)` : d;
}

/** "100%" for a ratio of 1.0. */
export const percentText = (ratio: number): string => `${String(Math.round(ratio * 1000) / 10)}%`;

/** A setting's value in words with each code beside its meaning: "84 days (12 weeks)", "Management oversight (MO1), …". */
export function settingValueText(key: SettingKey, value: SettingValue): string {
  if (typeof value === 'number') return key === 'capacityThreshold' ? `${percentText(value)} of points available` : daysText(value);
  const kind = settingCodeKinds[key] ?? 'contact';
  if (Array.isArray(value)) return codeListText(kind, value);
  return Object.entries(value)
    .map(([need, codes]) => `${codeText('need', need)}: ${codeListText(kind, codes)}`)
    .join('; ');
}

/**
 * What a setting does, with a number in force written into the sentence, so the help never goes
 * on describing a value that has been changed. A list's codes are not repeated: its value, in
 * words, is shown beside the help.
 */
export function settingHelp(key: SettingKey, value: SettingValue): string {
  const n = typeof value === 'number' ? value : NaN;
  switch (key) {
    case 'newCaseOversightDays':
      return `First SPO oversight of a new high-risk or MAPPA level 1 case is due ${daysText(n)} after allocation, or after the case came into scope if that was later.`;
    case 'oversightIntervalDays':
      return `Repeat SPO oversight of a high-risk or MAPPA level 1 case is due ${daysText(n)} after the last oversight.`;
    case 'mappaL1ReviewDays':
      return `A MAPPA level 1 case is reviewed ${daysText(n)} after registration or after its last level 1 review.`;
    case 'roshMissingDays':
      return `A case with no RoSH level is flagged ${daysText(n)} after allocation.`;
    case 'roshReassessmentDays':
      return `An OASys RoSH assessment is due for renewal ${daysText(n)} after it was done.`;
    case 'checkRequestDays':
      return `A police domestic-abuse or children’s services check is due to be requested ${daysText(n)} after allocation or registration.`;
    case 'checkResponseDays':
      return `A response to a police domestic-abuse or children’s services check is due ${daysText(n)} after the request.`;
    case 'referralDays':
      return `A referral for a need linked to harm or reoffending is due ${daysText(n)} after allocation.`;
    case 'dueSoonDays':
      return `A rule whose due date is at most ${daysText(n)} ahead is shown as due soon.`;
    case 'capacityThreshold':
      return `A practitioner whose workload points used reach ${percentText(n)} of the points available is over capacity.`;
    case 'oversightContactCodes':
      return `These contacts count as SPO management oversight.`;
    case 'mappaReviewContactCodes':
      return `These contacts count as a MAPPA level 1 review.`;
    case 'domesticAbuseCodes':
      return `These registrations call for a police domestic-abuse check.`;
    case 'policeCheckRequestCodes':
      return `These contacts record a police domestic-abuse enquiry being requested.`;
    case 'policeCheckResponseCodes':
      return `These contacts record the police response to a domestic-abuse enquiry.`;
    case 'childSafeguardingCodes':
      return `These registrations call for a children’s services safeguarding check.`;
    case 'childrenCheckRequestCodes':
      return `These contacts record a children’s services safeguarding enquiry being requested.`;
    case 'childrenCheckResponseCodes':
      return `These contacts record the children’s services response.`;
    case 'referralNeeds':
      return `These needs call for a referral when the need is standard or severe and linked to harm or reoffending.`;
    case 'referralCodes':
      return `For each need, the contacts that count as a referral.`;
    case 'restrictedGrades':
      return `Staff of these grades should not hold a high-risk case.`;
  }
}

/** A setting named in words with its key beside it, for a message: "Repeat SPO oversight interval (oversightIntervalDays)". */
export function settingName(key: SettingKey): string {
  return `${settingTitles[key]} (${key})`;
}
