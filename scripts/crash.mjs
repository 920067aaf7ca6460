// The full crash-safety run of issue 8: CRASH_KILLS SIGKILLs (default 200) of the seeded harness in
// db/testing/crash/crash.test.ts, which CI kills in a short form. Usage: node scripts/crash.mjs [kills] [seed]
import { spawnSync } from 'node:child_process';

const kills = process.argv[2] ?? process.env.CRASH_KILLS ?? '200';
const seed = process.argv[3] ?? process.env.CRASH_SEED ?? '20261128';
const started = Date.now();
const result = spawnSync('npx', ['vitest', 'run', '--reporter=default', 'db/testing/crash/crash.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, CRASH_KILLS: kills, CRASH_SEED: seed },
});
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`crash: ${kills} kills, seed ${seed}, ${result.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
process.exit(result.status ?? 1);
