import { spokenDate } from '../contract/dates.js';
import type { ExportFilters } from '../contract/index.js';
import { codeText } from '../contract/words/index.js';
import type { Db } from '../connection.js';

/** Why an export matched nothing: one line the CLI prints and the export screen shows as it is. */
export interface NoMatch {
  message: string;
  /** The filter to correct, when it names a team or practitioner the caseload does not hold. */
  field?: 'team' | 'practitioner';
}

const snapshotTeam = "upper(json_extract(snapshot_json, '$.team.code'))";
const snapshotStaff = "upper(json_extract(snapshot_json, '$.practitioner.staffCode'))";

function period(f: ExportFilters): string | null {
  if (f.from && f.to) return f.from === f.to ? `on ${spokenDate(f.from)}` : `between ${spokenDate(f.from)} and ${spokenDate(f.to)}`;
  if (f.from) return `on or after ${spokenDate(f.from)}`;
  if (f.to) return `on or before ${spokenDate(f.to)}`;
  return null;
}

/**
 * The reason, in the order a person would check: a team or practitioner the caseload has never
 * held (a typing slip, most likely) is named first; otherwise every filter is said back in words.
 * A code is known from the staff file, the cases, or the snapshot of any review, so a team that has
 * since left the staff file but was reviewed is not called unknown.
 */
export function noMatchReason(db: Db, f: ExportFilters): NoMatch {
  // A row when the code is known at all; a name when any source gives one.
  const known = (code: string, sources: string): { name: string | null } | undefined =>
    db.prepare<{ code: string }, { name: string | null }>(`SELECT name FROM (${sources}) ORDER BY name IS NULL LIMIT 1`).get({ code });
  const teamName = (code: string) =>
    known(
      code,
      `SELECT team_name AS name FROM staff WHERE team_code = @code
       UNION ALL SELECT json_extract(snapshot_json, '$.team.name') FROM current_reviews WHERE ${snapshotTeam} = @code`,
    );
  const staffName = (code: string) =>
    known(
      code,
      `SELECT name FROM staff WHERE staff_code = @code
       UNION ALL SELECT json_extract(snapshot_json, '$.practitioner.name') FROM current_reviews WHERE ${snapshotStaff} = @code
       UNION ALL SELECT NULL FROM cases WHERE staff_code = @code`,
    );
  const team = f.team ? teamName(f.team) : undefined;
  if (f.team && !team) return { message: `No reviews match: no team ${f.team} in this caseload`, field: 'team' };
  const staff = f.practitioner ? staffName(f.practitioner) : undefined;
  if (f.practitioner && !staff) return { message: `No reviews match: no practitioner ${f.practitioner} in this caseload`, field: 'practitioner' };

  const named = (name: string | null | undefined, code: string) => (name ? `${name} (${code})` : code);
  const parts = [
    period(f),
    f.team ? `for team ${named(team?.name, f.team)}` : null,
    f.practitioner ? `on cases held by ${named(staff?.name, f.practitioner)}` : null,
    f.rule ? `prompted by ${codeText('rule', f.rule)}` : null,
  ].filter((p): p is string => p !== null);
  return { message: parts.length ? `No reviews match: no reviews ${parts.join(' ')}` : 'No reviews match: no oversight review has been recorded in the app yet' };
}
