/**
 * One row type per table of the extract (migration 1), mirroring the schema: snake_case, SQLite's
 * own types (0/1 for booleans). Each is mapped to what the engine uses in one place: the mapping
 * functions in this folder. A query that reads fewer columns types its rows as a `Pick` of these.
 */

export interface CaseRow {
  crn: string;
  name: string;
  date_of_birth: string | null;
  staff_code: string;
  allocation_date: string;
  case_type: string | null;
  sentence_type: string | null;
  tier: string | null;
  rosh_level: string | null;
  rosh_assessed_on: string | null;
  raw_json: string | null;
  extra_json: string | null;
  in_caseload: 0 | 1;
  first_import_id: number;
  last_import_id: number;
  left_import_id: number | null;
}

export interface RegistrationRow {
  id: number;
  crn: string;
  register_code: string;
  level_code: string | null;
  category_code: string | null;
  registration_date: string;
  next_review_date: string | null;
  deregistration_date: string | null;
  raw_json: string | null;
  extra_json: string | null;
}

export interface ContactRow {
  id: number;
  contact_id: string;
  crn: string;
  contact_date: string;
  contact_type_code: string;
  staff_code: string | null;
  raw_json: string | null;
  extra_json: string | null;
}

export interface StaffRow {
  staff_code: string;
  name: string;
  grade: string | null;
  team_code: string;
  team_name: string | null;
  pdu_code: string | null;
  pdu_name: string | null;
  points_available: number | null;
  points_used: number | null;
  raw_json: string | null;
  extra_json: string | null;
}

export interface NeedRow {
  id: number;
  crn: string;
  need: string;
  severity: string | null;
  linked_to_harm: 0 | 1 | null;
  linked_to_reoffending: 0 | 1 | null;
  raw_json: string | null;
  extra_json: string | null;
}
