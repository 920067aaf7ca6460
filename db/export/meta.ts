import { z } from 'zod';
import { exportFiltersSchema, exportFormats, type ExportMeta } from '../contract/index.js';
import { MARKING, TITLE, describeFilters } from './labels.js';
import { PLACEHOLDER } from './seal.js';

/** What `verify` accepts as an export's header once the digest holds. */
export const metaSchema = z.object({
  format: z.enum(exportFormats),
  title: z.string(),
  exportedBy: z.object({ osUser: z.string(), appUser: z.string().nullable() }),
  exportedAt: z.string(),
  filters: exportFiltersSchema,
  purpose: z.string().nullable(),
  recipient: z.string().nullable(),
  appVersion: z.string(),
  rowCount: z.number().int().min(0),
  reviewCount: z.number().int().min(0),
  caseCount: z.number().int().min(0),
  chainHead: z.object({ id: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
}) satisfies z.ZodType<ExportMeta>;

export const HOW_TO_CHECK =
  'The SHA-256 digest covers every byte of this file but its last line, with the digest shown here read as 64 zeros. ' +
  'Check it with: spo-oversight verify FILE. With the database: spo-oversight audit verify --against FILE also shows that no audit entry since the export has been removed.';

/** The row that opens the CSV's metadata block, after the data and one empty line. */
export const CSV_META_MARKER = 'Export metadata';
export const DIGEST_LABEL = 'SHA-256 digest';

/** The CSV's metadata rows, label and value, after the marker row; read back by label. */
export function csvHeader(m: ExportMeta): [string, string][] {
  return [
    [MARKING, TITLE],
    ['exported by (OS user)', m.exportedBy.osUser],
    ['exported by (app user)', m.exportedBy.appUser ?? ''],
    ['exported at (UTC)', m.exportedAt],
    ['filters', describeFilters(m.filters)],
    ['from', m.filters.from ?? ''],
    ['to', m.filters.to ?? ''],
    ['team', m.filters.team ?? ''],
    ['practitioner', m.filters.practitioner ?? ''],
    ['rule', m.filters.rule ?? ''],
    ['purpose', m.purpose ?? ''],
    ['recipient', m.recipient ?? ''],
    ['app version', m.appVersion],
    ['rows (review versions)', String(m.rowCount)],
    ['reviews', String(m.reviewCount)],
    ['cases', String(m.caseCount)],
    ['audit chain head entry', m.chainHead ? String(m.chainHead.id) : ''],
    ['audit chain head hash', m.chainHead?.hash ?? ''],
    [DIGEST_LABEL, PLACEHOLDER],
    ['how to check', HOW_TO_CHECK],
  ];
}

/** The metadata from its rows (the marker row's followers, label and value). */
export function metaFromCsvHeader(rows: readonly (readonly string[])[]): unknown {
  const v = new Map(rows.map((r) => [r[0] ?? '', r[1] ?? '']));
  const text = (label: string) => v.get(label) ?? '';
  const orNull = (label: string) => text(label) || null;
  const orUndefined = (label: string) => text(label) || undefined;
  const head = text('audit chain head entry');
  return {
    format: 'csv',
    title: text(MARKING),
    exportedBy: { osUser: text('exported by (OS user)'), appUser: orNull('exported by (app user)') },
    exportedAt: text('exported at (UTC)'),
    filters: { from: orUndefined('from'), to: orUndefined('to'), team: orUndefined('team'), practitioner: orUndefined('practitioner'), rule: orUndefined('rule') },
    purpose: orNull('purpose'),
    recipient: orNull('recipient'),
    appVersion: text('app version'),
    rowCount: Number(text('rows (review versions)')),
    reviewCount: Number(text('reviews')),
    caseCount: Number(text('cases')),
    chainHead: head ? { id: Number(head), hash: text('audit chain head hash') } : null,
  };
}

/** JSON in ASCII only: the line must not depend on how a reader decodes bytes after %%EOF. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Cuts `s` (marking the cut with …) until its JSON takes at most `room` bytes. */
function fit(s: string | null, room: number): string | null {
  if (s === null || asciiJson(s).length <= room) return s;
  let t = s;
  while (t.length > 0 && asciiJson(`${t}…`).length > room) t = t.slice(0, -1);
  return `${t}…`;
}

/**
 * The PDF carries its header as a comment line after %%EOF, inside what the digest covers. Readers
 * look for %%EOF in the file's last kilobyte, so the line is kept under 800 bytes: the users,
 * purpose and recipient are shortened if need be (the title page and the audit log's disclosure
 * entry hold them in full).
 */
export function pdfMetaLine(m: ExportMeta): string {
  const users = { osUser: fit(m.exportedBy.osUser, 80) ?? '', appUser: fit(m.exportedBy.appUser, 80) };
  const base: ExportMeta = { ...m, exportedBy: users, purpose: null, recipient: null };
  const room = Math.max(0, 800 - asciiJson(base).length) / 2;
  const compact: ExportMeta = { ...base, purpose: fit(m.purpose, room), recipient: fit(m.recipient, room) };
  return `%spo-oversight-meta ${asciiJson(compact)}\n`;
}

export const PDF_META = /\n%spo-oversight-meta (\{[^\n]*\})\n$/;
