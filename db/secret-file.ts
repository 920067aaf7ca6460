import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, rmSync, writeSync } from 'node:fs';

/**
 * Writes a new secret (a key) to `path`, readable by its owner only. Written whole to a temporary
 * file and synced, then linked into place: a crash can never leave a short key under the real
 * name, and link fails with EEXIST rather than replace a key another process put there a moment
 * ago (the caller then reads that one).
 */
export function writeNewSecretFile(path: string, bytes: Buffer): void {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}
