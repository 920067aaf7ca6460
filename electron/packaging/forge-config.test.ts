import resolveForgeConfig from '@electron-forge/core/dist/util/forge-config.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fuseConfig } from '../fuses.js';
import { packagedPath, wixOptions } from './installers.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
// Loaded as `npm run make` loads it: by Forge's own loader, which compiles forge.config.ts with jiti.
const forge = await resolveForgeConfig(repoRoot);
const source = readFileSync(new URL('../../forge.config.ts', import.meta.url), 'utf8');

describe('forge.config.ts, as Electron Forge loads it', () => {
  it('flips the fuses electron/fuses.ts decides, imported from there rather than copied', () => {
    const fuses = forge.plugins.find((p) => p.name === 'fuses') as unknown as { fusesConfig: unknown } | undefined;
    expect(fuses?.fusesConfig).toEqual(fuseConfig);
    expect(source).toContain("import { fuseConfig, readFuses } from './electron/fuses.js';");
    expect(source).not.toMatch(/FuseV1Options|FuseVersion/);
  });

  it('packs the app into an asar and unpacks better-sqlite3’s native module beside it', () => {
    expect(forge.plugins.map((p) => p.name)).toEqual(['auto-unpack-natives', 'fuses']);
    expect(forge.packagerConfig.asar).toEqual({ unpack: '**/{.**,**}/**/*.node' });
  });

  it('rebuilds better-sqlite3 for Electron in the packager’s copy, so node_modules keeps its Node build', () => {
    expect(forge.rebuildConfig).toMatchObject({ onlyModules: ['better-sqlite3'], force: true });
    // Forge runs the rebuild on the packager's build path (core/dist/api/package.js), never on this repository.
    const packageApi = readFileSync(createRequire(import.meta.url).resolve('@electron-forge/core/dist/api/package.js'), 'utf8');
    expect(packageApi).toMatch(/listrCompatibleRebuildHook\)\(buildPath,/);
  });

  it('copies only what installers.ts lets into the app', () => {
    const ignore = forge.packagerConfig.ignore as (path: string) => boolean;
    for (const path of ['/dist/electron/main.mjs', '/src/x.ts', '/build/electron-native/better_sqlite3.node', '/data/demo.sqlite']) expect(ignore(path)).toBe(!packagedPath(path));
  });

  it('makes a WiX MSI and a Squirrel setup.exe for Windows, a .deb for Linux and a zip for macOS', () => {
    expect(forge.makers.map((m) => (m as { name: string }).name)).toEqual(['wix', 'squirrel', 'deb', 'zip']);
    const wix = forge.makers[0] as unknown as { configOrConfigFetcher: Record<string, unknown> };
    const { productCode: _productCode, ...expected } = wixOptions((JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version);
    expect(wix.configOrConfigFetcher).toMatchObject(expected);
    expect((forge.makers[3] as unknown as { platforms: string[] }).platforms).toEqual(['darwin']);
  });

  it('reads the fuses back from each packaged binary and fails the build when one is wrong', () => {
    expect(typeof forge.hooks?.postPackage).toBe('function');
  });
});
