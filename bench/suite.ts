/**
 * The whole suite, scale by scale: generate → import → start-up → rules → trends → reviews → raw
 * insert → the queue in Chromium, all on the same database, then the oversight log export. Every
 * figure is printed beside its target (bench/targets.ts) with PASS or FAIL; the table goes to
 * stdout and, with every figure, to bench-results/bench.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { Scale } from '../db/contract/index.js';
import { AS_OF, MeasurementFailed, removeDb, runChild, SEED, type GenerateFigures } from './child.js';
import { checksJson, formatRow, formatTable, info, missedTargets, row, verdictLines, type Row } from './report.js';
import { round } from './stats.js';
import { atLeast, atMost, targets } from './targets.js';
import { uiRows } from './ui-report.js';

export interface SuiteOptions {
  scales: Scale[];
  pdf: boolean;
  ui: boolean;
  /** Generate the extracts again even when a complete one is kept from an earlier run. */
  fresh: boolean;
}

const n = (x: number) => x.toLocaleString('en-GB');
const mib = (bytes: number) => `${n(round(bytes / 2 ** 20, 1))} MiB`;
const load = () => round(loadavg()[0] ?? NaN, 1);

/** Adds rows to the table, each printed on stderr as it comes, so a long run shows where it is. */
type Add = (...rows: Row[]) => void;

interface Generated extends GenerateFigures {
  peakRssMiB: number;
  at: string;
}

const recordedFigures = z.object({
  generateMs: z.number(),
  cases: z.number(),
  files: z.number(),
  rows: z.number(),
  bytes: z.number(),
  peakRssMiB: z.number(),
  at: z.string(),
});

/** The figures kept beside an extract; null for one kept by an older bench, which recorded none. */
function recorded(text: string): Generated | null {
  try {
    const parsed = recordedFigures.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The extract of a scale: generated in a child of its own, or kept from an earlier run with the figures it was generated with. */
function extractFor(scale: Scale, root: string, fresh: boolean, add: Add): { dir: string; generated: Generated | null } {
  const dir = join(root, `${scale}-seed${String(SEED)}-${AS_OF}`);
  const done = join(dir, '.complete');
  let generated: Generated | null = null;
  let reused = false;
  if (!fresh && existsSync(done)) {
    reused = true;
    generated = recorded(readFileSync(done, 'utf8'));
  } else {
    const g = runChild('generate', { dir, db: '', scale, pdf: false });
    generated = { ...g, at: new Date().toISOString() };
    writeFileSync(done, JSON.stringify(generated));
  }
  if (!generated) {
    add(info(`generate ${scale}`, 'extract kept from an earlier run, which did not time it', '--fresh generates it again and times it'));
  } else {
    add(
      row(
        `generate ${scale}`,
        `${n(generated.cases)} cases, ${n(generated.rows)} rows in ${String(generated.files)} files (${mib(generated.bytes)}) in ${n(round(generated.generateMs / 1000, 1))} s, peak RSS ${String(generated.peakRssMiB)} MiB${reused ? ` (kept from ${generated.at}; --fresh generates again)` : ''}`,
        atMost('generatePeakRssMiB', generated.peakRssMiB, 'MiB peak RSS'),
      ),
    );
  }
  return { dir, generated };
}

/** One scale end to end on one database; adds its rows and answers its figures for bench.json. */
function runScale(scale: Scale, root: string, opts: SuiteOptions, add: Add, results: Record<string, unknown>): void {
  const figures: Record<string, unknown> = {};
  results[scale] = figures;
  const { dir, generated } = extractFor(scale, root, opts.fresh, add);
  figures.generate = generated;
  const db = join(root, `${scale}-db`, 'bench.sqlite');
  const args = { dir, db, scale, pdf: false };
  try {
    const imp = runChild('import', args);
    figures.import = imp;
    add(
      row(
        `import ${scale}`,
        `${n(imp.rows)} rows in ${n(imp.importMs)} ms (${n(imp.importRowsPerSec)} rows/s), peak RSS ${String(imp.peakRssMiB)} MiB`,
        ...(scale === 'pdu' ? [atMost('pduImportMs', imp.importMs, 'ms')] : []),
        ...(scale === 'national' ? [atMost('nationalImportMs', imp.importMs, 'ms')] : []),
        atMost('importPeakRssMiB', imp.peakRssMiB, 'MiB peak RSS'),
      ),
    );

    const start = runChild('startup', args);
    figures.startup = start;
    add(
      row(
        `open (CLI) ${scale}`,
        `spo-oversight settings get: median ${n(start.cliOpenMs)} ms of ${String(start.cliOpenRunsMs.length)} (openService without the check ${n(start.openMs)} ms); peak RSS ${String(start.peakRssMiB)} MiB; load average ${String(load())}`,
        atMost('cliOpenMs', start.cliOpenMs, 'ms'),
      ),
      info(
        `background check ${scale}`,
        `quick_check over ${mib(start.bytes)} in a worker: ${n(start.backgroundCheckMs)} ms (openService returned in ${n(start.backgroundOpenMs)} ms)`,
        `before issue 18 the open waited for it: ${n(start.checkedOpenMs)} ms, of which quick_check ${n(start.checkedQuickCheckMs)} ms`,
      ),
    );

    const rules = runChild('rules', args);
    figures.rules = rules;
    const e = rules.evaluation;
    add(
      row(
        `evaluate ${scale}`,
        `${n(e.evaluateMs)} ms median of ${String(e.runs)} (cold ${n(e.evaluateColdMs)} ms); full refresh ${n(e.refreshMs)} ms; ${n(e.caseFlags)} flags over ${n(e.cases)} cases`,
        scale === 'pdu' ? atMost('pduEvaluateMs', e.evaluateMs, 'ms') : atMost('evaluateMs', e.evaluateMs, 'ms'),
      ),
    );
    const q = rules.queue;
    add(row(`queue ${scale}`, `team ${q.team} (${n(q.total)} flagged cases, a case per row): p50 ${String(q.p50)} ms, p95 ${String(q.p95)} ms (${String(q.runs)} runs)`, atMost('queueP95Ms', q.p95, 'ms p95')));
    add(row(`case refresh ${scale}`, `p50 ${String(rules.caseRefresh.p50)} ms, p95 ${String(rules.caseRefresh.p95)} ms`, atMost('caseRefreshP95Ms', rules.caseRefresh.p95, 'ms p95')));

    const tr = runChild('trends', args);
    figures.trends = tr;
    add(
      row(
        `trends first ${scale}`,
        `${String(tr.weeks)} weeks in ${n(tr.firstMs)} ms, CPU ${n(tr.firstCpuMs)} ms (${String(tr.firstEvaluatedWeeks)} evaluated; load average ${String(load())}), peak RSS ${String(tr.peakRssMiB)} MiB`,
        scale === 'national' ? atMost('trendsFirstMs', tr.firstMs, 'ms') : atMost('regionTrendsFirstMs', tr.firstMs, 'ms'),
        atMost('trendsPeakRssMiB', tr.peakRssMiB, 'MiB peak RSS'),
      ),
    );
    add(
      row(
        `trends cached ${scale}`,
        `p50 ${String(tr.cached.p50)} ms, p95 ${String(tr.cached.p95)} ms (${String(tr.cached.runs)} runs; ${String(tr.cachedEvaluatedWeeks)} weeks evaluated again)`,
        atMost('trendsCachedP95Ms', tr.cached.p95, 'ms p95'),
      ),
    );

    const rec = runChild('reviews', args);
    figures.reviewRecording = rec;
    add(row(`record review ${scale}`, `p50 ${String(rec.p50Ms)} ms, p95 ${String(rec.p95Ms)} ms (${String(rec.samples)} reviews, flags refreshed)`, atMost('reviewRecordP95Ms', rec.p95Ms, 'ms p95')));

    // The raw loop holds every row in memory: a yardstick for PDU and region, not for 15M contacts.
    if (scale !== 'national') {
      const raw = runChild('raw', { ...args, db: join(root, `${scale}-raw`, 'raw.sqlite') });
      figures.rawInsert = raw;
      const ratio = round(imp.importRowsPerSec / raw.insertRowsPerSec, 3);
      const figure = `${n(raw.insertRowsPerSec)} rows/s; import/raw ratio ${String(ratio)}`;
      add(
        scale === 'region'
          ? row(`raw insert ${scale}`, figure, atLeast('regionImportRatio', ratio, '× raw'))
          : info(`raw insert ${scale}`, figure, 'the yardstick; issue 3 sets the ratio for region'),
      );
    }

    if (opts.ui) {
      const ui = runChild('ui', args);
      figures.queueUi = ui;
      add(...uiRows(scale, ui));
      const first = runChild('firstScreen', args);
      figures.firstScreen = first;
      add(
        'skipped' in first
          ? info(`first screen painted ${scale}`, `skipped: ${first.skipped}`, 'not measured')
          : row(
              `first screen painted ${scale}`,
              `host ready ${n(first.hostReadyMs)} ms + page to first queue row ${n(first.pageMs)} ms; the check ${first.checkRunningAtPaint ? 'was still running' : 'had finished'} at paint, and took ${first.checkMs === null ? '?' : n(first.checkMs)} ms; peak RSS ${String(first.peakRssMiB)} MiB; load average ${String(first.loadAverage)}`,
              atMost('uiFirstScreenMs', first.firstScreenMs, 'ms'),
            ),
      );
    }
  } finally {
    removeDb(db);
  }
}

/** `spo-oversight --help` in a fresh Node, as a user runs it: the median of seven. */
function cliStartupRow(add: Add, results: Record<string, unknown>): void {
  const bin = fileURLToPath(new URL('../bin/spo-oversight.mjs', import.meta.url));
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [bin, '--help'], { stdio: 'ignore' });
    if (run.status !== 0) throw new MeasurementFailed(`spo-oversight --help exited ${String(run.status)}`);
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = round(sorted[3] ?? NaN);
  results.cliStartup = { medianMs: median, runsMs: times.map(round) };
  add(row('CLI start-up', `spo-oversight --help: median ${n(median)} ms of 7 (fastest ${n(round(sorted[0] ?? NaN))} ms)`, atMost('cliStartupMs', median, 'ms')));
}

function exportRows(root: string, pdf: boolean, add: Add, results: Record<string, unknown>): void {
  const exp = runChild('export', { dir: root, db: join(root, 'export-db', 'unused.sqlite'), scale: 'pdu', pdf });
  results.exportVerify = exp;
  for (const format of ['csv', 'json'] as const) {
    const f = exp[format];
    add(
      row(
        `export+sign+verify ${format}`,
        `${n(exp.reviews)} reviews (${n(exp.rows)} rows): ${n(f.totalMs)} ms (cold ${n(f.coldTotalMs)} ms), ${n(f.bytes)} bytes${f.intact ? '' : '; verify said NOT intact'}`,
        atMost('exportVerifyMs', f.totalMs, 'ms'),
      ),
    );
  }
  if (exp.pdf) add(info('export+sign+verify pdf', `${n(exp.pdf.pages)} pages: ${n(exp.pdf.totalMs)} ms`, 'issue 5 sets none for PDF'));
}

/** Runs the suite; answers whether every target was met and every measurement finished. */
export function suite(opts: SuiteOptions): boolean {
  const root = join(tmpdir(), 'spo-oversight-bench');
  mkdirSync(root, { recursive: true });
  // The bench databases' keys stay beside them in the bench folder, never in the user's own keys folder (db/keys/paths.ts).
  process.env.XDG_CONFIG_HOME = join(root, 'config');
  const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version, loadAverageAtStart: load(), loadAverageAtEnd: NaN };
  const results: Record<string, unknown> = { machine, asOf: AS_OF, seed: SEED, scales: opts.scales, ui: opts.ui };
  const rows: Row[] = [];
  let failed: string | null = null;
  const add: Add = (...more) => {
    for (const r of more) {
      rows.push(r);
      process.stderr.write(`${formatRow(r, 0).trim()}\n`);
    }
  };
  try {
    for (const scale of opts.scales) runScale(scale, root, opts, add, results);
    exportRows(root, opts.pdf, add, results);
    cliStartupRow(add, results);
  } catch (e) {
    if (!(e instanceof MeasurementFailed)) throw e;
    failed = e.message;
  }
  machine.loadAverageAtEnd = load();
  const missed = missedTargets(rows);
  Object.assign(results, { targets, checks: checksJson(rows), missed, failed, passed: missed.length === 0 && failed === null });

  process.stdout.write(
    `\nSPO Oversight benchmarks (${String(machine.cpus)} cores, ${machine.model}, Node ${machine.node}, load average ${String(machine.loadAverageAtStart)} → ${String(machine.loadAverageAtEnd)}; synthetic seed ${String(SEED)}, as of ${AS_OF})\n\n`,
  );
  process.stdout.write(formatTable(rows));
  process.stdout.write(verdictLines(rows, failed));
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write('\nJSON: bench-results/bench.json\n');
  return missed.length === 0 && failed === null;
}
