import { lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Where a preview run keeps uploads and exports on their way to the browser: extracts and logs
 * are personal data, so each run has its own folder (0700, its files 0600) under one folder per
 * user, named after the run's process. A run that crashed leaves its folder behind; the next run
 * removes every folder whose process is gone, so nothing outlives its run for long.
 */
const runName = /^run-(\d{1,10})-[0-9a-f]{16}$/;

/** The folder for this user's preview runs: made 0700, and refused if another user owns it or it is a link. */
export function previewTempRoot(parent = tmpdir()): string {
  const { uid } = userInfo();
  const root = join(parent, `spo-oversight-preview-${uid >= 0 ? String(uid) : 'user'}`);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const st = lstatSync(root);
  // In a shared /tmp another account could have made the folder first, to read what we put in it.
  if (!st.isDirectory() || st.isSymbolicLink() || (uid >= 0 && st.uid !== uid) || (process.platform !== 'win32' && (st.mode & 0o077) !== 0)) {
    throw new Error(`${root} is not a private folder of this user's: remove it and start the preview again`);
  }
  return root;
}

/** Whether a process is running (one of another user's counts: it is not ours to judge). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the folders of runs whose process has gone; answers their names. */
export function sweepStaleRuns(root: string, alive: (pid: number) => boolean = processAlive): string[] {
  const swept: string[] = [];
  for (const name of readdirSync(root)) {
    const pid = runName.exec(name)?.[1];
    if (pid === undefined || alive(Number(pid))) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    swept.push(name);
  }
  return swept;
}

/** This run's folder, after sweeping away the ones crashed runs left. */
export function createRunDir(root: string, pid = process.pid, alive: (pid: number) => boolean = processAlive): string {
  // A folder under this very pid is a crashed run's whose pid has come round again: not ours now.
  sweepStaleRuns(root, (p) => p !== pid && alive(p));
  const dir = join(root, `run-${String(pid)}-${randomBytes(8).toString('hex')}`);
  mkdirSync(dir, { mode: 0o700 });
  return dir;
}
