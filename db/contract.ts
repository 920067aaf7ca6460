/**
 * The one contract between the engine and everything that calls it (CLI, Electron IPC, the
 * preview host, the renderer). Operation names exist only here. This file must stay pure — no
 * Node, no Electron, no DOM — because the renderer imports its types and schemas
 * (tsconfig.web.json type-checks it without Node types, and lint forbids Node imports).
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Results crossing the boundary

export type ErrorCode =
  | 'invalid-input' // the caller sent something the schema or the domain refuses
  | 'not-found'
  | 'conflict' // e.g. another import is already running
  | 'io' // a file could not be read or written
  | 'internal'; // a bug: the message is generic, details go to the log

export interface OpError {
  code: ErrorCode;
  message: string;
  /** The input field the error is about, when there is one. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: OpError };

// ---------------------------------------------------------------------------------------------
// Shared shapes

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');

export const extractKinds = ['cases', 'registrations', 'contacts', 'staff', 'needs'] as const;
export type ExtractKind = (typeof extractKinds)[number];

export const scales = ['pdu', 'region', 'national'] as const;
export type Scale = (typeof scales)[number];

// ---------------------------------------------------------------------------------------------
// Import (caseload-extract.md; report format from cli.md)

export interface ImportFileReport {
  name: string;
  kind: ExtractKind | null;
  sha256: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | string;
  rows: number;
}

export interface RowError {
  file: string;
  line?: number;
  column?: string;
  reason: string;
}

export interface ImportWarning {
  file: string;
  reason: string;
}

export interface ImportReport {
  dryRun: boolean;
  committed: boolean;
  alreadyImported: boolean;
  files: ImportFileReport[];
  cases: { new: number; updated: number; unchanged: number; leftCaseload: number };
  rows: { registrations: number; contacts: number; staff: number; needs: number };
  /** Rows refused by validation (each may carry several errors). */
  rejected: number;
  errors: RowError[];
  /** Errors beyond the first `errors.length` that were counted but not listed. */
  errorsOmitted: number;
  warnings: ImportWarning[];
  unknownColumns: { file: string; columns: string[] }[];
  /**
   * Set when a file is not valid UTF-8 and looks like Windows-1252: the user must confirm the
   * encoding (`encoding: 'windows-1252'`) after seeing these characters.
   */
  encodingQuestion?: { file: string; encoding: 'windows-1252'; characters: { char: string; line: number }[] }[];
  /** The import log entry written by a commit or a refused commit attempt. */
  importId?: number;
}

export const importInput = z.object({
  /** A folder holding the extract's CSV files, or the files themselves. */
  paths: z.array(z.string().min(1, 'a path is empty')).min(1, 'name a folder or at least one CSV file'),
  /** Confirms the encoding of files that are not UTF-8. Only Windows-1252 is accepted. */
  encoding: z.literal('windows-1252').optional(),
  /** Import the valid rows and skip the rejected ones (recorded in the import log). */
  skipInvalid: z.boolean().default(false),
});

export interface CaseloadSummary {
  casesInCaseload: number;
  casesLeft: number;
  staff: number;
  teams: number;
  lastImport: { id: number; at: string; user: string; files: number; outcome: string } | null;
}

export const demoInput = z.object({
  seed: z.number().int().min(0).default(1),
  asOf: isoDate.optional(),
});

export interface DemoSummary {
  dir: string;
  report: ImportReport;
}

// ---------------------------------------------------------------------------------------------
// The operations

export const inputs = {
  'import:preview': importInput,
  'import:commit': importInput,
  'caseload:summary': z.object({}),
  'demo:load': demoInput,
} as const;

export interface Results {
  'import:preview': ImportReport;
  'import:commit': ImportReport;
  'caseload:summary': CaseloadSummary;
  'demo:load': DemoSummary;
}

export type Operation = keyof typeof inputs & keyof Results;
export type InputOf<O extends Operation> = z.input<(typeof inputs)[O]>;
export type ParsedInputOf<O extends Operation> = z.output<(typeof inputs)[O]>;
export type ResultOf<O extends Operation> = Results[O];

export const operations = Object.keys(inputs) as Operation[];
export { isoDate };
