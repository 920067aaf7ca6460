import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Electron supports its three newest stable majors (docs/tutorial/electron-timelines.md). */
export const SUPPORTED_MAJORS = 3;

/**
 * The newest stable Electron when someone last looked (`npm view electron dist-tags.latest`).
 * Offline tests cannot ask npm, so this is the reference; look again and update it at each upgrade.
 */
export const newestElectron = { version: '45.5.0', checkedOn: '2026-11-28' } as const;

function major(version: string): number {
  const m = /^(\d+)\./.exec(version);
  if (!m?.[1]) throw new Error(`not an Electron version: ${version}`);
  return Number(m[1]);
}

/** Whether `version` is one of the supported majors, given the newest release. */
export function isSupportedElectron(version: string, newest: string = newestElectron.version): boolean {
  return major(version) > major(newest) - SUPPORTED_MAJORS;
}

/** The Electron version installed in node_modules (its package.json; the binary need not be there). */
export function installedElectron(): string {
  const path = createRequire(import.meta.url).resolve('electron/package.json');
  const pkg: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
  throw new Error(`${path} names no version`);
}
