import type { CaseloadSummary } from '../contract/index.js';
import type { Handlers, ServiceDeps } from './types.js';

export function caseloadHandlers(deps: ServiceDeps): Pick<Handlers, 'caseload:summary'> {
  const counts = deps.db.prepare<[], { inCaseload: number; left: number; staff: number; teams: number }>(
    `SELECT (SELECT count(*) FROM cases WHERE in_caseload = 1) AS inCaseload,
            (SELECT count(*) FROM cases WHERE in_caseload = 0) AS left,
            (SELECT count(*) FROM staff) AS staff,
            (SELECT count(DISTINCT team_code) FROM staff) AS teams`,
  );
  const last = deps.db.prepare<[], { id: number; at: string; user: string; files: string; outcome: string }>(
    `SELECT id, at, os_user AS user, files_json AS files, outcome FROM import_log ORDER BY id DESC LIMIT 1`,
  );
  return {
    'caseload:summary': () => {
      const c = counts.get() ?? { inCaseload: 0, left: 0, staff: 0, teams: 0 };
      const l = last.get();
      const summary: CaseloadSummary = {
        casesInCaseload: c.inCaseload,
        casesLeft: c.left,
        staff: c.staff,
        teams: c.teams,
        lastImport: l ? { id: l.id, at: l.at, user: l.user, files: (JSON.parse(l.files) as unknown[]).length, outcome: l.outcome } : null,
      };
      return Promise.resolve(summary);
    },
  };
}
