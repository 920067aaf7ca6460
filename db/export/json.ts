import type { ExportMeta, Review } from '../contract/index.js';
import type { LogExtras } from './export-log.js';
import { HOW_TO_CHECK } from './meta.js';
import { MARKING, TITLE } from './labels.js';
import { PLACEHOLDER } from './seal.js';

/** The line that follows the header: `verify` reads the header alone, up to it. */
export const REVIEWS_START = '\n  "reviews": [\n';

/**
 * The log as one JSON document: the header (ExportMeta with the digest), pretty-printed, then each
 * review with all its versions, one review a line. The body ends with `,\n`: seal.ts adds the
 * `"digest"` member and signature.ts the `"signature"` member with the closing brace, so the file
 * is valid JSON.
 */
export function renderJson(meta: ExportMeta, reviews: readonly Review[], { actions, numbers }: Pick<LogExtras, 'actions' | 'numbers'>): { body: Buffer; slots: number[] } {
  const head = JSON.stringify({ title: TITLE, marking: MARKING, header: { ...meta, digest: PLACEHOLDER, howToCheck: HOW_TO_CHECK } }, null, 2);
  const marker = `"digest": "${PLACEHOLDER}"`;
  const at = head.indexOf(marker);
  if (at < 0) throw new Error('the digest placeholder is missing from the header');
  const lines = reviews.map((r) =>
    JSON.stringify({ id: r.id, crn: r.crn, numberOnCase: numbers.get(r.id) ?? null, withdrawn: r.withdrawn, countsAsEvidence: r.countsAsEvidence, versions: r.versions, actionsNow: actions.get(r.id) ?? [] }),
  );
  // `head` ends with "\n}": drop the brace and continue the object.
  const text = `${head.slice(0, -2)},${REVIEWS_START}${lines.join(',\n')}${lines.length ? '\n' : ''}  ],\n`;
  return { body: Buffer.from(text), slots: [Buffer.byteLength(head.slice(0, at)) + marker.length - 1 - PLACEHOLDER.length] };
}
