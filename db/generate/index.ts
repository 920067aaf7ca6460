/**
 * The synthetic caseload generator: writes the five CSV files of caseload-extract.md for an
 * invented PDU, region or country, deterministic for a seed. No real person's data, ever.
 */
import { runGenerator } from './generator.js';
import type { GenerateOptions, GenerateSummary } from './types.js';

export type { GeneratedFile, GenerateOptions, GenerateSummary } from './types.js';

export async function generateExtract(opts: GenerateOptions): Promise<GenerateSummary> {
  return runGenerator(opts);
}
