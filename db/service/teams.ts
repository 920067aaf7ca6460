import type { CaseloadTeams } from '../contract/index.js';
import type * as Rows from '../store/rows.js';
import type { Handlers, ServiceDeps } from './types.js';

type StaffRow = Pick<Rows.StaffRow, 'team_code' | 'team_name' | 'staff_code' | 'name'>;

/** The staff file's teams and practitioners: what the queue can be filtered by, and whether the user's own team is here. */
export function teamsHandlers(deps: ServiceDeps): Pick<Handlers, 'caseload:teams'> {
  const staff = deps.db.prepare<[], StaffRow>(`SELECT team_code, team_name, staff_code, name FROM staff ORDER BY team_code, name, staff_code`);
  return {
    'caseload:teams': () => {
      const teams: CaseloadTeams['teams'] = [];
      for (const row of staff.iterate()) {
        let team = teams.at(-1);
        if (team?.code !== row.team_code) {
          team = { code: row.team_code, name: row.team_name, practitioners: [] };
          teams.push(team);
        }
        // A team's name can differ between its staff rows; the first one given is kept.
        team.name ??= row.team_name;
        team.practitioners.push({ staffCode: row.staff_code, name: row.name });
      }
      return Promise.resolve({ teams });
    },
  };
}
