import { describe, expect, it } from 'vitest';
import type { HealthStatus } from '../../../db/contract/index.js';
import { fakeClient } from '../testing/fake-client.js';
import { createAppStore } from './index.js';

describe("the database check's line", () => {
  it('shows the check while it runs and waits for its end with one call, not a poll', async () => {
    const now: HealthStatus = { state: 'checking', message: null, ms: null };
    const waited: HealthStatus = { state: 'passed', message: null, ms: 812 };
    const { client, calls } = fakeClient({ 'health:status': (input) => ({ ok: true, value: (input as { wait?: boolean }).wait ? waited : now }) });
    const store = createAppStore(client);
    await store.getState().watchCheck();
    expect(calls.map((c) => c.input)).toEqual([{}, { wait: true }]);
    expect(store.getState().check).toEqual({ state: 'passed', message: null, ms: 812 });
  });

  it('says nothing when the host cannot say how the check stands', async () => {
    const { client } = fakeClient({});
    const store = createAppStore(client);
    await store.getState().watchCheck();
    expect(store.getState().check).toBeNull();
  });
});
