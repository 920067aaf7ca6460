import { openService } from '../../service/open.js';
import { sharedCrns } from './snapshots.js';

/**
 * The process the crash harness kills (issue 8, item 1): it imports one of two extracts or records
 * a review, over and over, and prints one JSON line on stdout for each write the service has
 * acknowledged. Stdout to a pipe is synchronous on Linux, so a printed line means the write had
 * returned before the next one began.
 *
 * Usage: node crash-child.mjs DB EXTRACT_A EXTRACT_B SEED
 */

const [dbFile, dirA, dirB, seedText] = process.argv.slice(2);
if (!dbFile || !dirA || !dirB) {
  process.stderr.write('usage: crash-child DB EXTRACT_A EXTRACT_B SEED\n');
  process.exit(2);
}

/** mulberry32: small, seeded, good enough to choose operations. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const seed = Number(seedText ?? 1);
const next = random(seed);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const service = openService(dbFile);
say({ ready: true });

for (let i = 0; ; i++) {
  if (next() < 0.3) {
    const which = next() < 0.5 ? 'A' : 'B';
    const r = await service.call('import:commit', { paths: [which === 'A' ? dirA : dirB], skipInvalid: false });
    if (!r.ok) {
      say({ failed: 'import', error: r.error });
      process.exit(3);
    }
    say({ ack: 'import', which, importId: r.value.importId ?? null, committed: r.value.committed, alreadyImported: r.value.alreadyImported });
  } else {
    const crn = sharedCrns[Math.floor(next() * sharedCrns.length)] ?? 'X000001';
    const decision = `crash trial ${seed}, write ${i}`;
    const r = await service.call('reviews:record', { crn, type: 'management-oversight', date: yesterday, spo: { name: 'Crash Harness' }, decision });
    if (!r.ok) {
      say({ failed: 'review', error: r.error });
      process.exit(3);
    }
    say({ ack: 'review', id: r.value.id, crn, decision });
  }
}
