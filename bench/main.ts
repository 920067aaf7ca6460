/**
 * `npm run bench`: the benchmark suite. Each measurement runs in its own child process so its
 * peak RSS and JIT state are its own. Figures go to stdout as a table and to
 * bench-results/bench.json.
 *
 *   npm run bench                                   PDU and region
 *   npm run bench -- --scales pdu,region,national   adds the national tier (~15M contacts, minutes)
 *   npm run bench -- --pdf                          adds the PDF export (tens of seconds)
 *   npm run bench -- --ui                           adds the oversight queue in Chromium (bench/ui.ts)
 *   npm run bench -- --ui-db FILE                   only the queue in Chromium, on a database already imported
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateExtract } from '../db/generate/index.js';
import { measureImport, measureRawInsert, type ImportFigures, type RawFigures } from './import.js';
import { measureExportVerify, measureReviewRecording, reviewTargets, type ExportFigures, type RecordingFigures } from './reviews.js';
import { measureRules, type RulesFigures } from './rules.js';
import { peakRssMiB, round } from './stats.js';
import { measureUi, type UiResult } from './ui.js';
import { uiOnly, uiRows, uiTargets } from './ui-report.js';

type Scale = 'pdu' | 'region' | 'national';
const AS_OF = '2026-11-23';
const SEED = 1;
const self = fileURLToPath(import.meta.url);

const targets = {
  pduImportMs: 2000,
  regionRatio: 0.4,
  nationalPeakRssMiB: 1024,
  pduEvaluateMs: 100,
  nationalEvaluateMs: 5000,
  nationalQueueP95Ms: 50,
  reviewRecordP95Ms: reviewTargets.recordP95Ms,
  exportVerifyMs: reviewTargets.exportVerifyMs,
};

/** Each benchmark database has a folder of its own, so starting afresh is removing the folder. */
function removeDb(db: string): void {
  rmSync(dirname(db), { recursive: true, force: true });
  mkdirSync(dirname(db), { recursive: true });
}

/** One measurement, printed as JSON on stdout for the parent. */
async function child(kind: string, dir: string, db: string, pdf: boolean): Promise<void> {
  let figures: unknown;
  switch (kind) {
    case 'import':
      removeDb(db);
      figures = await measureImport(dir, db);
      break;
    case 'raw':
      removeDb(db);
      figures = measureRawInsert(dir, db);
      removeDb(db);
      break;
    case 'rules':
      figures = measureRules(db, AS_OF);
      break;
    case 'reviews':
      figures = await measureReviewRecording({ dbFile: db, samples: 300 });
      break;
    case 'export':
      figures = await measureExportVerify({ reviews: 10_000, pdf });
      break;
    case 'ui':
      figures = await measureUi(db);
      break;
    default:
      throw new Error(`unknown measurement: ${kind}`);
  }
  process.stdout.write(JSON.stringify({ figures, peakRssMiB: peakRssMiB() }));
}

interface ChildFigures {
  import: ImportFigures;
  raw: RawFigures;
  rules: RulesFigures;
  reviews: RecordingFigures;
  export: ExportFigures;
  ui: UiResult;
}

function runChild<K extends keyof ChildFigures>(kind: K, dir: string, db: string, pdf = false): ChildFigures[K] & { peakRssMiB: number } {
  const out = execFileSync(process.execPath, ['--expose-gc', self, '--child', kind, '--dir', dir, '--db', db, ...(pdf ? ['--pdf'] : [])], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  const parsed = JSON.parse(out) as { figures: ChildFigures[K]; peakRssMiB: number };
  return { ...parsed.figures, peakRssMiB: parsed.peakRssMiB };
}

async function extractFor(scale: Scale, root: string): Promise<string> {
  const dir = join(root, `${scale}-seed${SEED}-${AS_OF}`);
  const done = join(dir, '.complete');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    const t = performance.now();
    await generateExtract({ outDir: dir, scale, seed: SEED, asOf: AS_OF });
    process.stderr.write(`generated ${scale} extract in ${round((performance.now() - t) / 1000, 1)} s\n`);
    writeFileSync(done, '');
  }
  return dir;
}

const n = (x: number) => x.toLocaleString('en-GB');
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function suite(scales: Scale[], pdf: boolean, ui: boolean): Promise<void> {
  const root = join(tmpdir(), 'spo-oversight-bench');
  mkdirSync(root, { recursive: true });
  const results: Record<string, unknown> = { machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version }, asOf: AS_OF, seed: SEED };
  const rows: [string, string, string][] = [];
  const row = (name: string, figure: string, target = '') => {
    rows.push([name, figure, target]);
    process.stderr.write(`${name}: ${figure}${target ? ` [${target}]` : ''}\n`);
  };

  for (const scale of scales) {
    const dir = await extractFor(scale, root);
    const db = join(root, `${scale}-db`, 'bench.sqlite');
    const imp = runChild('import', dir, db);
    row(`import ${scale}`, `${n(imp.rows)} rows in ${n(imp.importMs)} ms (${n(imp.importRowsPerSec)} rows/s), peak RSS ${imp.peakRssMiB} MiB`,
      scale === 'pdu' ? `≤ ${targets.pduImportMs} ms: ${mark(imp.importMs <= targets.pduImportMs)}`
        : scale === 'national' ? `peak RSS ≤ ${targets.nationalPeakRssMiB} MiB: ${mark(imp.peakRssMiB <= targets.nationalPeakRssMiB)}` : '');
    const rules = runChild('rules', dir, db);
    const evalTarget = scale === 'pdu' ? targets.pduEvaluateMs : scale === 'national' ? targets.nationalEvaluateMs : 0;
    row(`evaluate ${scale}`, `${n(rules.evaluation.evaluateMs)} ms (cold ${n(rules.evaluation.evaluateColdMs)} ms); full refresh ${n(rules.evaluation.refreshMs)} ms; ${n(rules.evaluation.caseFlags)} flags`,
      evalTarget ? `≤ ${n(evalTarget)} ms: ${mark(rules.evaluation.evaluateMs <= evalTarget)}` : '');
    row(`queue ${scale}`, `team ${rules.queue.team}: p50 ${rules.queue.p50} ms, p95 ${rules.queue.p95} ms (${rules.queue.runs} runs)`,
      scale === 'national' ? `p95 ≤ ${targets.nationalQueueP95Ms} ms: ${mark(rules.queue.p95 <= targets.nationalQueueP95Ms)}` : '');
    row(`case refresh ${scale}`, `p50 ${rules.caseRefresh.p50} ms, p95 ${rules.caseRefresh.p95} ms`);
    const rec = runChild('reviews', dir, db);
    row(`record review ${scale}`, `p50 ${rec.p50Ms} ms, p95 ${rec.p95Ms} ms (${rec.samples} reviews, flags refreshed)`,
      scale === 'national' ? `p95 ≤ ${targets.reviewRecordP95Ms} ms: ${mark(rec.p95Ms <= targets.reviewRecordP95Ms)}` : '');
    let raw: (RawFigures & { peakRssMiB: number }) | null = null;
    if (scale !== 'national') {
      raw = runChild('raw', dir, join(root, `${scale}-raw`, 'raw.sqlite'));
      const ratio = round(imp.importRowsPerSec / raw.insertRowsPerSec, 3);
      row(`raw insert ${scale}`, `${n(raw.insertRowsPerSec)} rows/s; import/raw ratio ${ratio}`,
        scale === 'region' ? `≥ ${targets.regionRatio}: ${mark(ratio >= targets.regionRatio)}` : '');
    }
    const queueUi = ui ? runChild('ui', dir, db) : null;
    if (queueUi) for (const [name, figure, target] of uiRows(scale, queueUi)) row(name, figure, target);
    results[scale] = { import: imp, rawInsert: raw, rules, reviewRecording: rec, ...(queueUi ? { queueUi } : {}) };
    removeDb(db);
  }

  const exp = runChild('export', root, join(root, 'export-db', 'unused.sqlite'), pdf);
  for (const format of ['csv', 'json'] as const) {
    const f = exp[format];
    row(`export+verify ${format}`, `${n(exp.reviews)} reviews (${n(exp.rows)} rows): ${n(f.totalMs)} ms (cold ${n(f.coldTotalMs)} ms), ${n(f.bytes)} bytes`,
      `≤ ${targets.exportVerifyMs} ms: ${mark(f.totalMs <= targets.exportVerifyMs)}`);
  }
  if (exp.pdf) row('export+verify pdf', `${n(exp.pdf.pages)} pages: ${n(exp.pdf.totalMs)} ms`);
  results.exportVerify = exp;
  results.targets = { ...targets, ...(ui ? uiTargets : {}) };

  const width = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(`\nSPO Oversight benchmarks (${cpus().length} cores, ${cpus()[0]?.model ?? ''}, Node ${process.version}; synthetic seed ${SEED}, as of ${AS_OF})\n\n`);
  for (const [name, figure, target] of rows) process.stdout.write(`  ${name.padEnd(width)}  ${figure}${target ? `   [${target}]` : ''}\n`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write('\nJSON: bench-results/bench.json\n');
}

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    dir: { type: 'string' },
    db: { type: 'string' },
    scales: { type: 'string' },
    pdf: { type: 'boolean' },
    ui: { type: 'boolean' },
    'ui-db': { type: 'string' },
  },
});
if (values.child && values.dir && values.db) {
  await child(values.child, values.dir, values.db, values.pdf ?? false);
} else if (values['ui-db']) {
  await uiOnly(values['ui-db']);
} else {
  const scales = (values.scales ?? 'pdu,region').split(',').map((s) => s.trim()) as Scale[];
  for (const s of scales) if (!['pdu', 'region', 'national'].includes(s)) throw new Error(`unknown scale: ${s}`);
  await suite(scales, values.pdf ?? false, values.ui ?? false);
}
