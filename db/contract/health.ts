/**
 * The start-up check of the database (SQLite's `quick_check`), which runs in the background while
 * the app already answers reads: the UI says so in one line, and writes wait until it has passed.
 */
import { z } from 'zod';

export const checkStates = ['checking', 'passed', 'failed', 'not-run'] as const;
/** `not-run`: this host opened the database without the check (the CLI, when nothing calls for it). */
export type CheckState = (typeof checkStates)[number];

export interface HealthStatus {
  state: CheckState;
  /** When it failed: what the user is told (the database is open read-only, and how to recover). */
  message: string | null;
  /** How long the check took, once it has finished. */
  ms: number | null;
}

export const healthInputs = {
  /** `wait`: answer once the check has finished (at once when it has), so the UI need not poll. */
  'health:status': z.object({ wait: z.boolean().optional() }),
} as const satisfies Record<keyof HealthResults, z.ZodType>;

export interface HealthResults {
  'health:status': HealthStatus;
}
