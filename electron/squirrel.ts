import { basename, dirname, join } from 'node:path';

/**
 * What to do when Squirrel.Windows (the setup.exe installer) starts the app: it runs the app once
 * with `--squirrel-install` after installing it, `--squirrel-updated` after a newer setup.exe ran,
 * `--squirrel-uninstall` before removing it, `--squirrel-obsolete` for a version being replaced.
 * Each must make its shortcuts (or remove them) and quit within seconds, opening no window and no
 * database. `run` is the Update.exe command to wait for, null when there is nothing to run.
 * (The app checks for no updates itself: an installed version changes only when IT installs another.)
 */
export type SquirrelStep = { quit: false } | { quit: true; run: { command: string; args: string[] } | null };

export function squirrelStep(argv: readonly string[], platform: NodeJS.Platform, execPath: string): SquirrelStep {
  if (platform !== 'win32') return { quit: false };
  const event = argv.find((a) => a.startsWith('--squirrel-'));
  // Squirrel puts Update.exe one folder above the app's versioned folder (app-0.1.0\).
  const update = join(dirname(dirname(execPath)), 'Update.exe');
  const exe = basename(execPath);
  switch (event) {
    case '--squirrel-install':
    case '--squirrel-updated':
      return { quit: true, run: { command: update, args: [`--createShortcut=${exe}`] } };
    case '--squirrel-uninstall':
      // Only the shortcuts: the database and its keys in the user-data folder stay (README, "Install on a Windows laptop").
      return { quit: true, run: { command: update, args: [`--removeShortcut=${exe}`] } };
    case '--squirrel-obsolete':
      return { quit: true, run: null };
    default:
      return { quit: false };
  }
}
