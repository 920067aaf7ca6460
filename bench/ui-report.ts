import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { checksJson, formatTable, info, missedTargets, row, verdictLines, type Row } from './report.js';
import { atLeast, atMost, targets } from './targets.js';
import { measureUi, type UiResult } from './ui.js';

/** Issue 6, item 5, held at every scale: the first-row target is national's, and a smaller caseload must meet it too. */
export const uiTargets = {
  firstRowMs: targets.uiFirstRowMs.limit,
  queryToPaintMs: targets.uiQueryToPaintP95Ms.limit,
  scrollMedianFps: targets.uiScrollMedianFps.limit,
};

const paint = (p: { p50: number; p95: number; max: number; runs: number }) =>
  `p50 ${String(p.p50)} ms, p95 ${String(p.p95)} ms, max ${String(p.max)} ms (${String(p.runs)} runs)`;

/** The bench table's rows for the queue in Chromium on one database. */
export function uiRows(scale: string, ui: UiResult): Row[] {
  if ('skipped' in ui) return [info(`queue in Chromium ${scale}`, `skipped: ${ui.skipped}`, 'not measured')];
  return [
    row(
      `queue first row ${scale}`,
      `${String(ui.firstRowMs)} ms median of ${String(ui.firstRowRuns)} reloads (first load ${String(ui.firstRowColdMs)} ms); team ${ui.team}, ${ui.teamFlags.toLocaleString('en-GB')} overdue; load average ${String(ui.loadAverage)}`,
      atMost('uiFirstRowMs', ui.firstRowMs, 'ms'),
    ),
    row(`queue filter→paint ${scale}`, paint(ui.filterToPaintMs), atMost('uiQueryToPaintP95Ms', ui.filterToPaintMs.p95, 'ms p95')),
    row(`queue sort→paint ${scale}`, paint(ui.sortToPaintMs), atMost('uiQueryToPaintP95Ms', ui.sortToPaintMs.p95, 'ms p95')),
    row(
      `queue scroll ${scale}`,
      `median ${String(ui.scroll.medianFps)} fps, p5 ${String(ui.scroll.p5Fps)} fps, ${String(ui.scroll.longFrames)} of ${String(ui.scroll.frames)} frames over 33 ms; ${ui.scroll.rowsPassed.toLocaleString('en-GB')} of ${ui.allFlags.toLocaleString('en-GB')} rows in ${String(ui.scroll.seconds)} s`,
      atLeast('uiScrollMedianFps', ui.scroll.medianFps, 'fps median'),
    ),
  ];
}

/**
 * `npm run bench -- --ui-db FILE`: only the queue in Chromium, on a database that already holds an
 * import (e.g. a national one made with `spo-oversight generate --scale national` and `import --commit`).
 * The scale named in the table is the database's file name. Exits 1 when a target is missed.
 */
export async function uiOnly(dbFile: string): Promise<void> {
  const ui = await measureUi(dbFile);
  const label = dbFile.replace(/^.*[\\/]/, '').replace(/\.sqlite$/, '');
  const rows = uiRows(label, ui);
  process.stdout.write(`\nSPO Oversight: the queue in Chromium (${String(cpus().length)} cores, ${cpus()[0]?.model ?? ''})\n\n`);
  process.stdout.write(formatTable(rows));
  const missed = missedTargets(rows);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/bench-ui.json',
    `${JSON.stringify({ db: dbFile, machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '' }, queueUi: ui, targets: uiTargets, checks: checksJson(rows), missed }, null, 2)}\n`,
  );
  process.stdout.write(`${verdictLines(rows)}\nJSON: bench-results/bench-ui.json\n`);
  if (missed.length) process.exitCode = 1;
}
