/**
 * Start-up, for bench/main.ts (issue 18, item 2). The CLI opens the database without the full
 * check (it checks only where that protects: db/hosts/cli/check-policy.ts), so "open (CLI)" is a
 * whole command that opens it — `spo-oversight settings get` in a fresh Node, as a user runs it.
 * The app opens it and checks it in a worker thread (bench/first-screen.ts paints the first
 * screen meanwhile); here, how long that check takes, and for comparison the old start-up, which
 * ran the check before anything else. The operating system's file cache is warm (the import has
 * just written the file), as on a machine that opened the app earlier in the day.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { workerCheck } from '../db/backup/background-check.js';
import { openService } from '../db/service/open.js';
import { percentile, round } from './stats.js';

export interface StartupFigures {
  /** `spo-oversight settings get`, start to exit: the median, and every run. */
  cliOpenMs: number;
  cliOpenRunsMs: number[];
  /** openService as the CLI calls it (no check), in this process. */
  openMs: number;
  /** openService with the check in a worker: until it returns, and until the check has passed. */
  backgroundOpenMs: number;
  backgroundCheckMs: number;
  /** The start-up before issue 18: openService with the `quick_check` before it returns. */
  checkedOpenMs: number;
  checkedQuickCheckMs: number;
  bytes: number;
}

const size = (file: string): number => (existsSync(file) ? statSync(file).size : 0);
const bin = fileURLToPath(new URL('../bin/spo-oversight.mjs', import.meta.url));

/** A worker the preview host and the app start (check-worker, sweep-worker), built beside the bench's bundle. */
export function workerPath(name: string): string {
  for (const candidate of [`./${name}.mjs`, `../${name}.mjs`, `../dist/${name}.mjs`]) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error(`dist/${name}.mjs is missing: run \`npm run build\``);
}

export const checkWorkerPath = (): string => workerPath('check-worker');

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const value = f();
  return [value, performance.now() - t];
}

export async function measureStartup(dbFile: string, cliRuns = 5): Promise<StartupFigures> {
  const runs: number[] = [];
  for (let i = 0; i < cliRuns; i++) {
    const [run, ms] = timed(() => spawnSync(process.execPath, [bin, 'settings', 'get', '--json', '--db', dbFile], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' }));
    if (run.status !== 0) throw new Error(`spo-oversight settings get exited ${String(run.status)}: ${run.stderr}`);
    runs.push(ms);
  }

  const [plain, openMs] = timed(() => openService(dbFile, { startupCheck: 'skip' }));
  plain.close();

  const [background, backgroundOpenMs] = timed(() => openService(dbFile, { startupCheck: workerCheck(checkWorkerPath()) }));
  const checked = await background.checked;
  background.close();
  if (checked.state !== 'passed') throw new Error(`the background check of ${dbFile} failed: ${checked.problems.join('; ')}`);

  const [old, checkedOpenMs] = timed(() => openService(dbFile));
  const { health } = old;
  old.close();
  if (!health.ok) throw new Error(`the start-up check of ${dbFile} failed: ${health.problems.join('; ')}`);

  return {
    cliOpenMs: round(percentile([...runs].sort((a, b) => a - b), 50)),
    cliOpenRunsMs: runs.map((ms) => round(ms)),
    openMs: round(openMs),
    backgroundOpenMs: round(backgroundOpenMs),
    backgroundCheckMs: round(checked.ms),
    checkedOpenMs: round(checkedOpenMs),
    checkedQuickCheckMs: round(health.ms),
    bytes: size(dbFile),
  };
}
