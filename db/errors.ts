import type { ErrorCode } from './contract/index.js';

/** A failure the caller can act on; the boundary turns it into `{ ok: false, error }`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** The problem in GOV.UK words for the form showing `field`, when the message is the engine's own. */
    readonly plain?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
