import { randomInt } from 'node:crypto';
import { isSameSpo, sampleRiskLevels, type ParsedInputOf, type ReviewType, type Sample, type SampleItem, type SampleResult, type SampleStratum, type SampleSummary } from '../contract/index.js';
import type { Db } from '../connection.js';
import { DomainError } from '../errors.js';
import { drawSample, type Candidate } from './draw.js';

export interface Who {
  osUser: string;
  appUser: string | null;
  now: () => Date;
  /** Who is re-reading, from the app's profile; null when no one has said. */
  reader?: { name: string; staffCode: string } | null;
}


const RISKS: readonly string[] = sampleRiskLevels;

interface CandidateRow {
  review_id: number;
  version: number;
  crn: string;
  staff_code: string;
  risk: string | null;
}

interface SampleRow {
  id: number;
  created_at: string;
  created_by_os: string;
  created_by: string | null;
  seed: number;
  size: number;
  date_from: string;
  date_to: string;
  team_code: string | null;
  population: number;
  strata_json: string;
  items: number;
  recorded: number;
}

interface ItemRow {
  position: number;
  review_id: number;
  review_version: number;
  crn: string;
  staff_code: string;
  risk: string;
  review_type: string;
  review_date: string;
  spo_name: string;
  spo_staff_code: string | null;
}

interface ResultRow {
  position: number;
  recorded_at: string;
  recorded_by_os: string;
  recorded_by: string | null;
  checks_json: string;
  outcome: string;
  note: string;
}

const SUMMARY = `SELECT s.*, (SELECT count(*) FROM audit_sample_items i WHERE i.sample_id = s.id) AS items,
  (SELECT count(DISTINCT r.position) FROM audit_sample_results r WHERE r.sample_id = s.id) AS recorded FROM audit_samples s`;

function summary(r: SampleRow): SampleSummary {
  return {
    id: r.id,
    createdAt: r.created_at,
    createdByOs: r.created_by_os,
    createdBy: r.created_by,
    seed: r.seed,
    size: r.size,
    from: r.date_from,
    to: r.date_to,
    team: r.team_code,
    population: r.population,
    items: r.items,
    recorded: r.recorded,
  };
}

function result(r: ResultRow): SampleResult {
  return {
    checks: JSON.parse(r.checks_json) as SampleResult['checks'],
    outcome: r.outcome as SampleResult['outcome'],
    note: r.note,
    recordedAt: r.recorded_at,
    recordedByOs: r.recorded_by_os,
    recordedBy: r.recorded_by,
  };
}

/**
 * Audit samples (migration 7): drawn from the reviews that count as evidence — current versions,
 * not withdrawn — dated in the range. The practitioner and risk level are those of the review's
 * snapshot (what the SPO saw when recording it), so a later re-allocation does not move a review
 * to another stratum.
 */
export class SampleStore {
  constructor(private readonly db: Db) {}

  candidates(from: string, to: string, team: string | null): Candidate[] {
    const rows = this.db
      .prepare<{ from: string; to: string; team: string | null }, CandidateRow>(
        `SELECT r.review_id, r.version, r.crn,
                coalesce(json_extract(r.snapshot_json, '$.practitioner.staffCode'), c.staff_code) AS staff_code,
                json_extract(r.snapshot_json, '$.effectiveRosh.level') AS risk
         FROM current_reviews r JOIN cases c ON c.crn = r.crn
         WHERE r.action <> 'withdrawn' AND r.review_date BETWEEN @from AND @to
           AND (@team IS NULL OR json_extract(r.snapshot_json, '$.team.code') = @team)
         ORDER BY r.review_id`,
      )
      .all({ from, to, team });
    return rows.map((r) => ({
      reviewId: r.review_id,
      version: r.version,
      crn: r.crn,
      staffCode: r.staff_code,
      risk: (r.risk !== null && RISKS.includes(r.risk) ? r.risk : 'UNKNOWN') as SampleStratum['risk'],
    }));
  }

  /** Draws and stores a sample, inside the caller's transaction (the service's unit of work). */
  create(input: ParsedInputOf<'sample:create'>, who: Who): Sample {
    this.mustBeInTransaction();
    const seed = input.seed ?? randomInt(0, 2 ** 31);
    const team = input.team ?? null;
    const candidates = this.candidates(input.from, input.to, team);
    if (candidates.length === 0) {
      throw new DomainError('invalid-input', `from: no reviews that count as evidence are dated ${input.from} to ${input.to}${team ? ` in team ${team}` : ''}`, 'from');
    }
    const drawn = drawSample(candidates, input.size, seed);
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO audit_samples (created_at, created_by_os, created_by, seed, size, date_from, date_to, team_code, population, strata_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(who.now().toISOString(), who.osUser, who.appUser, seed, input.size, input.from, input.to, team, candidates.length, JSON.stringify(drawn.strata))
        .lastInsertRowid,
    );
    const insert = this.db.prepare(
      `INSERT INTO audit_sample_items (sample_id, position, review_id, review_version, crn, staff_code, risk) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    drawn.chosen.forEach((c, i) => insert.run(id, i + 1, c.reviewId, c.version, c.crn, c.staffCode, c.risk));
    return this.require(id);
  }

  /** Appends a re-reading, inside the caller's transaction (the service's unit of work). */
  record(input: ParsedInputOf<'sample:record'>, who: Who): Sample {
    this.mustBeInTransaction();
    this.require(input.sampleId);
    const item = this.db
      .prepare<[number, number], { spo_name: string; spo_staff_code: string | null }>(
        `SELECT r.spo_name, r.spo_staff_code FROM audit_sample_items i JOIN reviews r ON r.review_id = i.review_id AND r.version = i.review_version
         WHERE i.sample_id = ? AND i.position = ?`,
      )
      .get(input.sampleId, input.position);
    if (!item) throw new DomainError('not-found', `position: sample ${input.sampleId} has no item ${input.position}`, 'position');
    // A QA re-reading is a second pair of eyes: the SPO who recorded the review cannot pass it.
    if (who.reader && isSameSpo(who.reader, { name: item.spo_name, staffCode: item.spo_staff_code })) {
      throw new DomainError(
        'forbidden',
        `position: you recorded this review (${item.spo_name}${item.spo_staff_code ? `, ${item.spo_staff_code}` : ''}), so another reader must re-read it for QA`,
        'position',
      );
    }
    this.db
      .prepare(
        `INSERT INTO audit_sample_results (sample_id, position, recorded_at, recorded_by_os, recorded_by, checks_json, outcome, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.sampleId, input.position, who.now().toISOString(), who.osUser, who.appUser, JSON.stringify(input.checks), input.outcome, input.note);
    return this.require(input.sampleId);
  }

  private mustBeInTransaction(): void {
    if (!this.db.inTransaction) throw new Error('samples are written only inside the service’s unit of work (a transaction)');
  }

  list(): SampleSummary[] {
    return this.db.prepare<[], SampleRow>(`${SUMMARY} ORDER BY s.id DESC`).all().map(summary);
  }

  get(id: number): Sample | null {
    const row = this.db.prepare<[number], SampleRow>(`${SUMMARY} WHERE s.id = ?`).get(id);
    if (!row) return null;
    const items = this.db
      .prepare<[number], ItemRow>(
        `SELECT i.position, i.review_id, i.review_version, i.crn, i.staff_code, i.risk, r.review_type, r.review_date, r.spo_name, r.spo_staff_code
         FROM audit_sample_items i JOIN reviews r ON r.review_id = i.review_id AND r.version = i.review_version
         WHERE i.sample_id = ? ORDER BY i.position`,
      )
      .all(id);
    const results = new Map<number, SampleResult[]>();
    for (const r of this.db.prepare<[number], ResultRow>(`SELECT * FROM audit_sample_results WHERE sample_id = ? ORDER BY id`).all(id)) {
      const list = results.get(r.position) ?? [];
      list.push(result(r));
      results.set(r.position, list);
    }
    const chosen: SampleItem[] = items.map((i) => {
      const all = results.get(i.position) ?? [];
      return {
        position: i.position,
        reviewId: i.review_id,
        reviewVersion: i.review_version,
        crn: i.crn,
        staffCode: i.staff_code,
        risk: i.risk as SampleItem['risk'],
        reviewType: i.review_type as ReviewType,
        reviewDate: i.review_date,
        spo: { name: i.spo_name, staffCode: i.spo_staff_code },
        result: all[all.length - 1] ?? null,
        history: all.slice(0, -1),
      };
    });
    return { ...summary(row), strata: JSON.parse(row.strata_json) as SampleStratum[], chosen };
  }

  require(id: number): Sample {
    const sample = this.get(id);
    if (!sample) throw new DomainError('not-found', `no audit sample ${id}`, 'sampleId');
    return sample;
  }
}
