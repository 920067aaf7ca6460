// The full import fuzz run of issue 8: FUZZ_RUNS cases (default 10,000) of the seeded property in
// db/import/fuzz.test.ts, which CI runs in a short form. Usage: node scripts/fuzz.mjs [runs] [seed]
import { spawnSync } from 'node:child_process';

const runs = process.argv[2] ?? process.env.FUZZ_RUNS ?? '10000';
const seed = process.argv[3] ?? process.env.FUZZ_SEED ?? '20261128';
const started = Date.now();
const result = spawnSync('npx', ['vitest', 'run', '--reporter=default', 'db/import/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`fuzz: ${runs} cases, seed ${seed}, ${result.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
process.exit(result.status ?? 1);
