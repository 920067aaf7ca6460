// The upper half of the weekly trends' sweep in a worker thread (parallel-sweep.ts starts it): its
// own read-only connection, keyed as the app's, reads inside one transaction opened before the
// main thread starts its half, and posts its tallies. Bundled on its own (scripts/build.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../connection.js';
import type { SweepReply, SweepRequest } from './parallel-sweep.js';
import { sweepTallies } from './trend-totals.js';

const post = (reply: SweepReply): void => {
  parentPort?.postMessage(reply);
};
const request = workerData as SweepRequest;
try {
  const db = openDatabase(request.file, {
    readonly: true,
    ...(request.key ? { key: Buffer.from(request.key) } : {}),
    ...(request.nativeBinding ? { nativeBinding: request.nativeBinding } : {}),
  });
  try {
    db.exec('BEGIN');
    // A read transaction starts at its first read: from here on this connection sees one snapshot.
    db.prepare('SELECT count(*) FROM import_log').get();
    post({ ready: true });
    const tallies = sweepTallies(db, request.dates, request.range);
    db.exec('COMMIT');
    post({ tallies });
  } finally {
    db.close();
  }
} catch (e) {
  post({ error: e instanceof Error ? e.message : String(e) });
}
