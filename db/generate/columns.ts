import type { ExtractKind } from '../contract/index.js';

/** The header of each file, in the order caseload-extract.md lists the columns. */
export const columns = {
  cases: ['crn', 'name', 'date_of_birth', 'staff_code', 'allocation_date', 'case_type', 'sentence_type', 'tier', 'rosh_level', 'rosh_assessed_on'],
  registrations: ['crn', 'register_code', 'level_code', 'category_code', 'registration_date', 'next_review_date', 'deregistration_date'],
  contacts: ['crn', 'contact_id', 'contact_date', 'contact_type_code', 'staff_code'],
  staff: ['staff_code', 'name', 'grade', 'team_code', 'team_name', 'pdu_code', 'pdu_name', 'points_available', 'points_used'],
  needs: ['crn', 'need', 'severity', 'linked_to_harm', 'linked_to_reoffending'],
} as const satisfies Record<ExtractKind, readonly string[]>;
