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
