import type { CaseRow } from './rows.js';

/**
 * The columns of `cases` the rules read: those of the covering index `cases_caseload_cover`
 * (migration 3), so the whole caseload is read from the index alone.
 */
export const CASE_CORE_FIELDS = 'crn, name, staff_code, allocation_date, rosh_level, rosh_assessed_on, in_caseload';
export type CaseCoreFields = Pick<CaseRow, 'crn' | 'name' | 'staff_code' | 'allocation_date' | 'rosh_level' | 'rosh_assessed_on' | 'in_caseload'>;

/** Every snapshot column of `cases` (not the raw text or the import ids). */
export const CASE_FIELDS = `${CASE_CORE_FIELDS}, date_of_birth, case_type, sentence_type, tier`;
export type CaseFields = CaseCoreFields & Pick<CaseRow, 'date_of_birth' | 'case_type' | 'sentence_type' | 'tier'>;

/** What the rules know of a case of the latest snapshot (or one that has left the caseload). */
export interface CaseCore {
  crn: string;
  name: string;
  staffCode: string;
  allocationDate: string;
  roshLevel: string | null;
  roshAssessedOn: string | null;
  inCaseload: boolean;
}

/** A case with every snapshot field, for the case screen. */
export interface StoredCase extends CaseCore {
  dateOfBirth: string | null;
  caseType: string | null;
  sentenceType: string | null;
  tier: string | null;
}

export function toCaseCore(r: CaseCoreFields): CaseCore {
  return {
    crn: r.crn,
    name: r.name,
    staffCode: r.staff_code,
    allocationDate: r.allocation_date,
    roshLevel: r.rosh_level,
    roshAssessedOn: r.rosh_assessed_on,
    inCaseload: r.in_caseload === 1,
  };
}

/** A row of CASE_CORE_FIELDS read as an array: a whole caseload is read this way (db/rules/load.ts), as V8 makes arrays faster than objects with named keys. */
export type CaseCoreRaw = [
  crn: CaseRow['crn'],
  name: CaseRow['name'],
  staffCode: CaseRow['staff_code'],
  allocationDate: CaseRow['allocation_date'],
  roshLevel: CaseRow['rosh_level'],
  roshAssessedOn: CaseRow['rosh_assessed_on'],
  inCaseload: CaseRow['in_caseload'],
];

export function toCaseCoreFromRaw(r: CaseCoreRaw): CaseCore {
  return { crn: r[0], name: r[1], staffCode: r[2], allocationDate: r[3], roshLevel: r[4], roshAssessedOn: r[5], inCaseload: r[6] === 1 };
}

export function toCase(r: CaseFields): StoredCase {
  return { ...toCaseCore(r), dateOfBirth: r.date_of_birth, caseType: r.case_type, sentenceType: r.sentence_type, tier: r.tier };
}
