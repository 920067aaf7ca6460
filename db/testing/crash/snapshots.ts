import { createHash } from 'node:crypto';
import type { Db } from '../../connection.js';
import { headers, type ExtractFiles } from '../extract.js';

/**
 * Two valid extracts for the crash harness (issue 8, item 1). They share the cases the child
 * records reviews against and differ in everything else, so a half-applied import would show.
 */

/** CRNs in both snapshots: reviews are recorded against these, whichever snapshot is in force. */
export const sharedCrns = Array.from({ length: 200 }, (_, i) => `X${String(i + 1).padStart(6, '0')}`);

export function snapshotExtract(which: 'A' | 'B', extraCases: number): ExtractFiles {
  const own = Array.from({ length: extraCases }, (_, i) => `${which === 'A' ? 'Y' : 'Z'}${String(i + 1).padStart(6, '0')}`);
  const crns = [...sharedCrns, ...own];
  const date = which === 'A' ? '2026-10-01' : '2026-11-01';
  const rosh = which === 'A' ? 'HIGH' : 'VERY_HIGH';
  const cases = crns.map((crn, i) => `${crn},Person ${which}${i},1980-01-02,N99P00${(i % 2) + 1},${date},COMMUNITY,Community Order,B2,${rosh},${date}`);
  const registrations = crns.map((crn) => `${crn},${which === 'A' ? 'RHRH' : 'RVHR'},,,${date},,`);
  const contacts = crns.flatMap((crn, i) => [`${crn},${which}${i}a,${date},MO1,N99P001`, `${crn},${which}${i}b,${date},C281,N99P002`]);
  const needs = crns.map((crn) => `${crn},${which === 'A' ? 'DRUG' : 'ALCOHOL'},SEVERE,Y,N`);
  return {
    'cases.csv': `${headers.cases}\n${cases.join('\n')}\n`,
    'registrations.csv': `${headers.registrations}\n${registrations.join('\n')}\n`,
    'contacts.csv': `${headers.contacts}\n${contacts.join('\n')}\n`,
    'staff.csv': `${headers.staff}\nN99P001,Pat ${which},PSM,N99T01,Team One,N99PDU,Example PDU,100,124\nN99P002,Sam ${which},PSQ,N99T01,Team One,N99PDU,Example PDU,80,40\n`,
    'needs.csv': `${headers.needs}\n${needs.join('\n')}\n`,
  };
}

const caseColumns = 'crn, name, date_of_birth, staff_code, allocation_date, case_type, sentence_type, tier, rosh_level, rosh_assessed_on, raw_json, extra_json';

/**
 * A digest of the snapshot in force: the cases in the caseload and every row of the other
 * extract tables, without row ids or import ids (which depend on the history, not the snapshot).
 */
export function snapshotDigest(db: Db): string {
  const hash = createHash('sha256');
  const queries = [
    `SELECT ${caseColumns} FROM cases WHERE in_caseload = 1`,
    'SELECT crn, register_code, level_code, category_code, registration_date, next_review_date, deregistration_date, raw_json, extra_json FROM registrations',
    'SELECT crn, contact_id, contact_date, contact_type_code, staff_code, raw_json, extra_json FROM contacts',
    'SELECT * FROM staff',
    'SELECT crn, need, severity, linked_to_harm, linked_to_reoffending, raw_json, extra_json FROM needs',
  ];
  for (const sql of queries) {
    hash.update(`#${sql}\n`);
    for (const row of db.prepare(sql).raw().all().map((r) => JSON.stringify(r)).sort()) hash.update(`${row}\n`);
  }
  return hash.digest('hex');
}
