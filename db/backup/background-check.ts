import { Worker } from 'node:worker_threads';
import type { Health } from './health.js';

/** What the worker (check-worker.ts) is given: the database, its key's bytes, and the runtime's SQLite build. */
export interface CheckRequest {
  file: string;
  /** The 32-byte key, copied into the worker; null for an unencrypted database. */
  key: Uint8Array | null;
  nativeBinding?: string;
}

export type CheckReply = { health: Health } | { error: string };

/** Runs the start-up check somewhere other than the calling thread; rejects when it could not run at all. */
export type BackgroundCheck = (request: CheckRequest, signal: AbortSignal) => Promise<Health>;

/**
 * The check in a worker thread, from the bundled worker file (dist/check-worker.mjs beside the
 * preview host, dist/electron/check-worker.mjs beside the Electron main). Aborting stops the
 * worker: the app is closing.
 */
export function workerCheck(workerFile: URL | string): BackgroundCheck {
  return (request, signal) =>
    new Promise<Health>((resolve, reject) => {
      const worker = new Worker(workerFile, { workerData: request });
      const stop = () => void worker.terminate();
      signal.addEventListener('abort', stop, { once: true });
      let replied = false;
      worker.once('message', (reply: CheckReply) => {
        replied = true;
        signal.removeEventListener('abort', stop);
        if ('health' in reply) resolve(reply.health);
        else reject(new Error(reply.error));
      });
      worker.once('error', (e) => {
        signal.removeEventListener('abort', stop);
        reject(e);
      });
      worker.once('exit', (code) => {
        if (!replied) reject(new Error(signal.aborted ? 'the check was stopped: the app is closing' : `the check's worker stopped (exit ${String(code)}) without an answer`));
      });
    });
}
