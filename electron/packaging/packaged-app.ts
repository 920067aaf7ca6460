import { join } from 'node:path';
import { app } from './installers.js';

export interface PackagedApp {
  /** What `npm run package` (and `make`) leaves in out/: the app's folder. */
  dir: string;
  /** What to launch: the smoke test's `_electron.launch({ executablePath })`. */
  executable: string;
  /** Where the fuses are read back: the executable, or on macOS the .app bundle (they live in its Electron framework). */
  fuses: string;
}

/** Where Electron Forge puts the packaged app for a platform and architecture, under `out/`. */
export function packagedApp(outDir: string, platform: NodeJS.Platform, arch: string): PackagedApp {
  return packagedAppIn(join(outDir, `${app.productName}-${platform}-${arch}`), platform);
}

/** The executable and the fuses' file inside a packaged app's folder. */
export function packagedAppIn(dir: string, platform: NodeJS.Platform): PackagedApp {
  if (platform === 'darwin') {
    const bundle = join(dir, `${app.productName}.app`);
    return { dir, executable: join(bundle, 'Contents', 'MacOS', app.executableName), fuses: bundle };
  }
  const executable = join(dir, platform === 'win32' ? `${app.executableName}.exe` : app.executableName);
  return { dir, executable, fuses: executable };
}

/**
 * The installed app's own folder for each user (Electron's userData: appData plus the product
 * name), where its database, its wrapped keys and its settings live. The installers never write
 * there and an uninstall never removes it (README, "Install on a Windows laptop").
 */
export function userDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), app.productName);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', app.productName);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), app.productName);
}
