import { join, resolve } from 'node:path';

/** The file named by `--db FILE` on the command line, if any. */
export function dbArgument(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--db');
  return at >= 0 ? argv[at + 1] : undefined;
}

/**
 * The database the window opens: `spo-oversight.sqlite` in the user-data folder. From the
 * repository (`npm start`) `--db FILE` opens another, such as the demo database; a packaged app
 * ignores it, so a shortcut cannot point the app at a file the user did not choose.
 */
export function databaseFile(argv: readonly string[], userData: string, packaged: boolean, cwd: string): string {
  const given = dbArgument(argv);
  return !packaged && given ? resolve(cwd, given) : join(userData, 'spo-oversight.sqlite');
}
