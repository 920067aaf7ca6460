import type { z } from 'zod';
import { inputs, type Operation, type ParsedInputOf, type Result, type ResultOf } from '../contract/index.js';
import { DomainError } from '../errors.js';
import type { CallContext, Handlers } from './types.js';

/** Turns a zod failure into one line naming the field, e.g. `paths: name a folder or at least one CSV file`. */
export function describeIssues(error: z.ZodError): { message: string; field?: string } {
  const first = error.issues[0];
  if (!first) return { message: 'invalid input' };
  const field = first.path.map(String).join('.');
  return field ? { message: `${field}: ${first.message}`, field } : { message: first.message };
}

/**
 * Called after a handler succeeds, to write the DPA 2018 s.62 audit entries (db/service/audit.ts).
 * If it throws, the caller gets the error instead of the result: what cannot be logged is not shown.
 */
export type AuditHook = <O extends Operation>(op: O, input: ParsedInputOf<O>, result: ResultOf<O>, ctx: CallContext) => void;

/**
 * The boundary every caller goes through (CLI, IPC, preview host): validates the input against
 * the contract, runs the handler, and answers a Result — never a thrown error.
 */
export async function dispatch<O extends Operation>(
  handlers: Handlers,
  op: O,
  /** Unknown on purpose: IPC and HTTP callers send anything; the schema decides. */
  input: unknown,
  ctx: CallContext = {},
  audit?: AuditHook,
): Promise<Result<ResultOf<O>>> {
  if (!Object.hasOwn(inputs, op)) {
    return { ok: false, error: { code: 'invalid-input', message: `unknown operation: ${op}` } };
  }
  const parsed = inputs[op].safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-input', ...describeIssues(parsed.error) } };
  }
  try {
    const handler = handlers[op];
    // The map is keyed by operation, so this handler takes exactly this operation's parsed input.
    const value = await (handler as (i: unknown, c: CallContext) => Promise<ResultOf<O>>)(parsed.data, ctx);
    audit?.(op, parsed.data as ParsedInputOf<O>, value, ctx);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof DomainError) {
      return { ok: false, error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
    }
    // A bug, not bad input: keep the stack out of the UI but not out of the log.
    console.error(`[spo-oversight] ${op} failed:`, e);
    return { ok: false, error: { code: 'internal', message: `${op} failed unexpectedly; the details are in the application log` } };
  }
}
