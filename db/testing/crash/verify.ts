import { verifyChain } from '../../audit/verify.js';
import { openDatabase } from '../../connection.js';
import { snapshotDigest } from './snapshots.js';

export type Ack =
  | { ack: 'import'; which: 'A' | 'B'; importId: number | null; committed: boolean; alreadyImported: boolean }
  | { ack: 'review'; id: number; crn: string; decision: string };

export interface Expected {
  /** Snapshot digest and import fingerprint of each extract. */
  snapshots: Record<'A' | 'B', { digest: string; fingerprint: string }>;
}

export interface CrashCheck {
  problems: string[];
  /** Committed imports whose `collection` audit entry is missing; it commits in the import's transaction, so 0. */
  importsWithoutAudit: number;
}

/**
 * What must hold after the engine was killed: the file is intact, every acknowledged write is
 * there, the snapshot in force is one whole extract and the one the import log says, and the
 * audit chain verifies with the key beside the database.
 */
export function checkAfterCrash(dbFile: string, acks: readonly Ack[], expected: Expected): CrashCheck {
  const problems: string[] = [];
  const db = openDatabase(dbFile);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);

    const review = db.prepare<[number, string, string], { n: number }>(`SELECT count(*) AS n FROM reviews WHERE review_id = ? AND crn = ? AND decision = ? AND action = 'recorded'`);
    const logged = db.prepare<[number], { outcome: string }>('SELECT outcome FROM import_log WHERE id = ?');
    for (const a of acks) {
      if (a.ack === 'review' && review.get(a.id, a.crn, a.decision)?.n !== 1) problems.push(`acknowledged review ${a.id} (${a.crn}) is missing`);
      if (a.ack === 'import' && a.importId !== null) {
        const outcome = logged.get(a.importId)?.outcome;
        const want = a.committed ? 'committed' : 'already-imported';
        if (outcome !== want) problems.push(`acknowledged import ${a.importId} (${a.which}) is logged as ${outcome ?? 'nothing'}, not ${want}`);
      }
    }

    const digest = snapshotDigest(db);
    const inForce = db
      .prepare<[], { id: number; fingerprint: string }>(`SELECT id, fingerprint FROM import_log WHERE outcome IN ('committed', 'already-imported') ORDER BY id DESC LIMIT 1`)
      .get();
    const which = (['A', 'B'] as const).find((w) => expected.snapshots[w].fingerprint === inForce?.fingerprint);
    if (!which) problems.push(`the import log names no known snapshot in force (${inForce?.fingerprint ?? 'none'})`);
    else if (digest !== expected.snapshots[which].digest) {
      const other = (['A', 'B'] as const).find((w) => expected.snapshots[w].digest === digest);
      problems.push(other ? `the import log says snapshot ${which} is in force but the data is snapshot ${other}` : `the extract tables match neither snapshot: an import is partly present`);
    }
    const lastCommit = db.prepare(`SELECT max(id) FROM import_log WHERE outcome = 'committed'`).pluck().get() as number | null;
    const stale = db.prepare('SELECT count(*) FROM cases WHERE in_caseload = 1 AND last_import_id IS NOT ?').pluck().get(lastCommit) as number;
    if (stale > 0) problems.push(`${stale} cases in the caseload do not come from the last committed import ${lastCommit ?? 'none'}`);

    const chain = verifyChain(db);
    if (!chain.intact) problems.push(`audit chain broken at entry ${chain.firstBroken?.id ?? '?'}: ${chain.firstBroken?.reason ?? ''}`);
    const recorded = db.prepare(`SELECT count(*) FROM reviews WHERE action = 'recorded'`).pluck().get() as number;
    const recordEntries = db.prepare(`SELECT count(*) FROM audit_log WHERE op = 'reviews:record'`).pluck().get() as number;
    if (recorded !== recordEntries) problems.push(`${recorded} reviews recorded but ${recordEntries} reviews:record audit entries`);
    const importsWithoutAudit = db
      .prepare(`SELECT count(*) FROM import_log l WHERE outcome = 'committed' AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.op = 'import:commit' AND json_extract(a.details_json, '$.importId') = l.id)`)
      .pluck()
      .get() as number;
    return { problems, importsWithoutAudit };
  } finally {
    db.close();
  }
}
