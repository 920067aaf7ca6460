import type { Review, ReviewAction, ReviewActionItem, ReviewSnapshot, ReviewType, ReviewVersion } from '../contract/index.js';
import type { Db } from '../connection.js';
import { readChecks } from './checks.js';

/** A `reviews` row as stored (migration 002). */
export interface ReviewRow {
  id: number;
  review_id: number;
  version: number;
  action: ReviewAction;
  reason: string | null;
  crn: string;
  review_type: ReviewType;
  review_date: string;
  spo_name: string;
  spo_staff_code: string | null;
  triggers_json: string;
  snapshot_json: string;
  checks_json: string;
  analysis: string;
  decision: string;
  actions_json: string;
  next_review_date: string | null;
  ndelius_contact_code: string | null;
  ndelius_contact_id: string | null;
  recorded_at: string;
  recorded_by_os: string;
  recorded_by: string | null;
}

export function toVersion(r: ReviewRow): ReviewVersion {
  return {
    reviewId: r.review_id,
    version: r.version,
    action: r.action,
    reason: r.reason,
    crn: r.crn,
    type: r.review_type,
    date: r.review_date,
    spo: { name: r.spo_name, staffCode: r.spo_staff_code },
    triggers: JSON.parse(r.triggers_json) as string[],
    snapshot: JSON.parse(r.snapshot_json) as ReviewSnapshot,
    checks: readChecks(r.checks_json),
    analysis: r.analysis,
    decision: r.decision,
    actions: JSON.parse(r.actions_json) as ReviewActionItem[],
    nextReviewDate: r.next_review_date,
    ndelius: { contactCode: r.ndelius_contact_code, contactId: r.ndelius_contact_id },
    recordedAt: r.recorded_at,
    recordedByOs: r.recorded_by_os,
    recordedBy: r.recorded_by,
  };
}

/** The columns of `reviews` in the order `versionsFromRaw` reads them. */
export const reviewColumns = [
  'review_id', 'version', 'action', 'reason', 'crn', 'review_type', 'review_date', 'spo_name', 'spo_staff_code', 'triggers_json',
  'snapshot_json', 'checks_json', 'analysis', 'decision', 'actions_json', 'next_review_date', 'ndelius_contact_code', 'ndelius_contact_id',
  'recorded_at', 'recorded_by_os', 'recorded_by',
] as const;

/**
 * Maps `SELECT <reviewColumns> ... ` read with `.raw()`, for bulk reads (the export): arrays cost
 * less than row objects, and a snapshot shared by consecutive versions of a review (amendments
 * keep it) is parsed once.
 */
export function versionsFromRaw(rows: readonly unknown[][]): ReviewVersion[] {
  let lastText: unknown = null;
  let lastSnapshot: ReviewSnapshot | null = null;
  return rows.map((a) => {
    const snapshotText = a[10];
    if (snapshotText !== lastText || !lastSnapshot) {
      lastSnapshot = JSON.parse(String(snapshotText)) as ReviewSnapshot;
      lastText = snapshotText;
    }
    return {
      reviewId: a[0] as number,
      version: a[1] as number,
      action: a[2] as ReviewAction,
      reason: a[3] as string | null,
      crn: a[4] as string,
      type: a[5] as ReviewType,
      date: a[6] as string,
      spo: { name: a[7] as string, staffCode: a[8] as string | null },
      triggers: JSON.parse(String(a[9])) as string[],
      snapshot: lastSnapshot,
      checks: readChecks(String(a[11])),
      analysis: a[12] as string,
      decision: a[13] as string,
      actions: JSON.parse(String(a[14])) as ReviewActionItem[],
      nextReviewDate: a[15] as string | null,
      ndelius: { contactCode: a[16] as string | null, contactId: a[17] as string | null },
      recordedAt: a[18] as string,
      recordedByOs: a[19] as string,
      recordedBy: a[20] as string | null,
    };
  });
}

export function toRow(v: ReviewVersion, id: number): ReviewRow {
  return {
    id,
    review_id: v.reviewId,
    version: v.version,
    action: v.action,
    reason: v.reason,
    crn: v.crn,
    review_type: v.type,
    review_date: v.date,
    spo_name: v.spo.name,
    spo_staff_code: v.spo.staffCode,
    triggers_json: JSON.stringify(v.triggers),
    snapshot_json: JSON.stringify(v.snapshot),
    checks_json: JSON.stringify(v.checks),
    analysis: v.analysis,
    decision: v.decision,
    actions_json: JSON.stringify(v.actions),
    next_review_date: v.nextReviewDate,
    ndelius_contact_code: v.ndelius.contactCode,
    ndelius_contact_id: v.ndelius.contactId,
    recorded_at: v.recordedAt,
    recorded_by_os: v.recordedByOs,
    recorded_by: v.recordedBy,
  };
}

/** Groups versions (in review, version order) into reviews. */
export function groupReviews(versions: readonly ReviewVersion[]): Review[] {
  const byId = new Map<number, ReviewVersion[]>();
  for (const v of versions) {
    const list = byId.get(v.reviewId);
    if (list) list.push(v);
    else byId.set(v.reviewId, [v]);
  }
  const reviews: Review[] = [];
  for (const [id, list] of byId) {
    const current = list[list.length - 1];
    if (!current) continue;
    const withdrawn = current.action === 'withdrawn';
    reviews.push({ id, crn: current.crn, current, withdrawn, countsAsEvidence: !withdrawn, versions: list });
  }
  return reviews;
}

/** Reads and appends review versions; nothing here updates or deletes (the schema refuses both). */
export class ReviewRepository {
  private readonly versionsOf;
  private readonly versionsByCrn;
  private readonly insertRow;
  private readonly nextId;

  constructor(db: Db) {
    this.versionsOf = db.prepare<[number], ReviewRow>('SELECT * FROM reviews WHERE review_id = ? ORDER BY version');
    this.versionsByCrn = db.prepare<[string], ReviewRow>('SELECT * FROM reviews WHERE crn = ? ORDER BY review_id, version');
    this.nextId = db.prepare<[], { next: number }>('SELECT coalesce(max(id), 0) + 1 AS next FROM reviews');
    this.insertRow = db.prepare<ReviewRow>(
      `INSERT INTO reviews (id, review_id, version, action, reason, crn, review_type, review_date, spo_name, spo_staff_code, triggers_json,
         snapshot_json, checks_json, analysis, decision, actions_json, next_review_date, ndelius_contact_code, ndelius_contact_id,
         recorded_at, recorded_by_os, recorded_by)
       VALUES (@id, @review_id, @version, @action, @reason, @crn, @review_type, @review_date, @spo_name, @spo_staff_code, @triggers_json,
         @snapshot_json, @checks_json, @analysis, @decision, @actions_json, @next_review_date, @ndelius_contact_code, @ndelius_contact_id,
         @recorded_at, @recorded_by_os, @recorded_by)`,
    );
  }

  get(reviewId: number): Review | undefined {
    return groupReviews(this.versionsOf.all(reviewId).map(toVersion))[0];
  }

  /** Every review of a case with all its versions, newest review date first. */
  byCrn(crn: string): Review[] {
    return groupReviews(this.versionsByCrn.all(crn).map(toVersion)).sort(
      (a, b) => b.current.date.localeCompare(a.current.date) || b.id - a.id,
    );
  }

  /** The id a new review's first version will take: its review id too. Call inside the write transaction. */
  nextRowId(): number {
    return this.nextId.get()?.next ?? 1;
  }

  append(v: ReviewVersion, id: number): void {
    this.insertRow.run(toRow(v, id));
  }
}
