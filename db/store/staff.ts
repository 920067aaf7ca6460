import type { StaffRow } from './rows.js';

/** The columns of `staff` the engine reads (not the raw text). */
export const STAFF_FIELDS = 'staff_code, name, grade, team_code, team_name, pdu_code, pdu_name, points_available, points_used';
export type StaffFields = Omit<StaffRow, 'raw_json' | 'extra_json'>;

/** A practitioner of the staff file, as the engine uses them. */
export interface StoredStaff {
  staffCode: string;
  name: string;
  grade: string | null;
  teamCode: string;
  teamName: string | null;
  pduCode: string | null;
  pduName: string | null;
  pointsAvailable: number | null;
  pointsUsed: number | null;
}

export function toStaff(r: StaffFields): StoredStaff {
  return {
    staffCode: r.staff_code,
    name: r.name,
    grade: r.grade,
    teamCode: r.team_code,
    teamName: r.team_name,
    pduCode: r.pdu_code,
    pduName: r.pdu_name,
    pointsAvailable: r.points_available,
    pointsUsed: r.points_used,
  };
}
