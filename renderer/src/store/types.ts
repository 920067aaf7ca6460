import type { StateCreator } from 'zustand';
import type { Client } from '../client.js';
import type { CaseloadSlice } from './caseload.js';
import type { ImportSlice } from './import.js';
import type { NavigationSlice } from './navigation.js';
import type { SessionSlice } from './session.js';

/** The whole store: one slice per area, merged at the root (store/index.ts). */
export type AppState = NavigationSlice & SessionSlice & CaseloadSlice & ImportSlice & { reset(): void };

/** A slice sees the whole state (slices call each other's actions) and the client. */
export type Slice<T> = (client: Client) => StateCreator<AppState, [], [], T>;
