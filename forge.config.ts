// Electron Forge: `npm run package` and `npm run make` (README, "Build the installers"). This file
// only wires: what each installer is told lives in electron/packaging/ (tested there), and the
// fuses in electron/fuses.ts, the one place they are decided. Forge loads this file itself (jiti).
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerWix } from '@electron-forge/maker-wix';
import { MakerZIP } from '@electron-forge/maker-zip';
import { AutoUnpackNativesPlugin } from '@electron-forge/plugin-auto-unpack-natives';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { readFileSync } from 'node:fs';
import { fuseConfig, readFuses } from './electron/fuses.js';
import { app, debOptions, packagedPath, squirrelOptions, wixOptions } from './electron/packaging/installers.js';
import { packagedAppIn } from './electron/packaging/packaged-app.js';
import { signing } from './electron/packaging/signing.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const signed = signing(process.env, process.platform);
for (const note of signed.notes) console.log(note);
const { productCode, ...wix } = wixOptions(version);

const config: ForgeConfig = {
  packagerConfig: {
    name: app.productName,
    executableName: app.executableName,
    appBundleId: app.appBundleId,
    appCopyright: app.manufacturer,
    win32metadata: { CompanyName: app.manufacturer, ProductName: app.productName, FileDescription: app.productName },
    // The asar is what EnableEmbeddedAsarIntegrityValidation checks: the packager records its hash in the executable.
    asar: true,
    ignore: (path: string) => !packagedPath(path),
    ...(signed.windows ? { windowsSign: signed.windows } : {}),
    ...(signed.mac ? signed.mac : {}),
  },
  // better-sqlite3 is rebuilt for the packaged Electron in the packager's own copy of the app, never
  // in this repository's node_modules, whose Node build the tests and the CLI keep using.
  rebuildConfig: { onlyModules: ['better-sqlite3'], force: true },
  makers: [
    new MakerWix({
      ...wix,
      ...(signed.windows ?? {}),
      beforeCreate: (creator) => {
        creator.productCode = productCode;
      },
    }),
    new MakerSquirrel({ ...squirrelOptions(version), ...(signed.windows ?? {}) }),
    new MakerDeb(debOptions()),
    new MakerZIP({}, ['darwin']),
  ],
  plugins: [
    // Puts better-sqlite3's .node file beside app.asar (app.asar.unpacked), where the OS can load it.
    new AutoUnpackNativesPlugin({}),
    new FusesPlugin(fuseConfig),
  ],
  hooks: {
    // The fuses as they are in each packaged binary, read back from the file: a fuse not as
    // electron/fuses.ts decided fails the build rather than ship.
    postPackage: async (_config, { platform, outputPaths }) => {
      for (const out of outputPaths) {
        const target = packagedAppIn(out, platform as NodeJS.Platform).fuses;
        const { lines, wrong } = await readFuses(target);
        console.log(`Fuses of ${target}: ${lines.join(', ')}`);
        if (wrong.length > 0) throw new Error(`fuses not as configured in ${target}: ${wrong.join('; ')}`);
      }
    },
  },
};

export default config;
