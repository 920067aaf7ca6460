/**
 * Benchmarks for reviews, the oversight log export and its digest. Each function returns plain
 * figures; bench/main.ts decides where they run and prints them.
 *
 *   measureReviewRecording: one `reviews:record` through the service, end to end: validation, the
 *     snapshot, the write and its audit entry in one transaction, and `onCasesChanged` (the flag
 *     refresh, when the service is wired to the rules engine). Target: p95 ≤ 10 ms at national scale.
 *   measureExportVerify: export (render, seal, sign) then verify (digest and signature) an oversight
 *     log of 10,000 reviews. Target ≤ 1 s for CSV and for JSON; PDF reported separately.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportFormat } from '../db/contract/index.js';
import type { Db } from '../db/connection.js';
import { londonToday } from '../db/contract/dates.js';
import { verifyExportFile } from '../db/export/verify.js';
import { installationSigningKey } from '../db/signing/installation.js';
import { ReviewWriter } from '../db/reviews/write.js';
import { createService, type Service } from '../db/service/index.js';
import { openService } from '../db/service/open.js';
import { memoryDb } from '../db/testing/extract.js';
import { percentile, round } from './stats.js';

export const reviewTargets = { recordP95Ms: 10, exportVerifyMs: 1000 } as const;

export interface RecordingFigures {
  cases: number;
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  targetP95Ms: number;
}

export interface RecordingOptions {
  /** A service over an imported caseload (the lead's national database), wired as the app wires it. */
  service?: Service;
  /** Or the database file to open such a service on (reviews and audit entries are added to it). */
  dbFile?: string;
  /** CRNs to review; by default the cases of the 1,000 most overdue flags. */
  crns?: readonly string[];
  samples?: number;
  warmup?: number;
}

/** Times `reviews:record` end to end, one call at a time, on cases in the caseload. */
export async function measureReviewRecording(opts: RecordingOptions): Promise<RecordingFigures> {
  const service = opts.service ?? (opts.dbFile ? openService(opts.dbFile) : undefined);
  if (!service) throw new Error('measureReviewRecording needs a service or a database file');
  try {
    let crns = opts.crns;
    // A MAPPA level 1 review is recorded only for a case at level 1 (the engine refuses it otherwise).
    const levelOne = new Set<string>();
    if (!crns) {
      // Most overdue first, as before the queue was risk first: reviewing the highest-risk cases
      // would empty the very-high-RoSH filter the UI bench times next.
      const queue = await service.call('flags:queue', { limit: 1000, sort: 'daysOverdue' });
      if (!queue.ok) throw new Error(`flags:queue failed: ${queue.error.message}`);
      crns = [...new Set(queue.value.rows.map((r) => r.crn))];
      for (const r of queue.value.rows) if (r.mappaLevel === 'M1') levelOne.add(r.crn);
    }
    if (crns.length === 0) throw new Error('no cases to review');
    const date = londonToday(new Date());
    const samples = opts.samples ?? 500;
    const warmup = opts.warmup ?? 20;
    const times: number[] = [];
    for (let i = 0; i < warmup + samples; i++) {
      const crn = crns[i % crns.length] ?? '';
      const t = performance.now();
      const r = await service.call('reviews:record', {
        crn,
        type: levelOne.has(crn) ? 'mappa-l1-review' : 'management-oversight',
        date,
        spo: { name: 'Bench SPO', staffCode: 'BENCH01' },
        triggers: ['OVERSIGHT-OVERDUE'],
        checks: [{ item: 'risk-assessment' }, { item: 'rmp' }, { item: 'police-da', outcome: 'not-available' }],
        analysis: 'Synthetic benchmark review.',
        decision: 'Continue current plan.',
        actions: [{ text: 'Check police DA response', owner: 'Bench Practitioner', due: date }],
      });
      const ms = performance.now() - t;
      if (!r.ok) throw new Error(`reviews:record failed for ${crn}: ${r.error.message}`);
      if (i >= warmup) times.push(ms);
    }
    times.sort((a, b) => a - b);
    return {
      cases: crns.length,
      samples,
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      maxMs: round(times[times.length - 1] ?? NaN),
      targetP95Ms: reviewTargets.recordP95Ms,
    };
  } finally {
    if (!opts.service) service.close();
  }
}

/**
 * An invented caseload of `cases` cases over 10 teams, written straight into the tables, and
 * `reviews` reviews over it (one in ten amended, one in twenty withdrawn), in one transaction.
 */
export function seedReviews(db: Db, cases: number, reviews: number, today: string): void {
  const writer = new ReviewWriter(db);
  const who = { osUser: 'bench', appUser: null, now: () => new Date(`${today}T12:00:00Z`) };
  db.transaction(() => {
    db.prepare(
      `INSERT INTO import_log (id, at, os_user, outcome, skip_invalid, fingerprint, files_json, counts_json, rejected, errors_json)
       VALUES (1, ?, 'bench', 'committed', 0, 'bench', '[]', '{}', 0, '[]')`,
    ).run(`${today}T09:00:00Z`);
    const staff = db.prepare(`INSERT INTO staff (staff_code, name, grade, team_code, team_name, pdu_code, pdu_name) VALUES (?, ?, 'PSM', ?, ?, 'B01PDU', 'Bench PDU')`);
    for (let s = 0; s < 100; s++) staff.run(`B01P${String(s).padStart(3, '0')}`, `Practitioner ${s}`, `B01T${String(s % 10).padStart(2, '0')}`, `Team ${s % 10}`);
    const caseRow = db.prepare(
      `INSERT INTO cases (crn, name, staff_code, allocation_date, tier, rosh_level, rosh_assessed_on, first_import_id, last_import_id)
       VALUES (?, ?, ?, '2025-01-15', 'B2', 'HIGH', '2025-01-10', 1, 1)`,
    );
    const reg = db.prepare(`INSERT INTO registrations (crn, register_code, level_code, category_code, registration_date, next_review_date) VALUES (?, ?, ?, ?, '2025-01-10', '2026-01-10')`);
    for (let c = 0; c < cases; c++) {
      const crn = `B${String(c).padStart(6, '0')}`;
      caseRow.run(crn, `Invented Person ${c}`, `B01P${String(c % 100).padStart(3, '0')}`);
      reg.run(crn, 'RHRH', null, null);
      if (c % 4 === 0) reg.run(crn, 'MAPP', 'M1', 'M2');
    }
    for (let i = 0; i < reviews; i++) {
      const c = i % cases;
      const crn = `B${String(c).padStart(6, '0')}`;
      const r = writer.record(
        {
          crn,
          // The cases registered MAPPA level 1 above.
          type: c % 4 === 0 ? 'mappa-l1-review' : 'management-oversight',
          date: today,
          spo: { name: 'Bench SPO', staffCode: 'B01S001' },
          triggers: ['OVERSIGHT-OVERDUE'],
          checks: [
            { item: 'risk-assessment', outcome: 'checked' },
            { item: 'police-da', outcome: 'not-available', note: 'Requested; no reply yet.' },
          ],
          analysis: 'Risk stable; the plan addresses the domestic abuse concerns. Contact every week.',
          decision: 'Continue current plan; review again in twelve weeks.',
          actions: [{ text: 'Chase the police DA response', owner: 'Practitioner', due: today }],
          nextReviewDate: today,
        },
        who,
      );
      if (i % 10 === 0) writer.amend({ id: r.id, reason: 'entered in nDelius', ndeliusContactId: String(2500000000 + i) }, who);
      if (i % 20 === 5) writer.withdraw({ id: r.id, reason: 'entered on the wrong case' }, who);
    }
  })();
}

export interface FormatFigures {
  /** The first export and verify in the process (JIT cold), as a user's one-off export runs. */
  coldTotalMs: number;
  /** Medians over the measured runs after the cold one. */
  exportMs: number;
  verifyMs: number;
  totalMs: number;
  /** CPU time (user + system) of the median run: on a shared machine, what the work itself costs. */
  cpuMs: number;
  bytes: number;
  intact: boolean;
}

export interface ExportFigures {
  reviews: number;
  rows: number;
  runs: number;
  csv: FormatFigures;
  json: FormatFigures;
  pdf: (FormatFigures & { pages: number }) | null;
  targetMs: number;
}

const median = (xs: number[]) => round(percentile([...xs].sort((a, b) => a - b), 50));

/**
 * Exports the log of `reviews` reviews as CSV and JSON (and PDF unless `pdf: false`), then verifies
 * each file: once cold, then `runs` more times (medians reported).
 */
export async function measureExportVerify(
  opts: { reviews?: number; cases?: number; pdf?: boolean; dir?: string; runs?: number } = {},
): Promise<ExportFigures> {
  const reviews = opts.reviews ?? 10_000;
  const runs = opts.runs ?? 3;
  const now = new Date();
  const db = memoryDb();
  seedReviews(db, opts.cases ?? 2_500, reviews, londonToday(now));
  const service = createService({ db, osUser: 'bench', now: () => now, dataDir: tmpdir(), onCasesChanged: () => undefined });
  const dir = opts.dir ?? tmpdir();
  let rows = 0;
  const once = async (format: ExportFormat) => {
    const out = join(dir, `spo-bench-log-${process.pid}.${format}`);
    try {
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      const r = await service.call('log:export', { format, out });
      const t1 = performance.now();
      if (!r.ok) throw new Error(`export ${format} failed: ${r.error.message}`);
      rows = r.value.rowCount;
      // Verified as the service does, knowing this installation's key: intact only when the signature is its own.
      const v = await verifyExportFile(out, { installation: installationSigningKey(db) });
      const t2 = performance.now();
      const used = process.cpuUsage(cpu);
      const pages = format === 'pdf' ? (readFileSync(out, 'latin1').match(/\/Type \/Page\b/g) ?? []).length : 0;
      return { exportMs: t1 - t0, verifyMs: t2 - t1, cpuMs: (used.user + used.system) / 1000, bytes: statSync(out).size, intact: v.intact, pages };
    } finally {
      rmSync(out, { force: true });
    }
  };
  const measure = async (format: ExportFormat, times: number): Promise<FormatFigures & { pages: number }> => {
    const cold = await once(format);
    const warm = [];
    for (let i = 0; i < times; i++) warm.push(await once(format));
    const all = warm.length ? warm : [cold];
    return {
      coldTotalMs: round(cold.exportMs + cold.verifyMs),
      exportMs: median(all.map((x) => x.exportMs)),
      verifyMs: median(all.map((x) => x.verifyMs)),
      totalMs: median(all.map((x) => x.exportMs + x.verifyMs)),
      cpuMs: median(all.map((x) => x.cpuMs)),
      bytes: cold.bytes,
      intact: all.every((x) => x.intact) && cold.intact,
      pages: cold.pages,
    };
  };
  try {
    const { pages: _c, ...csv } = await measure('csv', runs);
    const { pages: _j, ...json } = await measure('json', runs);
    const pdf = opts.pdf === false ? null : await measure('pdf', 0);
    return { reviews, rows, runs, csv, json, pdf, targetMs: reviewTargets.exportVerifyMs };
  } finally {
    service.close();
  }
}
