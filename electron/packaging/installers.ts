import { createHash } from 'node:crypto';

/**
 * What the packager and each installer are told (forge.config.ts only wires these in). Pure, so
 * the choices IT relies on are tested: a per-machine MSI that never updates itself and upgrades
 * in place, and data that stays in the user's own folder.
 */
export const app = {
  productName: 'SPO Oversight',
  /** The executable on every platform (spo-oversight.exe on Windows), and the Debian package. */
  executableName: 'spo-oversight',
  appBundleId: 'app.spo-oversight.desktop',
  manufacturer: 'SPO Oversight',
  description: 'Senior probation officer oversight of high-risk and MAPPA level 1 caseloads.',
} as const;

/**
 * The MSI's UpgradeCode: the product's identity to Windows Installer, the same for every version
 * forever, so a newer MSI replaces the installed one (a major upgrade) rather than installing
 * beside it, and IT's deployment can find it. Never change it.
 */
export const upgradeCode = '97D79A39-333D-4FE9-8E41-EA2ECB6E7B73';

/**
 * The MSI's ProductCode for one version. Windows Installer needs a new one for each version (that
 * is what a major upgrade is); deriving it from the UpgradeCode and the version, rather than at
 * random, gives the same code to every build of one version, so IT's detection rule for it holds.
 * A name-based UUID (RFC 9562 version 5 layout, SHA-1) over both.
 */
export function productCode(version: string): string {
  const bytes = createHash('sha1').update(`${upgradeCode}/${version}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * What the packager copies into app.asar, by path from the repository root ("/dist/electron/main.mjs"):
 * the built main process, preload and renderer, package.json, and node_modules (the packager prunes
 * it to the production dependencies). Sources, tests, data, keys and the repository's own Electron
 * build of better-sqlite3 (build/) never go in.
 */
export function packagedPath(path: string): boolean {
  if (path === '' || path === '/package.json' || path === '/dist') return true;
  return ['/dist/electron', '/dist/renderer', '/node_modules'].some((dir) => path === dir || path.startsWith(`${dir}/`));
}

/**
 * The WiX MSI (maker-wix, electron-wix-msi): installed for every user of the laptop into Program
 * Files (perMachine), which is what IT pushes with Intune or SCCM; no updater and no start at
 * login; an upgrade keeps the data, which is never in the install folder but in each user's
 * app-data folder (%APPDATA%\SPO Oversight), which an uninstall does not touch.
 */
export function wixOptions(version: string) {
  return {
    name: app.productName,
    manufacturer: app.manufacturer,
    description: app.description,
    exe: `${app.executableName}.exe`,
    programFilesFolderName: app.productName,
    shortcutFolderName: app.productName,
    shortcutName: app.productName,
    upgradeCode,
    defaultInstallMode: 'perMachine' as const,
    // The updater (Squirrel inside the MSI) and auto-launch are off: versions change only when IT pushes one.
    features: { autoUpdate: false, autoLaunch: false },
    autoRun: false,
    ui: { chooseDirectory: false },
    // A silent install from Intune or SCCM must never restart the laptop.
    rebootMode: 'ReallySuppress',
    arch: 'x64' as const,
    version,
    /** Applied by forge.config.ts to the creator (electron-wix-msi makes a random one and has no option). */
    productCode: productCode(version),
  };
}

/**
 * The Squirrel setup.exe: a per-user install into %LOCALAPPDATA%, for a laptop where the user may
 * install software themselves. The app handles Squirrel's start-up events (electron/squirrel.ts)
 * and never checks for updates. The MSI comes from maker-wix, so Squirrel makes none.
 */
export function squirrelOptions(version: string) {
  return {
    name: 'spo_oversight',
    title: app.productName,
    authors: app.manufacturer,
    description: app.description,
    exe: `${app.executableName}.exe`,
    setupExe: `${app.productName} ${version} Setup.exe`,
    noMsi: true,
  };
}

/** The Debian package, for a Linux desktop (and the release pipeline's Linux smoke test). */
export function debOptions() {
  return {
    options: {
      name: app.executableName,
      productName: app.productName,
      bin: app.executableName,
      maintainer: app.manufacturer,
      section: 'misc' as const,
      categories: ['Office' as const],
      description: app.description,
    },
  };
}
