import type { ExtractKind, Scale } from '../contract/index.js';

export interface GenerateOptions {
  /** Created if missing; the files are written there. */
  outDir: string;
  scale: Scale;
  /** The same seed, scale and asOf give byte-identical files. */
  seed: number;
  /** 'YYYY-MM-DD'. Every date is relative to it and no event is dated after it. */
  asOf: string;
  /** Called at the start and end of each phase and every 50,000 cases in between. */
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
}

export interface GeneratedFile {
  name: string;
  kind: ExtractKind;
  rows: number;
  bytes: number;
}

export interface GenerateSummary {
  outDir: string;
  scale: string;
  seed: number;
  asOf: string;
  cases: number;
  staff: number;
  files: GeneratedFile[];
}
