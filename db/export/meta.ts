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
  // Absent from exports made before signing; verify checks the key against the signature.
  signingKey: z.object({ publicKey: z.string().regex(/^[A-Za-z0-9+/]+=*$/), fingerprint: z.string() }).optional(),
}) satisfies z.ZodType<ExportMeta>;

export const HOW_TO_CHECK =
  'The Ed25519 signature on the last line covers every byte before it; the signing key is named here by its public key and fingerprint. ' +
  'The SHA-256 digest covers every byte but its own line and the signature line, with the digest shown here read as 64 zeros. ' +
  'Check it with: spo-oversight verify FILE --trust SENDER-KEY.pem, or with OpenSSL as the app\'s README shows. ' +
  'With the database: spo-oversight audit verify --against FILE also shows that no audit entry since the export has been removed.';

/** The row that opens the CSV's metadata block, after the data and one empty line. */
export const CSV_META_MARKER = 'Export metadata';
export const DIGEST_LABEL = 'SHA-256 digest';
export const FINGERPRINT_LABEL = 'signing key fingerprint';
export const PUBLIC_KEY_LABEL = 'signing public key (Ed25519, PEM body)';

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
    [FINGERPRINT_LABEL, m.signingKey?.fingerprint ?? ''],
    [PUBLIC_KEY_LABEL, m.signingKey?.publicKey ?? ''],
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
    ...(v.has(PUBLIC_KEY_LABEL) ? { signingKey: { publicKey: text(PUBLIC_KEY_LABEL), fingerprint: text(FINGERPRINT_LABEL) } } : {}),
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
 * Room for the PDF's header JSON: readers look for %%EOF in the file's last kilobyte, and after it
 * come "%spo-oversight-meta " and this JSON, the digest line (94 bytes, seal.ts) and the signature
 * line (122 bytes, signature.ts).
 */
export const PDF_META_ROOM = 760;

/**
 * The PDF carries its header as a comment line after %%EOF, inside what the digest and the
 * signature cover. The line is kept to PDF_META_ROOM: the users, purpose and recipient are
 * shortened if need be (the title page and the audit log's disclosure entry hold them in full).
 */
export function pdfMetaLine(m: ExportMeta): string {
  const shortened = (room: number) => ({ osUser: fit(m.exportedBy.osUser, room) ?? '', appUser: fit(m.exportedBy.appUser, room) });
  let base: ExportMeta = { ...m, exportedBy: shortened(80), purpose: null, recipient: null };
  // Only the longest filters and names together overflow: then the users give way too.
  const over = asciiJson(base).length - PDF_META_ROOM;
  if (over > 0) base = { ...base, exportedBy: shortened(Math.max(8, 80 - Math.ceil(over / 2))) };
  const room = Math.max(0, PDF_META_ROOM - asciiJson(base).length) / 2;
  const compact: ExportMeta = { ...base, purpose: fit(m.purpose, room), recipient: fit(m.recipient, room) };
  return `%spo-oversight-meta ${asciiJson(compact)}\n`;
}

export const PDF_META = /\n%spo-oversight-meta (\{[^\n]*\})\n$/;
