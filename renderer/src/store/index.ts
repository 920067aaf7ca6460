import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Client } from '../client.js';
import { caseloadSlice } from './caseload.js';
import { importSlice } from './import.js';
import { navigationSlice } from './navigation.js';
import { sessionSlice } from './session.js';
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
