import type { StateCreator } from 'zustand';
import type { Client } from '../client.js';
import type { AuditSlice } from './audit.js';
import type { CaseSlice } from './case.js';
import type { CaseloadSlice } from './caseload.js';
import type { ExportSlice } from './export-log.js';
import type { HealthSlice } from './health.js';
import type { ImportSlice } from './import.js';
import type { NavigationSlice } from './navigation.js';
import type { ReviewSlice } from './review.js';
import type { QueueSlice } from './queue.js';
import type { SampleSlice } from './sample.js';
import type { SessionSlice } from './session.js';
import type { TrendsSlice } from './trends.js';
import type { SettingsSlice } from './settings.js';
import type { TeamSlice } from './team.js';

/** The whole store: one slice per area, merged at the root (store/index.ts). */
export type AppState = NavigationSlice & SessionSlice & CaseloadSlice & ImportSlice & ExportSlice & AuditSlice & TrendsSlice & SampleSlice & QueueSlice & CaseSlice & ReviewSlice & TeamSlice & SettingsSlice & HealthSlice & { reset(): void };

/** A slice sees the whole state (slices call each other's actions) and the client. */
export type Slice<T> = (client: Client) => StateCreator<AppState, [], [], T>;
