import { describe, expect, it } from 'vitest';
import type { CaseloadTeams, Profile } from '../../../db/contract/index.js';
import { fakeClient } from '../testing/fake-client.js';
import { createAppStore } from './index.js';

const profile: Profile = { osUser: 'spo', name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N07T02', updatedAt: '2026-11-20T10:00:00Z' };

/** A caseload of `teams` for the user above; each week range trends is asked for, recorded. */
function trendsClient(teams: CaseloadTeams['teams']) {
  const asked: unknown[] = [];
  const { client } = fakeClient({
    'profile:get': () => ({ ok: true, value: profile }),
    'caseload:teams': () => ({ ok: true, value: { teams } }),
    'trends:weekly': (input) => {
      asked.push(input);
      return { ok: true, value: { asOf: '2026-11-22', team: null, weeks: [], evaluatedWeeks: 0, reading: '' } };
    },
  });
  return { client, asked };
}

describe('trends', () => {
  it("open on the user's own team when the caseload has it", async () => {
    const { client, asked } = trendsClient([{ code: 'N07T01', name: null, practitioners: [] }, { code: 'N07T02', name: 'Sheffield North', practitioners: [] }]);
    const store = createAppStore(client);
    await store.getState().start();
    await store.getState().openTrends();
    expect(asked).toEqual([{ weeks: 52, team: 'N07T02' }]);
    expect(store.getState().trends.team).toBe('N07T02');
  });

  it('open on every team when the user’s team is not in the caseload', async () => {
    const { client, asked } = trendsClient([{ code: 'N07T01', name: null, practitioners: [] }]);
    const store = createAppStore(client);
    await store.getState().start();
    await store.getState().openTrends();
    expect(asked).toEqual([{ weeks: 52 }]);
  });
});
