/** The import's limits (caseload-extract.md, "Limits"); injectable so tests can use small ones. */
export interface ImportLimits {
  maxFileBytes: number;
  maxRows: number;
  maxFieldChars: number;
  /** Row errors listed in a report; the rest are counted in `errorsOmitted`. */
  maxErrorsListed: number;
}

export const defaultLimits: ImportLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxRows: 2_000_000,
  maxFieldChars: 10_000,
  maxErrorsListed: 1_000,
};
