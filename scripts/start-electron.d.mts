// Types for start-electron.mjs (plain JavaScript, run by Node without a build), for its tests.
export function electronExecutable(electronDir: string, env: NodeJS.ProcessEnv): string | null;
export function downloadFailure(output: string): string;
export function previewInstead(reason: string): string;
export function exitCodeAfter(code: number | null, signal: NodeJS.Signals | null, interrupted: boolean): number;
export const START_GRACE_MS: number;
export function startFailure(ending: { code: number | null; signal: NodeJS.Signals | null; elapsedMs: number; interrupted: boolean; stderr: string }): string | null;
