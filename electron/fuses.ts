import { flipFuses, FuseState, FuseV1Options, FuseVersion, getCurrentFuseWire, type FuseConfig, type FuseV1Config } from '@electron/fuses';

/**
 * The fuses of the packaged app: the one place they are decided (scripts/fuses.mjs flips them,
 * the tests read them back). Every fuse @electron/fuses knows is set explicitly, and
 * `strictlyRequireAllFuses` makes flipping fail on an Electron whose fuse wire is longer than
 * this list, so a fuse added by an upgrade gets a decision rather than its default.
 */
export const fuseConfig = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node.js interpreter.
  [FuseV1Options.RunAsNode]: false,
  // Chromium's cookie store encrypted with the OS key (the app sets no cookies; costs nothing).
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (and NODE_EXTRA_CA_CERTS) could preload code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and SIGUSR1 would open a debugger on the process that holds the database key.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // With the next one: only app.asar, and only as it was signed (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Default (off): the app ships no browser-process V8 snapshot; on, it would fail to start.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served from app://, never file://, so file:// needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Default (on): V8's guard-page bounds checks for WebAssembly, a memory-safety feature.
  [FuseV1Options.WasmTrapHandlers]: true,
} as const satisfies FuseV1Config;

/**
 * Fuses Electron has added that @electron/fuses cannot set yet, each decided here so that a binary
 * which has one is read back against the decision. Flipping still refuses such a binary
 * (`strictlyRequireAllFuses`): the build stops until @electron/fuses knows the fuse and the
 * config above sets it explicitly, as decided here.
 */
export const fusesDecidedAhead: Readonly<Record<number, { name: string; state: boolean }>> = {
  // Device Bound Session Credentials (electron/electron#54074, @electron/fuses#138: index 9, default
  // off) bind a website's session cookies to a hardware key. The app signs in to no website and
  // keeps no cookies, so it stays off, its default: on, it would add a key service to the
  // browser process for nothing.
  9: { name: 'EnableDeviceBoundSessions', state: false },
};

const fuseNames = Object.values(FuseV1Options).filter((v): v is FuseV1Options => typeof v === 'number');

/** Each fuse with the state it must have, by name: "RunAsNode" → "0". */
export function expectedFuses(): { name: string; index: FuseV1Options; state: FuseState }[] {
  return fuseNames.map((index) => ({ name: FuseV1Options[index], index, state: fuseConfig[index] ? FuseState.ENABLE : FuseState.DISABLE }));
}

const stateNames: Partial<Record<number, string>> = { [FuseState.DISABLE]: 'off', [FuseState.ENABLE]: 'on', [FuseState.REMOVED]: 'removed' };
const stateName = (state: number | undefined) => (state === undefined ? 'missing' : (stateNames[state] ?? `unknown byte ${state}`));

/** One line per fuse as read from a binary, and each fuse that is not as configured. */
export function compareFuses(wire: FuseConfig<FuseState>): { lines: string[]; wrong: string[] } {
  const lines: string[] = [];
  const wrong: string[] = [];
  for (const { name, index, state } of expectedFuses()) {
    const actual: FuseState | undefined = wire[index];
    lines.push(`${name}: ${stateName(actual)}`);
    // A fuse Electron has removed ("r") can no longer do anything, so it cannot be wrong.
    if (actual !== state && actual !== FuseState.REMOVED) wrong.push(`${name} is ${stateName(actual)}, should be ${stateName(state)}`);
  }
  // Any fuse the binary has beyond those @electron/fuses knows.
  const known = fuseNames.length;
  for (const key of Object.keys(wire).map(Number).filter((i) => Number.isInteger(i) && i >= known)) {
    const actual = (wire as Record<number, FuseState | undefined>)[key];
    const ahead = fusesDecidedAhead[key];
    if (!ahead) {
      lines.push(`fuse ${key}: ${stateName(actual)}`);
      wrong.push(`fuse ${key} is new to this Electron and nobody has decided it in electron/fuses.ts`);
      continue;
    }
    const state = ahead.state ? FuseState.ENABLE : FuseState.DISABLE;
    lines.push(`${ahead.name}: ${stateName(actual)}`);
    if (actual !== state && actual !== FuseState.REMOVED) wrong.push(`${ahead.name} is ${stateName(actual)}, should be ${stateName(state)}`);
  }
  return { lines, wrong };
}

/** Reads the fuses of a packaged Electron executable, changing nothing. */
export async function readFuses(executable: string): Promise<{ lines: string[]; wrong: string[] }> {
  return compareFuses(await getCurrentFuseWire(executable));
}

/** Flips the fuses on a packaged Electron executable, then reads them back from the file. */
export async function applyFuses(executable: string): Promise<{ lines: string[]; wrong: string[] }> {
  await flipFuses(executable, fuseConfig);
  return readFuses(executable);
}
