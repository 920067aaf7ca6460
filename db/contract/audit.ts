/** The audit log (DPA 2018 s.62). */
import { z } from 'zod';
import { exportFileField, type ChainHead } from './export.js';
import { crnField, isoDate } from './fields.js';

export const s62Operations = ['collection', 'alteration', 'consultation', 'disclosure', 'combination', 'erasure'] as const;
export type S62Operation = (typeof s62Operations)[number];

export interface AuditEntry {
  id: number;
  /** UTC ISO timestamp. */
  at: string;
  operation: S62Operation;
  /** The contract operation (`reviews:record`) or command that did it. */
  op: string;
  osUser: string;
  appUser: string | null;
  crns: string[];
  justification: string | null;
  recipients: string[];
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export const auditVerifyInput = z.object({
  /** An export whose recorded chain head must still be in the log (detects a truncated tail). */
  against: exportFileField().optional(),
});

export interface AuditVerification {
  intact: boolean;
  entries: number;
  head: ChainHead | null;
  firstBroken?: { id: number; reason: string };
  against?: { path: string; chainHead: ChainHead | null; disclosureEntryId: number | null };
  /** The signed checkpoints written at each export and backup (db/audit/checkpoints.ts): how many held, how many a restore declared rolled back. */
  checkpoints?: { checked: number; rolledBack: number };
}

export const auditListInput = z.object({
  operation: z.enum(s62Operations).optional(),
  /** The contract operation or command that wrote the entry, e.g. `reviews:record`. */
  op: z.string().trim().min(1).max(60).optional(),
  /** The OS user or the app user. */
  user: z.string().trim().min(1).max(200).optional(),
  crn: crnField.optional(),
  /** UTC dates, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[];
  total: number;
  offset: number;
  limit: number;
}

export const auditInputs = {
  'audit:verify': auditVerifyInput,
  'audit:list': auditListInput,
} as const satisfies Record<keyof AuditResults, z.ZodType>;

export interface AuditResults {
  'audit:verify': AuditVerification;
  'audit:list': AuditPage;
}
