/**
 * Each measurement runs in a child process of its own (the bench bundle again, with `--child`), so
 * its peak RSS and JIT state are its own. The child prints its figures as one JSON object on stdout.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scale } from '../db/contract/index.js';
import { generateExtract } from '../db/generate/index.js';
import { measureFirstScreen, type FirstScreenResult } from './first-screen.js';
import { measureImport, measureRawInsert, type ImportFigures, type RawFigures } from './import.js';
import { measureExportVerify, measureReviewRecording, type ExportFigures, type RecordingFigures } from './reviews.js';
import { measureRules, type RulesFigures } from './rules.js';
import { measureStartup, type StartupFigures } from './startup.js';
import { peakRssMiB, round } from './stats.js';
import { measureTrends, type TrendsFigures } from './trends.js';
import { measureUi, type UiResult } from './ui.js';

export const AS_OF = '2026-11-23';
export const SEED = 1;
const self = fileURLToPath(import.meta.url);

export interface GenerateFigures {
  generateMs: number;
  cases: number;
  files: number;
  rows: number;
  bytes: number;
}

export interface ChildFigures {
  generate: GenerateFigures;
  import: ImportFigures;
  raw: RawFigures;
  startup: StartupFigures;
  rules: RulesFigures;
  trends: TrendsFigures;
  reviews: RecordingFigures;
  export: ExportFigures;
  ui: UiResult;
  firstScreen: FirstScreenResult;
}

export type Kind = keyof ChildFigures;
export const kinds: readonly Kind[] = ['generate', 'import', 'raw', 'startup', 'rules', 'trends', 'reviews', 'export', 'ui', 'firstScreen'];

export interface ChildArgs {
  /** The extract's folder (for `generate`, where it is written). */
  dir: string;
  db: string;
  scale: Scale;
  pdf: boolean;
}

/** Each benchmark database has a folder of its own (with its key file), so starting afresh is removing the folder. */
export function removeDb(db: string): void {
  rmSync(dirname(db), { recursive: true, force: true });
  mkdirSync(dirname(db), { recursive: true });
}

async function generate(dir: string, scale: Scale): Promise<GenerateFigures> {
  rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  const summary = await generateExtract({ outDir: dir, scale, seed: SEED, asOf: AS_OF });
  const ms = performance.now() - t;
  const sum = (f: (x: { rows: number; bytes: number }) => number) => summary.files.reduce((n, x) => n + f(x), 0);
  return { generateMs: round(ms), cases: summary.cases, files: summary.files.length, rows: sum((x) => x.rows), bytes: sum((x) => x.bytes) };
}

async function measure(kind: Kind, a: ChildArgs): Promise<unknown> {
  switch (kind) {
    case 'generate':
      return generate(a.dir, a.scale);
    case 'import':
      removeDb(a.db);
      return measureImport(a.dir, a.db);
    case 'raw': {
      removeDb(a.db);
      const raw = measureRawInsert(a.dir, a.db);
      removeDb(a.db);
      return raw;
    }
    case 'startup':
      return measureStartup(a.db);
    case 'rules':
      return measureRules(a.db, AS_OF);
    case 'trends':
      return measureTrends(a.db, AS_OF);
    case 'reviews':
      return measureReviewRecording({ dbFile: a.db, samples: 300 });
    case 'export':
      return measureExportVerify({ reviews: 10_000, pdf: a.pdf });
    case 'ui':
      return measureUi(a.db);
    case 'firstScreen':
      return measureFirstScreen(a.db);
  }
}

/** The export seeds a log of its own, whatever the scale. */
const labelOf = (kind: Kind, scale: Scale): string => (kind === 'export' ? kind : `${kind} ${scale}`);

/** In the child: one measurement, its figures and peak RSS as JSON on stdout; a failure as one line on stderr. */
export async function child(kind: string, a: ChildArgs): Promise<void> {
  const k = kinds.find((x) => x === kind);
  if (!k) {
    process.stderr.write(`bench: unknown measurement ${kind} (${kinds.join(', ')})\n`);
    process.exitCode = 2;
    return;
  }
  try {
    const figures = await measure(k, a);
    process.stdout.write(JSON.stringify({ figures, peakRssMiB: peakRssMiB() }));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    process.stderr.write(`bench: ${labelOf(k, a.scale)} failed: ${e instanceof Error ? e.message : String(e)}${typeof code === 'string' ? ` (${code})` : ''}\n`);
    process.exitCode = 1;
  }
}

/** A measurement that did not finish: its child exited non-zero (having said why on stderr) or printed no figures. */
export class MeasurementFailed extends Error {}

/** In the parent: runs one measurement in a child process and answers its figures with the child's peak RSS. */
export function runChild<K extends Kind>(kind: K, a: ChildArgs): ChildFigures[K] & { peakRssMiB: number } {
  const label = labelOf(kind, a.scale);
  process.stderr.write(`bench: ${label}…\n`);
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      ['--expose-gc', self, '--child', kind, '--dir', a.dir, '--db', a.db, '--scales', a.scale, ...(a.pdf ? ['--pdf'] : [])],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
    );
  } catch (e) {
    const { status, signal } = e as { status?: unknown; signal?: unknown };
    const ended = typeof status === 'number' ? `exit code ${String(status)}` : `signal ${String(signal)}`;
    throw new MeasurementFailed(`${label} failed (its process ended with ${ended}; the reason is on stderr above)`);
  }
  let parsed: { figures: ChildFigures[K]; peakRssMiB: number };
  try {
    parsed = JSON.parse(out) as typeof parsed;
  } catch {
    throw new MeasurementFailed(`${label} failed (its process printed no figures)`);
  }
  return { ...parsed.figures, peakRssMiB: parsed.peakRssMiB };
}
