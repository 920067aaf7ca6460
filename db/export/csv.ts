import { checkItems, type ExportMeta, type Review, type ReviewSnapshot, type ReviewVersion } from '../contract/index.js';
import { actionProgressText, checkLabels, reviewTypeLabels } from '../contract/words/index.js';
import type { LogExtras } from './export-log.js';
import { csvCell, csvRow } from './csv-cell.js';
import * as L from './labels.js';
import { CSV_META_MARKER, DIGEST_LABEL, csvHeader } from './meta.js';
import { PLACEHOLDER } from './seal.js';

/** A column's name and its cell for a version of a review, given the review's number on its case. */
type Column = readonly [string, (v: ReviewVersion, r: Review, n: number | null) => string | number | null];
type SnapshotColumn = readonly [string, (s: ReviewSnapshot) => string | number | null];

/** One row per version of each review, so amendments and withdrawals stay visible. */
const leading: readonly Column[] = [
  ['crn', (v) => v.crn],
  ['review id', (v) => v.reviewId],
  ['review number on the case', (_v, _r, n) => n],
  ['version', (v) => v.version],
  ['action', (v) => L.actionLabels[v.action]],
  ['reason for amendment or withdrawal', (v) => v.reason],
  ['current version', (v, r) => (v.version === r.current.version ? 'yes' : 'no')],
  ['counts as evidence', (v, r) => (v.version === r.current.version && r.countsAsEvidence ? 'yes' : 'no')],
  ['review type', (v) => reviewTypeLabels[v.type]],
  ['review date', (v) => v.date],
  ['SPO', (v) => L.spo(v)],
  ['prompted by', (v) => L.triggers(v)],
];

/** What the SPO saw: the same for every version of a review, so written once per review. */
const seen: readonly SnapshotColumn[] = [
  ['practitioner', (s) => s.practitioner.name],
  ['practitioner staff code', (s) => s.practitioner.staffCode],
  ['practitioner grade', (s) => L.grade(s)],
  ['team code', (s) => s.team.code],
  ['team', (s) => s.team.name],
  ['PDU', (s) => s.team.pduName],
  ['RoSH (OASys)', (s) => L.oasysRosh(s)],
  ['effective RoSH', (s) => L.effectiveRosh(s)],
  ['MAPPA category', (s) => L.mappaCategory(s)],
  ['MAPPA level', (s) => L.mappaLevel(s)],
  ['tier', (s) => s.tier],
  ['active registrations', (s) => L.registrations(s)],
];

const trailing: readonly Column[] = [
  ...checkItems.map((item): Column => [`check: ${checkLabels[item]}`, (v) => L.check(v, item)]),
  ['analysis', (v) => v.analysis],
  ['decision', (v) => v.decision],
  ['actions', (v) => L.actions(v)],
  ['next review date', (v) => v.nextReviewDate],
  ['nDelius contact code', (v) => v.ndelius.contactCode],
  ['nDelius contact ID', (v) => v.ndelius.contactId],
  ['recorded at (UTC)', (v) => v.recordedAt],
  ['recorded by (OS user)', (v) => v.recordedByOs],
  ['recorded by (app user)', (v) => v.recordedBy],
  ['snapshot taken at (UTC)', (v) => v.snapshot.takenAt],
];

export const csvColumns: readonly string[] = [...leading, ...seen, ...trailing].map(([name]) => name);

/** Where the review's actions stand at export: on its current version's row only. */
const actionsNowColumn = 'actions now (current version)';

/**
 * The column header is row 1 and every row after it is a review version, so a spreadsheet's filter
 * and any CSV reader that takes row 1 as the header read the table as it is. The export's metadata
 * follows the data after one empty line (a spreadsheet's automatic filter range stops at a blank
 * row): a row `Export metadata`, then one `label,value` row each, the digest among them; `verify`
 * reads them back from the end (verify.ts), seal.ts adds the digest line last.
 */
export function renderCsv(meta: ExportMeta, reviews: readonly Review[], { actions, numbers }: Pick<LogExtras, 'actions' | 'numbers'>): { body: Buffer; slots: number[] } {
  const parts: string[] = [csvRow([...csvColumns, actionsNowColumn])];
  const seenCells = new WeakMap<ReviewSnapshot, string>();
  for (const r of reviews) {
    const n = numbers.get(r.id) ?? null;
    for (const v of r.versions) {
      let middle = seenCells.get(v.snapshot);
      if (middle === undefined) {
        middle = seen.map(([, value]) => csvCell(value(v.snapshot))).join(',');
        seenCells.set(v.snapshot, middle);
      }
      const before = leading.map(([, value]) => csvCell(value(v, r, n))).join(',');
      const after = trailing.map(([, value]) => csvCell(value(v, r, n))).join(',');
      const now = v.version === r.current.version ? csvCell(actionProgressText(actions.get(r.id) ?? [])) : '';
      parts.push(`${before},${middle},${after},${now}\r\n`);
    }
  }
  parts.push('\r\n', csvRow([CSV_META_MARKER]));
  for (const row of csvHeader(meta)) parts.push(csvRow(row));
  const body = Buffer.from(parts.join(''));
  // The metadata block is the last thing written, so its digest row is the last match in the file.
  const digestRow = Buffer.from(csvRow([DIGEST_LABEL, PLACEHOLDER]));
  const at = body.lastIndexOf(digestRow);
  if (at < 0) throw new Error('the digest placeholder is missing from the metadata rows');
  return { body, slots: [at + digestRow.length - 2 - PLACEHOLDER.length] };
}
