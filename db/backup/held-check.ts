import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BackgroundCheck } from './background-check.js';

/**
 * For the end-to-end tests only (the preview host reads it from SPO_OVERSIGHT_TEST_HOLD_CHECK):
 * the check's answer is held until `file` exists, so a test sees the app while the check runs,
 * and ends it, without guessing how long a check takes.
 */
export const HOLD_CHECK_ENV = 'SPO_OVERSIGHT_TEST_HOLD_CHECK';

export function heldUntil(file: string, check: BackgroundCheck): BackgroundCheck {
  return async (request, signal) => {
    const health = await check(request, signal);
    while (!existsSync(file) && !signal.aborted) await sleep(50);
    return health;
  };
}
