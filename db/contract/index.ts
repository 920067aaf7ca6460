/**
 * The one contract between the engine and everything that calls it (CLI, Electron IPC, the
 * preview host, the renderer), merged from one file per domain. Everything under db/contract/
 * stays pure — zod and each other, no Node, no Electron, no DOM — because the renderer imports it
 * (tsconfig.web.json type-checks it without Node types, and lint forbids other imports).
 */
import type { z } from 'zod';
import { actionsInputs, type ActionsResults } from './actions.js';
import { auditInputs, type AuditResults } from './audit.js';
import { casesInputs, type CasesResults } from './cases.js';
import { exportInputs, type ExportResults } from './export.js';
import { flagsInputs, type FlagsResults } from './flags.js';
import { healthInputs, type HealthResults } from './health.js';
import { importInputs, type ImportResults } from './import.js';
import type { OperationName } from './operations.js';
import { profileInputs, type ProfileResults } from './profile.js';
import { reviewsInputs, type ReviewsResults } from './reviews.js';
import { sampleInputs, type SampleResults } from './sample.js';
import { settingsInputs, type SettingsResults } from './settings.js';
import { teamInputs, type TeamResults } from './team.js';
import { trendsInputs, type TrendsResults } from './trends.js';

export * from './actions.js';
export * from './audit.js';
export * from './bridge.js';
export * from './cases.js';
export * from './date-parts.js';
export * from './dates.js';
export * from './export.js';
export { isoDate } from './fields.js';
export * from './field-problems.js';
export * from './flags.js';
export * from './health.js';
export * from './import.js';
export * from './limits.js';
export * from './operations.js';
export * from './path-fields.js';
export * from './profile.js';
export * from './result.js';
export * from './reviews.js';
export * from './rules.js';
export * from './sample.js';
export * from './settings.js';
export * from './team.js';
export * from './trends.js';
export * from './words/index.js';

export type Results = ImportResults &
  FlagsResults &
  CasesResults &
  SettingsResults &
  ReviewsResults &
  ExportResults &
  AuditResults &
  ProfileResults &
  TeamResults &
  TrendsResults &
  SampleResults &
  ActionsResults &
  HealthResults;

export const inputs = {
  ...importInputs,
  ...flagsInputs,
  ...casesInputs,
  ...settingsInputs,
  ...reviewsInputs,
  ...actionsInputs,
  ...exportInputs,
  ...auditInputs,
  ...profileInputs,
  ...teamInputs,
  ...trendsInputs,
  ...sampleInputs,
  ...healthInputs,
} as const satisfies Record<keyof Results, z.ZodType>;

/** A, once checked to name nothing missing from B. */
type Within<A extends B, B> = A;
/** T, once every check in the list has compiled. */
type Checked<T, _Checks extends readonly unknown[]> = T;
type InputNames = keyof typeof inputs;

/**
 * The input map, the result map and operationNames name exactly the same operations: each
 * `Within` fails to compile when its first list names one missing from its second, so an operation
 * left out of one map is an error here rather than silently dropped.
 */
export type Operation = Checked<
  InputNames,
  [Within<InputNames, keyof Results>, Within<keyof Results, InputNames>, Within<OperationName, InputNames>, Within<InputNames, OperationName>]
>;
export type InputOf<O extends Operation> = z.input<(typeof inputs)[O]>;
export type ParsedInputOf<O extends Operation> = z.output<(typeof inputs)[O]>;
export type ResultOf<O extends Operation> = Results[O];
