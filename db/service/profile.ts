import type { Profile } from '../contract/index.js';
import type { HandlerDeps, Handlers } from './types.js';

interface ProfileRow {
  os_user: string;
  name: string;
  staff_code: string;
  team_code: string;
  updated_at: string;
}

function toProfile(r: ProfileRow): Profile {
  return { osUser: r.os_user, name: r.name, staffCode: r.staff_code, teamCode: r.team_code, updatedAt: r.updated_at };
}

/** Who is using the app under this operating-system account (migration 5). */
export function profileHandlers(deps: HandlerDeps): Pick<Handlers, 'profile:get' | 'profile:set'> {
  const get = deps.db.prepare<[string], ProfileRow>(`SELECT * FROM app_users WHERE os_user = ?`);
  const upsert = deps.db.prepare<[ProfileRow]>(
    `INSERT INTO app_users (os_user, name, staff_code, team_code, updated_at) VALUES (@os_user, @name, @staff_code, @team_code, @updated_at)
     ON CONFLICT (os_user) DO UPDATE SET name = excluded.name, staff_code = excluded.staff_code, team_code = excluded.team_code, updated_at = excluded.updated_at`,
  );
  return {
    'profile:get': () => {
      const row = get.get(deps.osUser);
      return Promise.resolve(row ? toProfile(row) : null);
    },
    'profile:set': (input, ctx) => {
      const row: ProfileRow = { os_user: deps.osUser, name: input.name, staff_code: input.staffCode, team_code: input.teamCode, updated_at: deps.now().toISOString() };
      return Promise.resolve(
        deps.uow.run('profile:set', input, ctx, () => {
          upsert.run(row);
          return toProfile(row);
        }),
      );
    },
  };
}

/** How the app user is named in reviews and the audit log: "Sam Senior (N99S001)". */
export function appUserLabel(p: Pick<Profile, 'name' | 'staffCode'>): string {
  return `${p.name} (${p.staffCode})`;
}
