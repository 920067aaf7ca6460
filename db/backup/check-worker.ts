// The start-up check in a worker thread (background-check.ts starts it): its own read-only
// connection, keyed as the app's, runs `quick_check` and posts the result, so the thread that
// answers the UI never blocks on reading the whole file. Bundled on its own (scripts/build.mjs).
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { applyKey } from '../encryption/cipher.js';
import { checkDatabase, isDamage, type Health } from './health.js';
import type { CheckRequest, CheckReply } from './background-check.js';

function check({ file, key, nativeBinding }: CheckRequest): Health {
  const started = performance.now();
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    // The key came as bytes and goes to SQLite as hex; it is never in a message.
    if (key) applyKey(db, { key: Buffer.from(key), source: 'the key given by the app' }, file);
    return checkDatabase(db, 'quick_check');
  } catch (e) {
    // A page too damaged to key or open fails the check, as it would in the app's own thread.
    if (isDamage(e) || (e as Error).name === 'DomainError') return { ok: false, problems: [(e as Error).message], ms: performance.now() - started };
    throw e;
  } finally {
    db?.close();
  }
}

const request = workerData as CheckRequest;
let reply: CheckReply;
try {
  reply = { health: check(request) };
} catch (e) {
  reply = { error: e instanceof Error ? e.message : String(e) };
}
parentPort?.postMessage(reply);
