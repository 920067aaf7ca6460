/** Importing an extract and the caseload it makes (caseload-extract.md; report format from cli.md). */
import { z } from 'zod';
import { isoDate } from './fields.js';
import { pathField } from './path-fields.js';

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
  /** utf-8, utf-8-bom or windows-1252 for a file that was read; what was detected otherwise. */
  encoding: string;
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
  paths: z
    .array(pathField({ access: 'read', kind: 'folder-or-files', extensions: ['csv'] }, z.string().min(1, 'a path is empty')))
    .min(1, 'name a folder or at least one CSV file'),
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

/** The teams and practitioners in the caseload, for the queue's filters. */
export interface CaseloadTeams {
  teams: { code: string; name: string | null; practitioners: { staffCode: string; name: string }[] }[];
}

export const demoInput = z.object({
  seed: z.number().int().min(0).default(1),
  asOf: isoDate.optional(),
});

export interface DemoSummary {
  dir: string;
  report: ImportReport;
}

export const importInputs = {
  'import:preview': importInput,
  'import:commit': importInput,
  'caseload:summary': z.object({}),
  'caseload:teams': z.object({}),
  'demo:load': demoInput,
} as const satisfies Record<keyof ImportResults, z.ZodType>;

export interface ImportResults {
  'import:preview': ImportReport;
  'import:commit': ImportReport;
  'caseload:summary': CaseloadSummary;
  'caseload:teams': CaseloadTeams;
  'demo:load': DemoSummary;
}
