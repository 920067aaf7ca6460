import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { electronExecutable } from '../scripts/start-electron.mjs';
import { applyFuses, compareFuses, expectedFuses, fuseConfig } from './fuses.js';

// The fuse wire as Electron lays it out (docs/tutorial/fuses.md, "the hard way", and
// @electron/fuses' readFuseWire): the sentinel, a version byte (1), a length byte, then one ASCII
// byte per fuse: "0" off, "1" on, "r" removed.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults, in FuseV1Options order: RunAsNode on, cookie encryption off, NODE_OPTIONS
// on, inspect on, asar integrity off, only-asar off, V8 snapshot off, file:// privileges on, wasm trap handlers on.
const STOCK_WIRE = '101100011';

function syntheticElectron(wire = STOCK_WIRE, copies = 1) {
  const filler = () => Buffer.from('\x7fELF not really an executable, just bytes around the wire '.repeat(200));
  const slice = () => Buffer.concat([filler(), Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, wire.length]), Buffer.from(wire, 'latin1'), filler()]);
  const file = join(mkdtempSync(join(tmpdir(), 'spo-fuses-')), 'spo-oversight');
  writeFileSync(file, Buffer.concat(Array.from({ length: copies }, slice)));
  return file;
}

describe('the fuse configuration', () => {
  it('turns off RunAsNode, NODE_OPTIONS, the inspect arguments and file:// privileges, and turns on asar integrity, only-asar and cookie encryption', () => {
    expect(fuseConfig).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
  });

  it('decides every fuse @electron/fuses knows, and demands a decision for any new one', () => {
    expect(expectedFuses().map((f) => f.name)).toEqual(Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k))));
    expect(fuseConfig.strictlyRequireAllFuses).toBe(true);
  });

  it('reads a fuse @electron/fuses does not know yet against its decision: EnableDeviceBoundSessions off', async () => {
    const flipped = '010011001';
    expect(compareFuses(await getCurrentFuseWire(syntheticElectron(`${flipped}0`)))).toMatchObject({ wrong: [], lines: expect.arrayContaining(['EnableDeviceBoundSessions: off']) as string[] });
    expect(compareFuses(await getCurrentFuseWire(syntheticElectron(`${flipped}1`))).wrong).toEqual(['EnableDeviceBoundSessions is on, should be off']);
    expect(compareFuses(await getCurrentFuseWire(syntheticElectron(`${flipped}00`))).wrong).toEqual(['fuse 10 is new to this Electron and nobody has decided it in electron/fuses.ts']);
  });

  it('finds every fuse a stock Electron has at a default we change', async () => {
    expect(compareFuses(await getCurrentFuseWire(syntheticElectron())).wrong).toEqual([
      'RunAsNode is on, should be off',
      'EnableCookieEncryption is off, should be on',
      'EnableNodeOptionsEnvironmentVariable is on, should be off',
      'EnableNodeCliInspectArguments is on, should be off',
      'EnableEmbeddedAsarIntegrityValidation is off, should be on',
      'OnlyLoadAppFromAsar is off, should be on',
      'GrantFileProtocolExtraPrivileges is on, should be off',
    ]);
  });
});

describe('flipping the fuses of a binary', () => {
  it('sets every fuse as configured, and they read back so from the file', async () => {
    const file = syntheticElectron();
    const result = await applyFuses(file);
    expect(result.wrong).toEqual([]);
    const wire = await getCurrentFuseWire(file);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(FuseState.ENABLE);
    expect(result.lines).toContain('RunAsNode: off');
  });

  it('changes only the fuse wire: every other byte is as it was', async () => {
    const file = syntheticElectron();
    const before = readFileSync(file);
    await applyFuses(file);
    const after = readFileSync(file);
    const wireAt = before.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect(after.subarray(wireAt, wireAt + STOCK_WIRE.length).toString('latin1')).toBe('010011001');
    expect(Buffer.concat([after.subarray(0, wireAt), after.subarray(wireAt + STOCK_WIRE.length)]).equals(Buffer.concat([before.subarray(0, wireAt), before.subarray(wireAt + STOCK_WIRE.length)]))).toBe(true);
  });

  it('flips both slices of a universal macOS binary', async () => {
    const file = syntheticElectron(STOCK_WIRE, 2);
    expect((await applyFuses(file)).wrong).toEqual([]);
    expect(readFileSync(file).toString('latin1').split(`${SENTINEL}\x01\x09010011001`)).toHaveLength(3);
  });

  it('refuses an Electron with a fuse nobody has decided on, and leaves the file unchanged', async () => {
    const file = syntheticElectron(`${STOCK_WIRE}0`);
    const before = readFileSync(file);
    await expect(applyFuses(file)).rejects.toThrow(/strictlyRequireAllFuses/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('says so when the file is not an Electron binary', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'spo-fuses-')), 'not-electron');
    writeFileSync(file, 'just text');
    await expect(applyFuses(file)).rejects.toThrow(/Could not find sentinel/);
  });
});

describe('scripts/fuses.mjs', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [fileURLToPath(new URL('../scripts/fuses.mjs', import.meta.url)), ...args], { encoding: 'utf8' });

  it('flips a packaged executable and prints every fuse as read back', async () => {
    const file = syntheticElectron();
    const result = run(file);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('RunAsNode: off');
    expect(result.stdout).toContain('OnlyLoadAppFromAsar: on');
    expect(compareFuses(await getCurrentFuseWire(file)).wrong).toEqual([]);
  });

  it('with --check, reads the fuses back and flips nothing: 1 for a stock binary, 0 for a flipped one', async () => {
    const file = syntheticElectron();
    const before = readFileSync(file);
    const stock = run('--check', file);
    expect(stock.status).toBe(1);
    expect(stock.stdout).toContain('RunAsNode: on');
    expect(stock.stderr).toContain('RunAsNode is on, should be off');
    expect(readFileSync(file).equals(before)).toBe(true);
    await applyFuses(file);
    const flipped = run('--check', file);
    expect(flipped.status).toBe(0);
    expect(flipped.stdout).toContain('OnlyLoadAppFromAsar: on');
  });

  it('answers 2 with one line for a file that is not Electron, or no argument', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'spo-fuses-')), 'not-electron');
    writeFileSync(file, 'just text');
    const notElectron = run(file);
    expect(notElectron.status).toBe(2);
    expect(notElectron.stderr.trim().split('\n')).toHaveLength(1);
    expect(run().status).toBe(2);
  });
});

/**
 * The real binary: the packaged app's executable named by SPO_OVERSIGHT_PACKAGED_APP (after
 * `node scripts/fuses.mjs`), otherwise the one `require('electron')` points at. Read only; never flipped here.
 */
async function realBinary(): Promise<{ file: string; skip: null } | { file: null; skip: string }> {
  const named = process.env.SPO_OVERSIGHT_PACKAGED_APP;
  let file: string;
  if (named) {
    file = named;
  } else {
    // Not require('electron'): where the binary is missing, that downloads it, printing a stack trace where there is no network.
    const installed = electronExecutable(dirname(createRequire(import.meta.url).resolve('electron/package.json')), process.env);
    if (!installed) return { file: null, skip: 'no Electron binary is installed here (node_modules/electron has no dist/, and SPO_OVERSIGHT_PACKAGED_APP is not set)' };
    file = installed;
  }
  if (!existsSync(file)) return { file: null, skip: `the Electron binary ${file} is not there` };
  const wire = await getCurrentFuseWire(file);
  if (!named && wire[FuseV1Options.RunAsNode] === FuseState.ENABLE) {
    return { file: null, skip: `${file} is the stock Electron, not a packaged build flipped by scripts/fuses.mjs (set SPO_OVERSIGHT_PACKAGED_APP to the packaged executable)` };
  }
  return { file, skip: null };
}

const real = await realBinary();

describe('the packaged Electron binary', () => {
  it.skipIf(real.file === null)(`has our fuses set, read back from the file${real.skip ? ` (skipped: ${real.skip})` : ''}`, async () => {
    if (!real.file) return;
    expect(compareFuses(await getCurrentFuseWire(real.file)).wrong).toEqual([]);
  });
});
