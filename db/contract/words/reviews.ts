import type { CheckItem, CheckOutcome, ReferralAnswer, ReviewType } from '../reviews.js';

/** Each review type's name, as a label or at the start of a sentence. */
export const reviewTypeLabels: Readonly<Record<ReviewType, string>> = {
  'management-oversight': 'Management oversight',
  'allocation-oversight': 'Allocation oversight',
  'mappa-l1-review': 'MAPPA level 1 review',
};

export const isReviewType = (t: string): t is ReviewType => Object.hasOwn(reviewTypeLabels, t);

/** A review type inside a sentence: "a management oversight review", "a MAPPA level 1 review". */
export function reviewTypeInSentence(type: ReviewType): string {
  const label = reviewTypeLabels[type];
  // An acronym keeps its capitals; a word is lower-cased.
  const start = /^[A-Z][a-z]/.test(label) ? `${label.charAt(0).toLowerCase()}${label.slice(1)}` : label;
  return start.endsWith(' review') ? start : `${start} review`;
}

export const checkLabels: Readonly<Record<CheckItem, string>> = {
  'risk-assessment': 'Risk assessment',
  rmp: 'Risk management plan',
  'police-da': 'Police domestic-abuse information',
  'childrens-services': "Children's services information",
  referrals: 'Referrals',
};

export const checkOutcomeLabels: Readonly<Record<CheckOutcome, string>> = {
  checked: 'Checked',
  requested: 'Requested: awaiting the response',
  'action-needed': 'Checked: action needed',
  'not-available': 'Sought, not available',
  'not-applicable': 'Not applicable',
};

export const referralAnswerLabels: Readonly<Record<ReferralAnswer, string>> = {
  referred: 'Referred',
  'not-referred': 'Not referred',
  declined: 'Declined by the person',
};

