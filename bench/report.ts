import type { Check } from './targets.js';

/** One line of the bench table: a figure and the targets it is held to (none for a yardstick). */
export interface Row {
  name: string;
  figure: string;
  checks: Check[];
  /** Why a figure has no target, when it has none. */
  noTarget?: string;
}

export function row(name: string, figure: string, ...checks: Check[]): Row {
  return { name, figure, checks };
}

export function info(name: string, figure: string, noTarget: string): Row {
  return { name, figure, checks: [], noTarget };
}

const verdict = (c: Check): string => `${c.text}: ${c.pass ? 'PASS' : 'FAIL'}`;

export function formatRow(r: Row, width: number): string {
  const targets = r.checks.length ? r.checks.map(verdict).join('; ') : `no target: ${r.noTarget ?? 'a yardstick'}`;
  return `  ${r.name.padEnd(width)}  ${r.figure}   [${targets}]`;
}

export function formatTable(rows: readonly Row[]): string {
  const width = Math.max(0, ...rows.map((r) => r.name.length));
  return rows.map((r) => `${formatRow(r, width)}\n`).join('');
}

/** Each missed target, named: the figure's row, the target and where the target comes from. */
export function missedTargets(rows: readonly Row[]): string[] {
  return rows.flatMap((r) => r.checks.filter((c) => !c.pass).map((c) => `${r.name} (${r.figure}) missed ${c.text} — ${c.source}`));
}

export interface CheckJson {
  name: string;
  figure: string;
  /** The target's name and text ("queueP95Ms ≤ 50 ms p95"); null for a figure without one. */
  target: string | null;
  pass: boolean | null;
  source: string;
}

/** The checks as bench.json keeps them. */
export function checksJson(rows: readonly Row[]): CheckJson[] {
  return rows.flatMap((r): CheckJson[] =>
    r.checks.length
      ? r.checks.map((c) => ({ name: r.name, figure: r.figure, target: `${c.target} ${c.text}`, pass: c.pass, source: c.source }))
      : [{ name: r.name, figure: r.figure, target: null, pass: null, source: r.noTarget ?? 'a yardstick' }],
  );
}

/**
 * The closing lines: every target met, or each one missed by name, and the measurement that did not
 * finish if one did not (the caller exits non-zero for either).
 */
export function verdictLines(rows: readonly Row[], notFinished: string | null = null): string {
  const checked = rows.reduce((n, r) => n + r.checks.length, 0);
  const missed = missedTargets(rows);
  const stopped = notFinished ? `\nNOT FINISHED: ${notFinished}; the figures after it were not measured.\n` : '';
  if (missed.length === 0) return `${stopped}\n${notFinished ? 'Of the figures measured, all' : 'All'} ${String(checked)} targets met.\n`;
  return `${stopped}\n${String(missed.length)} of ${String(checked)} targets MISSED:\n${missed.map((m) => `  - ${m}\n`).join('')}`;
}
