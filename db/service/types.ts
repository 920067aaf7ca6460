import type { Operation, ParsedInputOf, ResultOf } from '../contract/index.js';
import type { Db } from '../connection.js';
import type { SigningKeyInput } from '../signing/key.js';
import type { TrendSweep } from '../team/parallel-sweep.js';
import type { CheckSource } from './health.js';
import type { UnitOfWork } from './unit-of-work.js';

export interface Progress {
  phase: string;
  done: number;
  total: number;
}

/** Per-call context: who is calling, and where long work reports progress. */
export interface CallContext {
  onProgress?: (p: Progress) => void;
  /** The person signed in to the app, when there is one; logged beside the OS user (DPA 2018 s.62). */
  appUser?: string;
}

export interface ServiceDeps {
  db: Db;
  /** The operating-system account, recorded beside the app user in every log. */
  osUser: string;
  /** Injected so tests and the as-of default are deterministic. */
  now: () => Date;
  /** Where the engine may write its own files (demo extracts). */
  dataDir: string;
  /**
   * Called after a committed write that changes what the rules see for these cases (a review
   * recorded, amended or withdrawn), so their flags refresh at once. Wired to the rules engine in
   * the composition root; db/reviews never imports db/rules.
   */
  onCasesChanged?: (crns: string[]) => void;
  /**
   * This installation's export signing key (Ed25519 PKCS#8 PEM or a KeyObject), when the host keeps
   * it (the desktop app, in the OS key store). Without it the engine finds or makes one by
   * db/signing/key.ts's rules.
   */
  signingKey?: SigningKeyInput;
  /** How the database's start-up check stands, for `health:status`; without it, no check runs. */
  startupCheck?: CheckSource;
  /** How the weekly trends are swept when not cached: in two halves with a worker where the host has one (db/team/parallel-sweep.ts), else in this thread. */
  trendSweep?: TrendSweep;
}

/** What every domain's handlers are built from: the host's deps and the service's unit of work. */
export interface HandlerDeps extends ServiceDeps {
  uow: UnitOfWork;
}

export type Handler<O extends Operation> = (input: ParsedInputOf<O>, ctx: CallContext) => Promise<ResultOf<O>>;

export type Handlers = { [O in Operation]: Handler<O> };
