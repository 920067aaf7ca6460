import type { InputOf, OpError, Profile } from '../../../db/contract/index.js';
import type { Client } from '../client.js';
import type { Slice } from './types.js';

export interface SessionSlice {
  /** desktop (Electron) or browser (the preview host): the import screen differs. */
  host: Client['host'];
  /** Who is using the app; null until they have said (first run). */
  profile: Profile | null;
  startupError: OpError | null;
  /** Asks the host who is using the app, then opens first run or the caseload. */
  start: () => Promise<void>;
  /** Records who is using the app; answers the service's error, if any, for the form to show. */
  saveProfile: (input: InputOf<'profile:set'>) => Promise<OpError | null>;
}

export const sessionSlice: Slice<SessionSlice> = (client) => (set, get) => ({
  host: client.host,
  profile: null,
  startupError: null,
  start: async () => {
    const result = await client.call('profile:get', {});
    if (!result.ok) {
      set({ startupError: result.error });
      return;
    }
    set({ profile: result.value, startupError: null });
    get().navigate(result.value ? { screen: 'home' } : { screen: 'first-run' });
  },
  saveProfile: async (input) => {
    const result = await client.call('profile:set', input);
    if (!result.ok) return result.error;
    set({ profile: result.value });
    get().navigate({ screen: 'home' });
    return null;
  },
});
