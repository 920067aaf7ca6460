import type { CaseloadTeams, OpError, TrendsReport } from '../../../db/contract/index.js';
import type { Slice } from './types.js';

export interface TrendsState {
  /** '' for every team. */
  team: string;
  teams: CaseloadTeams['teams'] | null;
  report: TrendsReport | null;
  loading: boolean;
  error: OpError | null;
}

export interface TrendsSlice {
  trends: TrendsState;
  /** Opens on the user's own team when it is in the caseload, every team otherwise. */
  openTrends: () => Promise<void>;
  loadTrends: (team: string) => Promise<void>;
}

const initial: TrendsState = { team: '', teams: null, report: null, loading: false, error: null };

export const trendsSlice: Slice<TrendsSlice> = (client) => (set, get) => {
  const patch = (p: Partial<TrendsState>) => {
    set((s) => ({ trends: { ...s.trends, ...p } }));
  };
  return {
    trends: initial,
    openTrends: async () => {
      let { teams } = get().trends;
      if (teams === null) {
        const listed = await client.call('caseload:teams', {});
        if (!listed.ok) {
          patch({ error: listed.error });
          return;
        }
        teams = listed.value.teams;
        patch({ teams });
      }
      const own = get().profile?.teamCode;
      const team = get().trends.report ? get().trends.team : teams.some((t) => t.code === own) && own ? own : '';
      await get().loadTrends(team);
    },
    loadTrends: async (team) => {
      patch({ team, loading: true, error: null });
      const result = await client.call('trends:weekly', { weeks: 52, ...(team ? { team } : {}) });
      // A later choice of team may have overtaken this one; only the latest is shown.
      if (get().trends.team !== team) return;
      patch(result.ok ? { report: result.value, loading: false } : { loading: false, error: result.error });
    },
  };
};
