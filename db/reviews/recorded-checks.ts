import { ruleChecks, type CaseRuleId, type CheckItem, type CheckOutcome, type FlagEvidence, type RecordedCheck } from '../contract/index.js';
import type { Db } from '../connection.js';
import { readChecks } from './checks.js';

/** Outcomes that say the check was made or sought: "not applicable" answers no flag. */
const ANSWERING: ReadonlySet<CheckOutcome> = new Set<CheckOutcome>(['checked', 'requested', 'action-needed', 'not-available']);

interface Row {
  crn: string;
  review_id: number;
  review_date: string;
  checks_json: string;
}

/** For one case: the latest current review recording each check, with the outcome recorded. */
export type CaseChecks = ReadonlyMap<CheckItem, RecordedCheck>;

/**
 * The checks the SPO recorded in the current, not withdrawn, reviews of these cases, the latest
 * review for each check. Read for a page of the queue or one case: a few dozen cases at most.
 */
export function recordedChecks(db: Db, crns: readonly string[]): Map<string, CaseChecks> {
  const out = new Map<string, Map<CheckItem, RecordedCheck>>();
  if (crns.length === 0) return out;
  const rows = db
    .prepare<[string], Row>(
      `SELECT crn, review_id, review_date, checks_json FROM current_reviews
       WHERE action <> 'withdrawn' AND checks_json <> '[]' AND crn IN (SELECT value FROM json_each(?))
       ORDER BY review_date, review_id`,
    )
    .all(JSON.stringify(crns));
  for (const r of rows) {
    const byItem = out.get(r.crn) ?? new Map<CheckItem, RecordedCheck>();
    for (const c of readChecks(r.checks_json)) {
      if (ANSWERING.has(c.outcome)) {
        byItem.set(c.item, { reviewId: r.review_id, reviewDate: r.review_date, item: c.item, outcome: c.outcome, requestedOn: c.requestedOn, responseOn: c.responseOn });
      }
    }
    out.set(r.crn, byItem);
  }
  return out;
}

/**
 * The check recorded for a flag, when its rule has one and the review came on or after the
 * flag's latest dated evidence (a check recorded before the registration or request that raised
 * the flag does not answer it).
 */
export function checkForFlag(rule: CaseRuleId, evidence: readonly Pick<FlagEvidence, 'date'>[], checks: CaseChecks | undefined): RecordedCheck | undefined {
  const item = (ruleChecks as Readonly<Partial<Record<CaseRuleId, CheckItem>>>)[rule];
  const recorded = item ? checks?.get(item) : undefined;
  if (!recorded) return undefined;
  const since = evidence.reduce((latest, e) => (e.date !== null && e.date > latest ? e.date : latest), '');
  return recorded.reviewDate >= since ? recorded : undefined;
}
