import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 built for Electron lives apart from the Node build in node_modules, which the
 * tests and the CLI use: scripts/electron-native.mjs writes it here with a stamp saying what it was
 * built for, so `npm start` and `npm test` never overwrite each other's binary (the "ABI flip").
 */
export const nativeDir = join('build', 'electron-native');

export interface NativeStamp {
  electron: string;
  /** NODE_MODULE_VERSION of that Electron. */
  modules: string;
  platform: string;
  arch: string;
}

/** `path` undefined: better-sqlite3 finds its own binary in node_modules (the packaged app's). */
export type NativeBinding = { ok: true; path: string | undefined } | { ok: false; problem: string };

/** Whether a stamp matches the running Electron; the problem in one line if not. */
export function checkStamp(stamp: unknown, running: NativeStamp): string | null {
  if (typeof stamp !== 'object' || stamp === null) return 'its build stamp is missing or unreadable';
  const s = stamp as Partial<Record<keyof NativeStamp, unknown>>;
  for (const key of ['electron', 'modules', 'platform', 'arch'] as const) {
    if (s[key] !== running[key]) return `it was built for ${key} ${String(s[key])}, but this is ${running[key]}`;
  }
  return null;
}

/** The Electron build of better-sqlite3 under the repository root, if it fits this Electron. */
export function findNativeBinding(repoRoot: string, running: NativeStamp): NativeBinding {
  const dir = join(repoRoot, nativeDir);
  let stamp: unknown;
  try {
    stamp = JSON.parse(readFileSync(join(dir, 'stamp.json'), 'utf8'));
  } catch {
    stamp = null;
  }
  const problem = checkStamp(stamp, running);
  return problem
    ? { ok: false, problem: `The database engine built for Electron cannot be used: ${problem}. Run \`npm start\` (or \`node scripts/electron-native.mjs\`) to build it.` }
    : { ok: true, path: join(dir, 'better_sqlite3.node') };
}

/**
 * The binary the app opens its database with. A packaged app has no build/electron-native: the
 * packager (Forge, forge.config.ts) rebuilt better-sqlite3 for the packaged Electron in its own copy
 * of node_modules and unpacked it beside app.asar, where better-sqlite3 finds it itself. From the
 * repository the Electron build is the one beside node_modules, checked against its stamp.
 */
export function nativeBinding(packaged: boolean, repoRoot: string, running: NativeStamp): NativeBinding {
  return packaged ? { ok: true, path: undefined } : findNativeBinding(repoRoot, running);
}
