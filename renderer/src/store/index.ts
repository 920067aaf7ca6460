import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Client } from '../client.js';
import { auditSlice } from './audit.js';
import { caseSlice } from './case.js';
import { caseloadSlice } from './caseload.js';
import { exportSlice } from './export-log.js';
import { healthSlice } from './health.js';
import { importSlice } from './import.js';
import { navigationSlice } from './navigation.js';
import { reviewSlice } from './review.js';
import { queueSlice } from './queue.js';
import { sampleSlice } from './sample.js';
import { sessionSlice } from './session.js';
import { trendsSlice } from './trends.js';
import { settingsSlice } from './settings.js';
import { teamSlice } from './team.js';
import type { AppState } from './types.js';

export type AppStore = StoreApi<AppState>;

/**
 * The one store, built from slices. Middleware, if any is ever needed, goes here at the root and
 * never inside a slice (zustand's slices pattern).
 */
export function createAppStore(client: Client): AppStore {
  return createStore<AppState>()((set, get, api) => ({
    ...navigationSlice(client)(set, get, api),
    ...sessionSlice(client)(set, get, api),
    ...caseloadSlice(client)(set, get, api),
    ...importSlice(client)(set, get, api),
    ...exportSlice(client)(set, get, api),
    ...auditSlice(client)(set, get, api),
    ...trendsSlice(client)(set, get, api),
    ...sampleSlice(client)(set, get, api),
    ...caseSlice(client)(set, get, api),
    ...reviewSlice(client)(set, get, api),
    ...queueSlice(client)(set, get, api),
    ...teamSlice(client)(set, get, api),
    ...settingsSlice(client)(set, get, api),
    ...healthSlice(client)(set, get, api),
    // Back to the state the store was made with: tests reset between cases.
    reset: () => {
      set(api.getInitialState(), true);
    },
  }));
}

export const StoreContext = createContext<AppStore | null>(null);

/** Reads the store through a selector; wrap derived objects in useShallow. */
export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside <StoreContext.Provider>');
  return useStore(store, selector);
}

export type { AppState } from './types.js';
export type { Route } from './navigation.js';
export type { ImportFlow, ImportStage } from './import.js';
