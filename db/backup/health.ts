import type { Db } from '../connection.js';

export interface Health {
  ok: boolean;
  /** What SQLite reported, at most a few lines; empty when ok. */
  problems: string[];
  ms: number;
}

/** SQLite's errors that mean the file itself is damaged or not a database. */
export function isDamage(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/**
 * `quick_check` (at start-up: O(N), skips the index-content cross-checks) or `integrity_check`
 * (for backups: everything). A check that cannot even run counts as a failed check.
 */
export function checkDatabase(db: Db, kind: 'quick_check' | 'integrity_check'): Health {
  const started = performance.now();
  let problems: string[];
  try {
    problems = (db.pragma(`${kind}(5)`) as Record<string, string>[])
      .map((row) => Object.values(row)[0] ?? '')
      .filter((p) => p !== 'ok')
      // One line per problem, so a message shows them as one sentence.
      .flatMap((p) => p.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('***')));
  } catch (e) {
    if (!isDamage(e)) throw e;
    problems = [(e as Error).message];
  }
  return { ok: problems.length === 0, problems, ms: performance.now() - started };
}
