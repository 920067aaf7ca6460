/** The oversight log export and its digest. */
import { z } from 'zod';
import { isoDate, optionalText } from './fields.js';
import { pathField } from './path-fields.js';

export const exportFormats = ['csv', 'pdf', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportFiltersSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** The team that held the case when it was reviewed (from the review's snapshot). */
  team: z.string().trim().toUpperCase().min(1).max(20).optional(),
  /** The practitioner's staff code when the case was reviewed. */
  practitioner: z.string().trim().toUpperCase().min(1).max(20).optional(),
  /** A rule id among the review's triggers. */
  rule: z.string().trim().toUpperCase().min(1).max(40).optional(),
});
export type ExportFilters = z.output<typeof exportFiltersSchema>;

export const logExportInput = exportFiltersSchema
  .extend({
    format: z.enum(exportFormats).default('csv'),
    /** The file to write (replaced if it exists). */
    out: pathField({ access: 'write', kind: 'file', extensions: exportFormats, extensionField: 'format' }, z.string({ error: 'required' }).min(1, 'required')),
    /** Why the log is disclosed (DPA 2018 s.62 justification). */
    purpose: optionalText(200).optional(),
    /** Who it is disclosed to. */
    recipient: optionalText(120).optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'must not be after to', path: ['from'] });

export interface ChainHead {
  /** The audit log entry that was the last when the export was made. */
  id: number;
  hash: string;
}

/** The header block of an export; `verify` reads it back from the file. */
export interface ExportMeta {
  format: ExportFormat;
  title: string;
  exportedBy: { osUser: string; appUser: string | null };
  /** UTC ISO timestamp. */
  exportedAt: string;
  filters: ExportFilters;
  purpose: string | null;
  recipient: string | null;
  appVersion: string;
  /** Review versions: one row each. */
  rowCount: number;
  reviewCount: number;
  caseCount: number;
  chainHead: ChainHead | null;
  /**
   * The installation key that signed the export (db/signing/key.ts); absent from exports made
   * before exports were signed.
   */
  signingKey?: SigningKeyRef;
}

/** An Ed25519 public key as an export names it. */
export interface SigningKeyRef {
  /** The SubjectPublicKeyInfo DER in base64: the body of its PEM. */
  publicKey: string;
  /** The first 16 bytes of SHA-256 over that DER, as 32 hex digits in groups of four. */
  fingerprint: string;
}

export interface ExportResult {
  path: string;
  format: ExportFormat;
  /** SHA-256, lower-case hex; also written in the file (see db/export/seal.ts). */
  digest: string;
  rowCount: number;
  reviewCount: number;
  chainHead: ChainHead | null;
  /** The fingerprint of the key that signed it. */
  fingerprint: string;
  /** The cases disclosed, for the audit log. */
  crns: string[];
}

/** An exported file, read to check it: a CSV, PDF or JSON export. */
export const exportFileField = () => pathField({ access: 'read', kind: 'file', extensions: exportFormats }, z.string({ error: 'required' }).min(1, 'required'));

export const logVerifyInput = z.object({ path: exportFileField() });

/**
 * Who signed an export, as verify finds it:
 * - `this-installation`: a signature that matches, by this installation's own key;
 * - `trusted-key`: a signature that matches, by a public key the reader named as trusted;
 * - `other-key`: a signature that matches, by some other key, named by its fingerprint. Anyone can
 *   make a key, so this shows only that whoever holds that key signed these bytes;
 * - `unsigned`: no signature (exports made before signing, or one whose signature was removed);
 * - `bad-signature`: a signature that does not match the bytes: the file changed since export.
 */
export const signatureStatuses = ['this-installation', 'trusted-key', 'other-key', 'unsigned', 'bad-signature'] as const;
export type SignatureStatus = (typeof signatureStatuses)[number];

export interface ExportSignature {
  status: SignatureStatus;
  /** The fingerprint of the key the file names, when it names one. */
  fingerprint?: string;
}

export interface ExportVerification {
  /** True only when the digest holds and the file is signed by this installation or a trusted key. */
  intact: boolean;
  signature: ExportSignature;
  /** Why it is not intact. */
  reason?: string;
  format?: ExportFormat;
  digest?: string;
  /** The header block, read back from an intact file. */
  meta?: ExportMeta;
  /** The audit log entry recording this export's disclosure, when the database holds one. */
  disclosureEntryId?: number;
}

export const exportInputs = {
  'log:export': logExportInput,
  'log:verify': logVerifyInput,
} as const satisfies Record<keyof ExportResults, z.ZodType>;

export interface ExportResults {
  'log:export': ExportResult;
  'log:verify': ExportVerification;
}
