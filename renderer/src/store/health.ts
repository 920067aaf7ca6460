import type { HealthStatus } from '../../../db/contract/index.js';
import type { Slice } from './types.js';

export interface HealthSlice {
  /** The database's start-up check as the host last said; null until it has said. */
  check: HealthStatus | null;
  /** Asks how the check stands and, while it runs, waits for its end (one call, not a poll). */
  watchCheck: () => Promise<void>;
}

export const healthSlice: Slice<HealthSlice> = (client) => (set) => ({
  check: null,
  watchCheck: async () => {
    const now = await client.call('health:status', {});
    // A host that cannot say: nothing is shown rather than something wrong.
    if (!now.ok) return;
    set({ check: now.value });
    if (now.value.state !== 'checking') return;
    const done = await client.call('health:status', { wait: true });
    set({ check: done.ok ? done.value : null });
  },
});
