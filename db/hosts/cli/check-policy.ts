import { existsSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * Why a command should check the database before it runs, or null when nothing calls for it. The
 * full check reads the whole file (10–20 s at national scale), so the CLI pays it only where it
 * protects: here, after an unclean shutdown. SQLite's own files say so: a clean close of the last
 * connection removes the `-wal`, and a finished transaction its `-journal`; either left beside the
 * database means a process stopped with it open (or one has it open now, which costs only the
 * check). Backups, restores and committed imports check for themselves; `check` on demand.
 */
export function checkReason(dbFile: string): string | null {
  for (const suffix of ['-wal', '-journal']) {
    if (existsSync(`${dbFile}${suffix}`)) {
      return `it was not closed cleanly last time, or another program has it open (${basename(dbFile)}${suffix} is beside it)`;
    }
  }
  return null;
}
