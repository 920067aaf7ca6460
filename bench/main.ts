/**
 * `npm run bench`: the benchmark suite. Each measurement that reports memory runs in its own
 * child process so peak RSS is that measurement's alone. Figures go to stdout as a table and to
 * bench-results/bench.json.
 *
 *   npm run bench                         PDU and region
 *   npm run bench -- --scales pdu,region,national
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateExtract } from '../db/generate/index.js';
import { measureImport, measureRawInsert, type ImportFigures, type RawFigures } from './import.js';
import { round } from './stats.js';

type Scale = 'pdu' | 'region' | 'national';
const AS_OF = '2026-11-23';
const SEED = 1;
const self = fileURLToPath(import.meta.url);

const targets = {
  pduImportMs: 2000,
  regionRatio: 0.4,
  nationalPeakRssMiB: 1024,
};

async function child(kind: string, dir: string, db: string): Promise<void> {
  rmSync(db, { force: true });
  const figures = kind === 'import' ? await measureImport(dir, db) : measureRawInsert(dir, db);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  process.stdout.write(JSON.stringify(figures));
}

function runChild(kind: 'import', dir: string, db: string): ImportFigures;
function runChild(kind: 'raw', dir: string, db: string): RawFigures;
function runChild(kind: 'import' | 'raw', dir: string, db: string): ImportFigures | RawFigures {
  const out = execFileSync(process.execPath, ['--expose-gc', self, '--child', kind, '--dir', dir, '--db', db], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as ImportFigures | RawFigures;
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

async function suite(scales: Scale[]): Promise<void> {
  const root = join(tmpdir(), 'spo-oversight-bench');
  mkdirSync(root, { recursive: true });
  const results: Record<string, unknown> = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, asOf: AS_OF, seed: SEED };
  const rows: [string, string, string][] = [];

  for (const scale of scales) {
    const dir = await extractFor(scale, root);
    const db = join(root, `${scale}.sqlite`);
    const imp = runChild('import', dir, db);
    const raw = scale === 'national' ? null : runChild('raw', dir, db);
    const ratio = raw ? round(imp.importRowsPerSec / raw.insertRowsPerSec, 3) : null;
    results[`import.${scale}`] = { ...imp, raw, ratioToRawInsert: ratio };
    rows.push([`import ${scale}`, `${imp.rows.toLocaleString('en-GB')} rows in ${imp.importMs.toLocaleString('en-GB')} ms (${imp.importRowsPerSec.toLocaleString('en-GB')} rows/s)`, scale === 'pdu' ? `target ≤ ${targets.pduImportMs} ms` : '']);
    if (raw) rows.push([`raw insert ${scale}`, `${raw.insertRowsPerSec.toLocaleString('en-GB')} rows/s; import/raw ratio ${ratio ?? ''}`, scale === 'region' ? `target ≥ ${targets.regionRatio}` : '']);
    rows.push([`peak RSS ${scale}`, `${imp.peakRssMiB} MiB`, scale === 'national' ? `target ≤ ${targets.nationalPeakRssMiB} MiB` : '']);
  }

  const width = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(`\nSPO Oversight benchmarks (${String((results.machine as { cpus: number }).cpus)} cores, Node ${process.version})\n\n`);
  for (const [name, figure, target] of rows) process.stdout.write(`  ${name.padEnd(width)}  ${figure}${target ? `   [${target}]` : ''}\n`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write('\nJSON: bench-results/bench.json\n');
}

const { values } = parseArgs({
  options: { child: { type: 'string' }, dir: { type: 'string' }, db: { type: 'string' }, scales: { type: 'string' } },
});
if (values.child && values.dir && values.db) {
  await child(values.child, values.dir, values.db);
} else {
  const scales = (values.scales ?? 'pdu,region').split(',').map((s) => s.trim()) as Scale[];
  for (const s of scales) if (!['pdu', 'region', 'national'].includes(s)) throw new Error(`unknown scale: ${s}`);
  await suite(scales);
}
