/**
 * Benchmarks of the rules engine, for bench/main.ts. Each function takes a database file that
 * already holds an imported extract (see `importForRules`) and returns plain figures in
 * milliseconds. Targets (the issue): full evaluation ≤ 3 s national (issue 18) and ≤ 100 ms PDU; the queue
 * (count + first 100 of one team) ≤ 50 ms p95 national; a per-case refresh ≤ 10 ms p95 national.
 */
import { openDatabase } from '../db/connection.js';
import { flagsQueueInput } from '../db/contract/index.js';
import { runImport } from '../db/import/run-import.js';
import { evaluateFlags } from '../db/rules/evaluate.js';
import { queryQueue } from '../db/rules/queue.js';
import { ensureFresh, refreshFlags } from '../db/rules/refresh.js';
import { round, timeRuns } from './stats.js';

export interface RulesDbFigures {
  cases: number;
  contacts: number;
  importMs: number;
}

/** Imports an extract into a database file when it holds none yet (a committed import). */
export async function importForRules(dir: string, dbFile: string): Promise<RulesDbFigures> {
  const db = openDatabase(dbFile);
  try {
    let importMs = 0;
    const imported = db.prepare(`SELECT count(*) FROM import_log WHERE outcome = 'committed'`).pluck().get() as number;
    if (imported === 0) {
      const t = performance.now();
      await runImport(db, { paths: [dir], skipInvalid: false, commit: true, osUser: 'bench', now: () => new Date() });
      importMs = round(performance.now() - t);
    }
    return {
      cases: db.prepare(`SELECT count(*) FROM cases WHERE in_caseload = 1`).pluck().get() as number,
      contacts: db.prepare(`SELECT count(*) FROM contacts`).pluck().get() as number,
      importMs,
    };
  } finally {
    db.close();
  }
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export interface EvaluationFigures {
  cases: number;
  /** `flags:evaluate` for a date other than today: every case evaluated afresh, nothing stored. Median of the runs after the first. */
  evaluateMs: number;
  evaluateCpuMs: number;
  /** The first run, on a cold database and cold JIT (a fresh process). */
  evaluateColdMs: number;
  evaluateBestMs: number;
  /** A full refresh of the stored flags (evaluation + writing them, one transaction). */
  refreshMs: number;
  refreshCpuMs: number;
  caseFlags: number;
  dueSoon: number;
  runs: number;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * Full evaluation (a cold run, then `runs` warm ones: by default 10 below 20,000 cases, where a run
 * is too short to warm the JIT, else 3) and a full refresh of the whole caseload.
 */
export function measureEvaluation(dbFile: string, asOf: string, runsWanted?: number): EvaluationFigures {
  const db = openDatabase(dbFile);
  try {
    const cases = db.prepare(`SELECT count(*) FROM cases WHERE in_caseload = 1`).pluck().get() as number;
    const runs = runsWanted ?? (cases < 20_000 ? 10 : 3);
    const times: number[] = [];
    const cpus: number[] = [];
    let caseFlags = 0;
    let dueSoon = 0;
    for (let i = 0; i <= runs; i++) {
      const c = cpuMs();
      const t = performance.now();
      const report = evaluateFlags(db, { asOf });
      times.push(performance.now() - t);
      cpus.push(cpuMs() - c);
      caseFlags = report.caseFlags.length;
      dueSoon = report.dueSoon.length;
    }
    const c = cpuMs();
    const t = performance.now();
    refreshFlags(db, { asOf });
    const refreshMs = performance.now() - t;
    const refreshCpuMs = cpuMs() - c;
    const warm = times.slice(1);
    return {
      cases,
      evaluateMs: round(median(warm)),
      evaluateCpuMs: round(median(cpus.slice(1))),
      evaluateColdMs: round(times[0] ?? NaN),
      evaluateBestMs: round(Math.min(...warm)),
      refreshMs: round(refreshMs),
      refreshCpuMs: round(refreshCpuMs),
      caseFlags,
      dueSoon,
      runs,
    };
  } finally {
    db.close();
  }
}

export interface QueueFigures {
  team: string;
  total: number;
  p50: number;
  p95: number;
  max: number;
  runs: number;
}

/** The queue: count + first 100 rows (a case per row, risk first) of the team with most flags. */
export function measureQueue(dbFile: string, asOf: string, runs = 60): QueueFigures {
  const db = openDatabase(dbFile);
  try {
    const state = ensureFresh(db, asOf);
    const team =
      (db.prepare(`SELECT team_code FROM flags WHERE team_code IS NOT NULL GROUP BY team_code ORDER BY count(*) DESC LIMIT 1`).pluck().get() as
        | string
        | undefined) ?? '';
    const input = flagsQueueInput.parse({ team, limit: 100 });
    let total = 0;
    const times = timeRuns(() => {
      total = queryQueue(db, state, input).total;
    }, runs);
    return { team, total, ...times };
  } finally {
    db.close();
  }
}

export interface CaseRefreshFigures {
  p50: number;
  p95: number;
  max: number;
  runs: number;
}

/** A per-case refresh (what a review recorded triggers), over CRNs spread through the caseload. */
export function measureCaseRefresh(dbFile: string, asOf: string, runs = 100): CaseRefreshFigures {
  const db = openDatabase(dbFile);
  try {
    ensureFresh(db, asOf);
    const all = db.prepare<[], string>(`SELECT crn FROM flag_cases ORDER BY crn`).pluck().all();
    const step = Math.max(1, Math.floor(all.length / (runs + 3)));
    const crns = all.filter((_, i) => i % step === 0);
    let i = 0;
    return timeRuns(() => {
      const crn = crns[i++ % crns.length];
      if (crn) refreshFlags(db, { asOf, crns: [crn] });
    }, runs);
  } finally {
    db.close();
  }
}

export interface RulesFigures {
  evaluation: EvaluationFigures;
  queue: QueueFigures;
  caseRefresh: CaseRefreshFigures;
}

/** Everything above on one imported database. */
export function measureRules(dbFile: string, asOf: string): RulesFigures {
  return { evaluation: measureEvaluation(dbFile, asOf), queue: measureQueue(dbFile, asOf), caseRefresh: measureCaseRefresh(dbFile, asOf) };
}
