import type { z } from 'zod';
import { fieldProblems, inputs, type Operation, type Result, type ResultOf } from '../contract/index.js';
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
 * Whether a call answered without writing the audit entries its operation must have (a handler
 * that skipped the unit of work): such an answer is withheld, since what is not logged is not shown.
 */
export type Unlogged = (op: Operation, call: CallContext) => boolean;

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
  unlogged?: Unlogged,
): Promise<Result<ResultOf<O>>> {
  if (!Object.hasOwn(inputs, op)) {
    return { ok: false, error: { code: 'invalid-input', message: `unknown operation: ${op}` } };
  }
  const parsed = inputs[op].safeParse(input);
  if (!parsed.success) {
    // The first issue in the engine's words (the CLI prints it); every field's in plain words for a form.
    return { ok: false, error: { code: 'invalid-input', ...describeIssues(parsed.error), fields: fieldProblems(op, parsed.error) } };
  }
  try {
    const handler = handlers[op];
    // One context per call, so the unit of work can say whether this call ran it.
    const call: CallContext = { ...ctx };
    // The map is keyed by operation, so this handler takes exactly this operation's parsed input.
    const value = await (handler as (i: unknown, c: CallContext) => Promise<ResultOf<O>>)(parsed.data, call);
    if (unlogged?.(op, call)) throw new Error(`${op} answered without writing its audit entries`);
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
