import type { Operation, ParsedInputOf, ResultOf } from '../contract.js';
import type { Db } from '../connection.js';

export interface Progress {
  phase: string;
  done: number;
  total: number;
}

/** Per-call context: who is calling, and where long work reports progress. */
export interface CallContext {
  onProgress?: (p: Progress) => void;
}

export interface ServiceDeps {
  db: Db;
  /** The operating-system account, recorded beside the app user in every log. */
  osUser: string;
  /** Injected so tests and the as-of default are deterministic. */
  now: () => Date;
  /** Where the engine may write its own files (demo extracts). */
  dataDir: string;
}

export type Handler<O extends Operation> = (input: ParsedInputOf<O>, ctx: CallContext) => Promise<ResultOf<O>>;

export type Handlers = { [O in Operation]: Handler<O> };
