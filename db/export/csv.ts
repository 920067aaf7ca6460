import { checkItems, type ExportMeta, type Review, type ReviewSnapshot, type ReviewVersion } from '../contract/index.js';
import { actionProgressText, checkLabels, reviewTypeLabels } from '../contract/words/index.js';
import type { ActionsNow } from './export-log.js';
import { csvCell, csvRow } from './csv-cell.js';
import * as L from './labels.js';
import { csvHeader } from './meta.js';
import { PLACEHOLDER } from './seal.js';

type Column = readonly [string, (v: ReviewVersion, r: Review) => string | number | null];
type SnapshotColumn = readonly [string, (s: ReviewSnapshot) => string | number | null];

/** One row per version of each review, so amendments and withdrawals stay visible. */
const leading: readonly Column[] = [
  ['crn', (v) => v.crn],
  ['review id', (v) => v.reviewId],
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

export function renderCsv(meta: ExportMeta, reviews: readonly Review[], actions: ActionsNow = new Map()): { body: Buffer; slots: number[] } {
  const parts: string[] = [];
  let slot = -1;
  let length = 0;
  const push = (s: string) => {
    parts.push(s);
    length += Buffer.byteLength(s);
  };
  for (const [label, value] of csvHeader(meta)) {
    if (value === PLACEHOLDER) {
      const row = csvRow([label, value]);
      slot = length + Buffer.byteLength(row) - 2 - PLACEHOLDER.length;
      push(row);
    } else push(csvRow([label, value]));
  }
  push('\r\n');
  push(csvRow([...csvColumns, actionsNowColumn]));
  const seenCells = new WeakMap<ReviewSnapshot, string>();
  for (const r of reviews) {
    for (const v of r.versions) {
      let middle = seenCells.get(v.snapshot);
      if (middle === undefined) {
        middle = seen.map(([, value]) => csvCell(value(v.snapshot))).join(',');
        seenCells.set(v.snapshot, middle);
      }
      const before = leading.map(([, value]) => csvCell(value(v, r))).join(',');
      const after = trailing.map(([, value]) => csvCell(value(v, r))).join(',');
      const now = v.version === r.current.version ? csvCell(actionProgressText(actions.get(r.id) ?? [])) : '';
      parts.push(`${before},${middle},${after},${now}\r\n`);
    }
  }
  return { body: Buffer.from(parts.join('')), slots: [slot] };
}
