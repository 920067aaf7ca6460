import { describe, expect, it } from 'vitest';
import { debOptions, packagedPath, productCode, squirrelOptions, upgradeCode, wixOptions } from './installers.js';

describe('the Windows MSI', () => {
  it('installs for every user of the laptop into Program Files, as IT pushes it', () => {
    expect(wixOptions('0.1.0')).toMatchObject({ defaultInstallMode: 'perMachine', programFilesFolderName: 'SPO Oversight', exe: 'spo-oversight.exe', rebootMode: 'ReallySuppress' });
  });

  it('never updates itself or starts at login: a version changes only when IT installs another', () => {
    expect(wixOptions('0.1.0')).toMatchObject({ features: { autoUpdate: false, autoLaunch: false }, autoRun: false });
  });

  it('keeps one upgrade code for every version, so a newer MSI replaces the installed one', () => {
    expect(wixOptions('0.1.0').upgradeCode).toBe(upgradeCode);
    expect(wixOptions('7.3.2').upgradeCode).toBe(upgradeCode);
    expect(upgradeCode).toBe('97D79A39-333D-4FE9-8E41-EA2ECB6E7B73');
  });

  it('gives each version one product code, the same at every build of it and never another version’s', () => {
    expect(productCode('0.1.0')).toBe(productCode('0.1.0'));
    expect(productCode('0.1.0')).not.toBe(productCode('0.1.1'));
    expect(productCode('0.1.0')).not.toBe(upgradeCode);
    expect(productCode('0.1.0')).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(wixOptions('0.1.0').productCode).toBe(productCode('0.1.0'));
  });
});

describe('the other installers', () => {
  it('makes the Squirrel setup.exe with no MSI of its own (the MSI is WiX’s)', () => {
    expect(squirrelOptions('0.1.0')).toMatchObject({ noMsi: true, exe: 'spo-oversight.exe', setupExe: 'SPO Oversight 0.1.0 Setup.exe', name: 'spo_oversight' });
  });

  it('names the Debian package and its command spo-oversight', () => {
    expect(debOptions().options).toMatchObject({ name: 'spo-oversight', bin: 'spo-oversight', productName: 'SPO Oversight' });
  });
});

describe('what goes into app.asar', () => {
  it('takes the built main process, preload and renderer, package.json and the production node_modules', () => {
    for (const path of ['', '/package.json', '/dist', '/dist/electron', '/dist/electron/main.mjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/node_modules/better-sqlite3/build/Release/better_sqlite3.node']) {
      expect(packagedPath(path), path).toBe(true);
    }
  });

  it('leaves out sources, tests, data, the CLI and bench bundles and the repository’s own Electron build of better-sqlite3', () => {
    for (const path of ['/electron/main.ts', '/db/service/open.ts', '/data/demo.sqlite', '/data', '/build/electron-native/better_sqlite3.node', '/dist/cli.mjs', '/dist/bench.mjs', '/dist/chunks/x.mjs', '/e2e', '/.git', '/out', '/dist/electronic', '/README.md', '/forge.config.ts']) {
      expect(packagedPath(path), path).toBe(false);
    }
  });
});
