/** The import's limits (caseload-extract.md, "Limits"); injectable so tests can use small ones. */
export interface ImportLimits {
  maxFileBytes: number;
  maxRows: number;
  maxFieldChars: number;
  /** Row errors listed in a report; the rest are counted in `errorsOmitted`. */
  maxErrorsListed: number;
  /**
   * An extract up to this many bytes (a PDU's is about 7 MB) stages in memory: fast, and nothing
   * on disk to encrypt. A larger one stages in an encrypted file beside the database, in bounded
   * memory (staging.ts).
   */
  stageInMemoryBytes: number;
}

export const defaultLimits: ImportLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxRows: 2_000_000,
  maxFieldChars: 10_000,
  maxErrorsListed: 1_000,
  stageInMemoryBytes: 32 * 1024 * 1024,
};
