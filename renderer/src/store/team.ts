import type { CaseloadTeams, OpError, TeamView } from '../../../db/contract/index.js';
import type { Slice } from './types.js';

export interface TeamState {
  /** The team shown; '' for every practitioner holding a case. */
  team: string;
  teams: CaseloadTeams['teams'] | null;
  view: TeamView | null;
  loading: boolean;
  error: OpError | null;
}

export interface TeamSlice {
  teamScreen: TeamState;
  /** Reads the teams, opens on the user's own team when the caseload has it, and loads the view. */
  openTeam: () => Promise<void>;
  showTeam: (team: string) => Promise<void>;
}

const initial: TeamState = { team: '', teams: null, view: null, loading: false, error: null };

export const teamSlice: Slice<TeamSlice> = (client) => (set, get) => {
  const patch = (p: Partial<TeamState>) => {
    set((s) => ({ teamScreen: { ...s.teamScreen, ...p } }));
  };
  const load = async (team: string) => {
    patch({ team, loading: true, error: null });
    const result = await client.call('team:view', team ? { team } : {});
    // A slower answer for a team no longer chosen is dropped.
    if (get().teamScreen.team !== team) return;
    patch(result.ok ? { loading: false, view: result.value } : { loading: false, error: result.error });
  };
  return {
    teamScreen: initial,
    openTeam: async () => {
      const teams = await client.call('caseload:teams', {});
      const list = teams.ok ? teams.value.teams : [];
      const own = get().profile?.teamCode;
      patch({ teams: list });
      await load(own && list.some((t) => t.code === own) ? own : '');
    },
    showTeam: (team) => load(team),
  };
};
