/** What every operation answers: its value, or an error the UI can show. */

export type ErrorCode =
  | 'invalid-input' // the caller sent something the schema or the domain refuses
  | 'not-found'
  | 'conflict' // e.g. another import is already running
  | 'io' // a file could not be read or written
  | 'forbidden' // a host refused the caller: not the app's own page, or no valid token
  | 'internal'; // a bug: the message is generic, details go to the log

export interface OpError {
  code: ErrorCode;
  message: string;
  /** The input field the error is about, when there is one. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: OpError };
