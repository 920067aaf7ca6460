/** What every operation answers: its value, or an error the UI can show. */

export type ErrorCode =
  | 'invalid-input' // the caller sent something the schema or the domain refuses
  | 'not-found'
  | 'conflict' // e.g. another import is already running
  | 'io' // a file could not be read or written
  | 'forbidden' // a host refused the caller: not the app's own page, or no valid token
  | 'internal'; // a bug: the message is generic, details go to the log

/** One field's problem in GOV.UK words, for a form to show beside the field and in its error summary. */
export interface FieldProblem {
  /** The input's path, as the contract names it: `date`, `spo.name`, `actions.0.due`. */
  field: string;
  message: string;
}

export interface OpError {
  code: ErrorCode;
  /** The engine's words, for the CLI and the log (`date: not a calendar date`); a form shows `fields` instead. */
  message: string;
  /** The input field the error is about, when there is one. */
  field?: string;
  /** Each refused field with plain words, when the input was refused field by field. */
  fields?: FieldProblem[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: OpError };
