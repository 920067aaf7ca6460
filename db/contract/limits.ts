/**
 * How long the review's fields may be. The review schemas refuse anything longer, and the review
 * form checks the same numbers first so it can say so in GOV.UK words beside each field.
 */
export const reviewLimits = {
  spoName: 200,
  staffCode: 20,
  trigger: 200,
  triggers: 20,
  checkNote: 4000,
  referralService: 200,
  referralReason: 2000,
  referralNeeds: 20,
  analysis: 20_000,
  decision: 20_000,
  actionText: 2000,
  actionOwner: 200,
  actions: 50,
  contactCode: 10,
  contactId: 40,
  reason: 2000,
} as const;

/** An nDelius contact type code, once upper-cased. */
export const contactCodePattern = new RegExp(`^[A-Z0-9]{1,${String(reviewLimits.contactCode)}}$`);
