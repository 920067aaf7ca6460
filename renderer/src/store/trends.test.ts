import { describe, expect, it } from 'vitest';
import type { CaseloadTeams, Operation, Profile } from '../../../db/contract.js';
import type { Client } from '../client.js';
import { noFiles } from '../testing/no-files.js';
import { createAppStore } from './index.js';

const profile: Profile = { osUser: 'spo', name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N07T02', updatedAt: '2026-11-20T10:00:00Z' };

function fakeClient(teams: CaseloadTeams['teams']) {
  const asked: unknown[] = [];
  const client: Client = {
    host: 'browser',
    call: (op: Operation, input: unknown) => {
      if (op === 'profile:get') return Promise.resolve({ ok: true, value: profile } as never);
      if (op === 'caseload:teams') return Promise.resolve({ ok: true, value: { teams } } as never);
      if (op === 'trends:weekly') {
        asked.push(input);
        return Promise.resolve({ ok: true, value: { asOf: '2026-11-22', team: null, weeks: [], evaluatedWeeks: 0, reading: '' } } as never);
      }
      return Promise.resolve({ ok: false, error: { code: 'internal', message: `no answer for ${op}` } } as never);
    },
    chooseExtractFolder: () => Promise.resolve({ ok: true, value: null }),
    uploadExtract: () => Promise.resolve({ ok: true, value: { paths: [] } }),
    ...noFiles,
    onMenuCommand: () => () => undefined,
  };
  return { client, asked };
}

describe('trends', () => {
  it("open on the user's own team when the caseload has it", async () => {
    const { client, asked } = fakeClient([{ code: 'N07T01', name: null, practitioners: [] }, { code: 'N07T02', name: 'Sheffield North', practitioners: [] }]);
    const store = createAppStore(client);
    await store.getState().start();
    await store.getState().openTrends();
    expect(asked).toEqual([{ weeks: 52, team: 'N07T02' }]);
    expect(store.getState().trends.team).toBe('N07T02');
  });

  it('open on every team when the user’s team is not in the caseload', async () => {
    const { client, asked } = fakeClient([{ code: 'N07T01', name: null, practitioners: [] }]);
    const store = createAppStore(client);
    await store.getState().start();
    await store.getState().openTrends();
    expect(asked).toEqual([{ weeks: 52 }]);
  });
});
