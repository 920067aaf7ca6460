import { headers, type ExtractFiles } from '../../testing/extract.js';

/**
 * A small team for the team view and trends tests, to be read by hand as of 2026-11-23
 * (oversightIntervalDays 84, dueSoonDays 14, capacityThreshold 1.0):
 *
 * - N99P001 (PSM, team N99T01, 124 of 100 points: 124%, over capacity) holds three cases:
 *   - X000001: RHRH since 2026-01-05, HIGH assessed 2026-01-05; MO1 contact on 2026-10-01 →
 *     in scope, last oversight 53 days ago: covered. OVERSIGHT-OVERDUE due 2026-12-24, not due soon.
 *   - X000002: MAPP M1 since 2026-01-05, LOW; CSPO contact on 2026-06-01 → in scope, last oversight
 *     175 days ago: not covered. OVERSIGHT-OVERDUE due 2026-08-24 (91 days overdue);
 *     MAPPA-L1-REVIEW due 2026-01-05 + 112 = 2026-04-27 (210 days overdue).
 *   - X000003: LOW, allocated 2026-11-01: out of scope, nothing due.
 * - N99P002 (PSQ, team N99T01, 40 of 80 points: 50%) holds X000004: HIGH assessed and allocated
 *   2026-11-10, no oversight → in scope 13 days, not covered; OVERSIGHT-NEW due 2026-11-25 (due
 *   soon); ALLOCATION-GRADE due 2026-11-10 (13 days overdue).
 * - N99P003 (PSM, team N99T02, no points available) holds X000005: LOW, allocated 2026-10-01.
 */
export function teamExtract(): ExtractFiles {
  return {
    'cases.csv': [
      headers.cases,
      'X000001,Ann Example,,N99P001,2026-01-05,COMMUNITY,Community Order,B2,HIGH,2026-01-05',
      'X000002,Bo Sample,,N99P001,2026-01-05,LICENCE,Licence,C1,LOW,2026-01-05',
      'X000003,Cy Test,,N99P001,2026-11-01,COMMUNITY,Community Order,D1,LOW,2026-11-01',
      'X000004,Di Trial,,N99P002,2026-11-10,COMMUNITY,Community Order,B1,HIGH,2026-11-10',
      'X000005,Ed Mock,,N99P003,2026-10-01,COMMUNITY,Community Order,D2,LOW,2026-10-01',
      '',
    ].join('\n'),
    'registrations.csv': `${headers.registrations}\nX000001,RHRH,,,2026-01-05,,\nX000002,MAPP,M1,M2,2026-01-05,,\n`,
    'contacts.csv': `${headers.contacts}\nX000001,1001,2026-10-01,MO1,N99S001\nX000002,1002,2026-06-01,CSPO,N99S001\n`,
    'staff.csv': [
      headers.staff,
      'N99P001,Pat Example,PSM,N99T01,Team One,N99PDU,Example PDU,100,124',
      'N99P002,Sam Example,PSQ,N99T01,Team One,N99PDU,Example PDU,80,40',
      'N99P003,Lee Example,PSM,N99T02,Team Two,N99PDU,Example PDU,0,10',
      '',
    ].join('\n'),
  };
}
