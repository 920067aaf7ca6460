import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { measureUi, type UiResult } from './ui.js';

/** Issue 6, item 5. The first-row target is for national scale; the others hold at every scale. */
export const uiTargets = { nationalFirstRowMs: 1000, queryToPaintMs: 100, scrollMedianFps: 58 };

const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** The bench table's rows for one scale: [name, figure, target]. */
export function uiRows(scale: string, ui: UiResult): [string, string, string][] {
  if ('skipped' in ui) return [[`queue in Chromium ${scale}`, `skipped: ${ui.skipped}`, '']];
  const paint = (p: { p50: number; p95: number; max: number; runs: number }) => `p50 ${String(p.p50)} ms, p95 ${String(p.p95)} ms, max ${String(p.max)} ms (${String(p.runs)} runs)`;
  const queryTarget = (p95: number) => `p95 ≤ ${String(uiTargets.queryToPaintMs)} ms: ${mark(p95 <= uiTargets.queryToPaintMs)}`;
  return [
    [
      `queue first row ${scale}`,
      `${String(ui.firstRowMs)} ms median of ${String(ui.firstRowRuns)} reloads (first load ${String(ui.firstRowColdMs)} ms); team ${ui.team}, ${ui.teamFlags.toLocaleString('en-GB')} overdue; load average ${String(ui.loadAverage)}`,
      scale === 'national' ? `≤ ${String(uiTargets.nationalFirstRowMs)} ms: ${mark(ui.firstRowMs <= uiTargets.nationalFirstRowMs)}` : '',
    ],
    [`queue filter→paint ${scale}`, paint(ui.filterToPaintMs), queryTarget(ui.filterToPaintMs.p95)],
    [`queue sort→paint ${scale}`, paint(ui.sortToPaintMs), queryTarget(ui.sortToPaintMs.p95)],
    [
      `queue scroll ${scale}`,
      `median ${String(ui.scroll.medianFps)} fps, p5 ${String(ui.scroll.p5Fps)} fps, ${String(ui.scroll.longFrames)} of ${String(ui.scroll.frames)} frames over 33 ms; ${ui.scroll.rowsPassed.toLocaleString('en-GB')} of ${ui.allFlags.toLocaleString('en-GB')} rows in ${String(ui.scroll.seconds)} s`,
      `median ≥ ${String(uiTargets.scrollMedianFps)} fps: ${mark(ui.scroll.medianFps >= uiTargets.scrollMedianFps)}`,
    ],
  ];
}

/**
 * `npm run bench -- --ui-db FILE`: only the queue in Chromium, on a database that already holds an
 * import (e.g. a national one made with `spo-oversight generate --scale national` and `import --commit`).
 * The scale named in the table is the database's file name.
 */
export async function uiOnly(dbFile: string): Promise<void> {
  const ui = await measureUi(dbFile);
  const label = dbFile.replace(/^.*[\\/]/, '').replace(/\.sqlite$/, '');
  const rows = uiRows(label, ui);
  const width = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(`\nSPO Oversight: the queue in Chromium (${String(cpus().length)} cores, ${cpus()[0]?.model ?? ''})\n\n`);
  for (const [name, figure, target] of rows) process.stdout.write(`  ${name.padEnd(width)}  ${figure}${target ? `   [${target}]` : ''}\n`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench-ui.json', `${JSON.stringify({ db: dbFile, machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '' }, queueUi: ui, targets: uiTargets }, null, 2)}\n`);
  process.stdout.write('\nJSON: bench-results/bench-ui.json\n');
}
