import type { ExportFilters, Review } from '../contract/index.js';
import type { Db } from '../connection.js';
import { groupReviews, reviewColumns, versionsFromRaw } from '../reviews/repository.js';

/**
 * The reviews an export holds, every version of each. A review is in when its current version
 * matches the filters: review date within from–to, the team and practitioner that held the case
 * when it was reviewed (its snapshot), and a rule among what prompted it. Ordered by CRN, then
 * review date, then id, so a case's reviews read in order.
 */
export function selectReviews(db: Db, f: ExportFilters): Review[] {
  const rows = db
    .prepare<Record<string, string | null>, unknown[]>(
      `WITH chosen AS (
         SELECT c.review_id FROM current_reviews c
         WHERE (@from IS NULL OR c.review_date >= @from)
           AND (@to IS NULL OR c.review_date <= @to)
           AND (@team IS NULL OR upper(json_extract(c.snapshot_json, '$.team.code')) = @team)
           AND (@practitioner IS NULL OR upper(json_extract(c.snapshot_json, '$.practitioner.staffCode')) = @practitioner)
           AND (@rule IS NULL OR EXISTS (SELECT 1 FROM json_each(c.triggers_json) t WHERE upper(trim(t.value)) = @rule))
       )
       SELECT ${reviewColumns.map((c) => `r.${c}`).join(', ')} FROM reviews r JOIN chosen USING (review_id)
       ORDER BY r.review_id, r.version`,
    )
    .raw()
    .all({ from: f.from ?? null, to: f.to ?? null, team: f.team ?? null, practitioner: f.practitioner ?? null, rule: f.rule ?? null });
  return groupReviews(versionsFromRaw(rows)).sort(
    (a, b) => (a.crn < b.crn ? -1 : a.crn > b.crn ? 1 : 0) || a.current.date.localeCompare(b.current.date) || a.id - b.id,
  );
}
