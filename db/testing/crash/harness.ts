import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { openDatabase } from '../../connection.js';
import { openService } from '../../service/open.js';
import { tempDir, writeExtract } from '../extract.js';
import { snapshotDigest, snapshotExtract } from './snapshots.js';
import { checkAfterCrash, type Ack, type Expected } from './verify.js';

/**
 * Issue 8, item 1: start the engine in a child process, let it import and record reviews, SIGKILL
 * it at a seeded random moment, and check the database (verify.ts); the same file again and again.
 */

const root = resolve(import.meta.dirname, '..', '..', '..');

/** Bundles child.ts where Node finds the project's node_modules (better-sqlite3 is native). */
export async function buildChild(): Promise<string> {
  const outdir = join(root, 'node_modules', '.cache', 'spo-crash');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'crash-child.mjs');
  await build({ entryPoints: [join(root, 'db', 'testing', 'crash', 'child.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  return outfile;
}

export interface TrialOptions {
  kills: number;
  seed: number;
  /** Cases in each snapshot beyond the 200 shared ones: bigger imports are longer to kill inside. */
  extraCases?: number;
  /** The longest wait before the kill, after the child is ready. */
  maxDelayMs?: number;
  onTrial?: (n: number, result: TrialResult) => void;
}

export interface TrialResult {
  acks: number;
  imports: number;
  reviews: number;
  problems: string[];
}

export interface CrashSummary {
  kills: number;
  survived: number;
  acknowledged: { imports: number; reviews: number };
  /** Kills that fell between an import's commit and its audit entry (see the report). */
  importsWithoutAudit: number;
  failures: { trial: number; problems: string[] }[];
  ms: number;
}

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

/** The digest and fingerprint each extract leaves when it is the snapshot in force. */
async function expectedSnapshots(dirs: Record<'A' | 'B', string>): Promise<Expected> {
  const snapshots = {} as Expected['snapshots'];
  for (const which of ['A', 'B'] as const) {
    const file = join(tempDir('spo-crash-expected-'), 'expected.db');
    const service = openService(file);
    const r = await service.call('import:commit', { paths: [dirs[which]], skipInvalid: false });
    service.close();
    if (!r.ok || !r.value.committed) throw new Error(`the crash harness's extract ${which} did not import: ${JSON.stringify(r)}`);
    const db = openDatabase(file);
    snapshots[which] = { digest: snapshotDigest(db), fingerprint: db.prepare('SELECT fingerprint FROM import_log').pluck().get() as string };
    db.close();
  }
  return { snapshots };
}

/** One child: start, wait until ready, let it work for `delayMs`, SIGKILL; the acknowledged writes. */
function killAfter(child: string, args: string[], delayMs: number): Promise<{ acks: Ack[]; failed: string | null }> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Ack[] = [];
    let failed: string | null = null;
    let pending = '';
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    proc.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      let nl = pending.indexOf('\n');
      while (nl !== -1) {
        const line = JSON.parse(pending.slice(0, nl)) as Ack | { ready: true } | { failed: string; error: unknown };
        pending = pending.slice(nl + 1);
        if ('ready' in line) setTimeout(() => proc.kill('SIGKILL'), delayMs);
        else if ('failed' in line) failed = `${line.failed} failed: ${JSON.stringify(line.error)}`;
        else acks.push(line);
        nl = pending.indexOf('\n');
      }
    });
    proc.on('error', fail);
    // A line cut off by the kill was never acknowledged: `pending` is dropped.
    proc.on('close', (code, signal) => {
      if (signal !== 'SIGKILL' && !failed) failed = `the child exited by itself (code ${String(code)}): ${stderr.slice(0, 2000)}`;
      done({ acks, failed });
    });
  });
}

export async function runCrashTrials(opts: TrialOptions): Promise<CrashSummary> {
  const started = Date.now();
  const child = await buildChild();
  const work = tempDir('spo-crash-');
  // Keys of these throwaway databases stay in the run's own folder, never the user's (db/keys/paths.ts); the children inherit it.
  process.env.XDG_CONFIG_HOME = join(work, 'config');
  const dirs = {
    A: writeExtract(snapshotExtract('A', opts.extraCases ?? 3000), join(work, 'extract-a')),
    B: writeExtract(snapshotExtract('B', opts.extraCases ?? 3000), join(work, 'extract-b')),
  };
  const expected = await expectedSnapshots(dirs);
  const dbFile = join(work, 'oversight.db');
  // The first snapshot and the audit key (in the per-user keys folder) exist before the first kill.
  const first = openService(dbFile);
  const r = await first.call('import:commit', { paths: [dirs.A], skipInvalid: false });
  first.close();
  if (!r.ok) throw new Error(`the first import failed: ${r.error.message}`);

  const next = random(opts.seed);
  const summary: CrashSummary = { kills: 0, survived: 0, acknowledged: { imports: 0, reviews: 0 }, importsWithoutAudit: 0, failures: [], ms: 0 };
  const acked: Ack[] = [];
  for (let trial = 1; trial <= opts.kills; trial++) {
    const delay = Math.floor(next() * (opts.maxDelayMs ?? 2500));
    const run = await killAfter(child, [dbFile, dirs.A, dirs.B, String(opts.seed * 1000 + trial)], delay);
    summary.kills++;
    acked.push(...run.acks);
    // Every write acknowledged in any earlier trial must still be there too.
    const check = checkAfterCrash(dbFile, acked, expected);
    const problems = run.failed ? [run.failed, ...check.problems] : check.problems;
    const imports = run.acks.filter((a) => a.ack === 'import').length;
    summary.acknowledged.imports += imports;
    summary.acknowledged.reviews += run.acks.length - imports;
    summary.importsWithoutAudit = check.importsWithoutAudit;
    if (problems.length) summary.failures.push({ trial, problems });
    else summary.survived++;
    opts.onTrial?.(trial, { acks: run.acks.length, imports, reviews: run.acks.length - imports, problems });
  }
  summary.ms = Date.now() - started;
  return summary;
}
