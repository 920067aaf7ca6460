import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { openDatabase } from '../db/connection.js';
import type { ExtractKind } from '../db/contract/index.js';
import { matchHeader } from '../db/import/kinds.js';
import { runImport } from '../db/import/run-import.js';
import { columnsOf } from '../db/import/staging.js';
import { peakRssMiB, round } from './stats.js';

export interface ImportFigures {
  rows: number;
  importMs: number;
  importRowsPerSec: number;
  peakRssMiB: number;
  errors: number;
}

/** The whole import (read, validate, stage, commit) of one extract into a new database file. */
export async function measureImport(dir: string, dbFile: string): Promise<ImportFigures> {
  const db = openDatabase(dbFile);
  const t = performance.now();
  const report = await runImport(db, { paths: [dir], skipInvalid: false, commit: true, osUser: 'bench', now: () => new Date() });
  const ms = performance.now() - t;
  db.close();
  const rows = report.cases.new + report.rows.registrations + report.rows.contacts + report.rows.staff + report.rows.needs;
  return { rows, importMs: round(ms), importRowsPerSec: Math.round(rows / (ms / 1000)), peakRssMiB: peakRssMiB(), errors: report.errors.length };
}

export interface RawFigures {
  rows: number;
  insertMs: number;
  insertRowsPerSec: number;
}

/**
 * The yardstick: the same rows, already parsed into memory (not timed), written with one
 * prepared INSERT per table in one transaction into the same schema.
 */
export function measureRawInsert(dir: string, dbFile: string): RawFigures {
  const byKind = new Map<ExtractKind, (string | number | null)[][]>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.csv')).sort()) {
    const parsed = Papa.parse<string[]>(readFileSync(join(dir, name), 'utf8'), { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    const match = header ? matchHeader(header) : null;
    if (!match?.ok) continue;
    const order = columnsOf(match.kind).map((c) => match.columnIndex.get(c));
    const list = byKind.get(match.kind) ?? [];
    for (const r of rows) list.push(order.map((i) => (i === undefined || r[i] === '' ? null : (r[i] ?? null))));
    byKind.set(match.kind, list);
  }
  const db = openDatabase(dbFile);
  db.prepare(`INSERT INTO import_log (id, at, os_user, outcome, skip_invalid, fingerprint, files_json, counts_json, rejected, errors_json)
              VALUES (1, 'now', 'bench', 'committed', 0, '', '[]', '{}', 0, '[]')`).run();
  const numeric = new Set(['points_available', 'points_used']);
  const flags = new Set(['linked_to_harm', 'linked_to_reoffending']);
  let rows = 0;
  const t = performance.now();
  db.transaction(() => {
    for (const [kind, list] of byKind) {
      const cols = columnsOf(kind);
      const extra = kind === 'cases' ? ', first_import_id, last_import_id' : '';
      const extraValues = kind === 'cases' ? ', 1, 1' : '';
      const stmt = db.prepare(`INSERT INTO ${kind} (${cols.join(', ')}${extra}) VALUES (${cols.map(() => '?').join(', ')}${extraValues})`);
      for (const r of list) {
        stmt.run(r.map((v, i) => (v === null ? null : numeric.has(cols[i] ?? '') ? Number(v) : flags.has(cols[i] ?? '') ? (v === 'Y' ? 1 : 0) : v)));
        rows++;
      }
    }
  })();
  const ms = performance.now() - t;
  db.close();
  return { rows, insertMs: round(ms), insertRowsPerSec: Math.round(rows / (ms / 1000)) };
}
