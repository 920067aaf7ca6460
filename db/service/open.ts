import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { useAuditKey } from '../audit/key.js';
import type { BackgroundCheck } from '../backup/background-check.js';
import { waitsForCheck } from '../backup/check-gate.js';
import { checkDatabase, isDamage, type Health } from '../backup/health.js';
import { readOnlyService } from '../backup/read-only.js';
import { keyOf, openDatabase, type Db, type OpenOptions } from '../connection.js';
import type { CheckState, HealthStatus } from '../contract/index.js';
import { DomainError } from '../errors.js';
import { latestVersion, migrate, refuseNewer, schemaVersion } from '../migrations/index.js';
import type { SigningKeyInput } from '../signing/key.js';
import { workerSweep } from '../team/parallel-sweep.js';
import type { CheckSource } from './health.js';
import { createService, type Service } from './index.js';

/** The operating-system account, which the logs record beside the app user (DPA 2018 s.62). */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    // Some containers have no passwd entry for the uid.
    return process.env.USER ?? process.env.USERNAME ?? `uid ${process.getuid?.() ?? 'unknown'}`;
  }
}

export interface OpenServiceOptions extends OpenOptions {
  now?: () => Date;
  /**
   * The audit chain's 32-byte HMAC key, kept by the host (the desktop app, in the OS key store).
   * Without it the key comes from the database's key file (db/audit/key.ts).
   */
  auditKey?: Buffer;
  /**
   * The export signing key (an Ed25519 private key, PKCS#8 as PEM or DER bytes), kept by the host
   * (the desktop app, in the OS key store). Passed to the handlers as `deps.signingKey`; without
   * it the key comes from the database's key file (`keyFilePath(db, 'signing-key')`).
   */
  signingKey?: SigningKeyInput;
  /**
   * When SQLite's `quick_check` (a read of the whole file: 10–20 s for a national database) runs:
   * `now`, before this returns (the default); `skip`, not at all (the CLI, when nothing calls for
   * it: cli/check-policy.ts); or in the background (the desktop app and the preview host, in a
   * worker thread), while reads are answered and writes wait for it (backup/check-gate.ts). A
   * database that needs migrating is checked first whatever this says, since migrating writes.
   */
  startupCheck?: 'now' | 'skip' | BackgroundCheck;
  /**
   * The bundled trend-sweep worker (dist/sweep-worker.mjs beside the preview host and the CLI,
   * dist/electron/sweep-worker.mjs beside the Electron main): with it, a national trend chart's
   * first computation runs on two cores (db/team/parallel-sweep.ts); without it, in this thread.
   */
  trendWorker?: URL | string;
}

export type StartupHealth = Health & {
  state: CheckState;
  /** When the check failed: the database is open read-only and `message` says what to do. */
  readOnly: boolean;
  message?: string;
};

export interface OpenedService extends Service {
  /**
   * The start-up check as it stands. When it failed, the database is open read-only: operations
   * that would write (or log) answer an `io` error whose message says what to do.
   */
  readonly health: StartupHealth;
  /** Resolves once the check has finished (at once when it ran before opening, or does not run). */
  readonly checked: Promise<StartupHealth>;
  /**
   * Runs the check now, in this thread (the CLI, after an import): on a failure the service
   * switches to read-only, as at start-up.
   */
  checkNow(): StartupHealth;
}

/** What the user is told when the file is damaged: where it is, what SQLite said, and how to recover. */
export function damagedMessage(path: string, problem: string): string {
  return (
    `the database ${path} is damaged (${problem}). It is open read-only, so nothing more is written to it. ` +
    `Close the app and restore the latest backup: spo-oversight restore BACKUP --db "${path}". ` +
    `Anything recorded after that backup was made must then be recorded again.`
  );
}

const statusOf = (h: StartupHealth): HealthStatus => ({
  state: h.state,
  message: h.message ?? null,
  ms: h.state === 'passed' || h.state === 'failed' ? h.ms : null,
});

/**
 * Opens the database file (creating its folder) and the service over it. SQLite's `quick_check`
 * runs when `startupCheck` says; a damaged file is opened read-only rather than migrated or
 * written to — at once, or as soon as the background check finds the damage.
 */
export function openService(file: string, options: OpenServiceOptions = {}): OpenedService {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const mode = options.startupCheck ?? 'now';
  let health: StartupHealth = { ok: true, problems: [], ms: 0, state: mode === 'skip' ? 'not-run' : 'checking', readOnly: false };
  let settle: (h: StartupHealth) => void = () => undefined;
  const checked = new Promise<StartupHealth>((r) => {
    settle = r;
  });
  const source: CheckSource = { status: () => statusOf(health), settled: checked.then(statusOf) };
  const deps = (db: Db) => ({
    db,
    osUser: osUser(),
    now: options.now ?? (() => new Date()),
    dataDir: dirname(path),
    startupCheck: source,
    ...(options.signingKey ? { signingKey: options.signingKey } : {}),
    ...(options.trendWorker ? { trendSweep: workerSweep(options.trendWorker, { nativeBinding: options.nativeBinding }) } : {}),
  });
  // Given as soon as the connection is open, before anything (a migration) reads or writes the audit log.
  const keyed = (db: Db): Db => {
    if (options.auditKey) useAuditKey(db, options.auditKey);
    return db;
  };
  let db: Db;
  try {
    db = keyed(openDatabase(path, { ...options, migrate: false }));
  } catch (e) {
    // Not even the header reads: there is nothing to show read-only.
    if (isDamage(e)) throw new DomainError('io', damagedMessage(path, (e as Error).message));
    throw e;
  }

  // The service answering now: read-write over `db`, or read-only once a check has failed. A
  // read-write service replaced mid-call closes when its last call has answered.
  let current: Service;
  let currentDb = db;
  let inFlight = 0;
  let retiring: Service | null = null;
  const abort = new AbortController();

  const fail = (h: Health): void => {
    const message = damagedMessage(path, h.problems.join('; '));
    console.error(`[spo-oversight] ${message}`);
    health = { ...h, state: 'failed', readOnly: true, message };
    const readOnly = keyed(openDatabase(path, { ...options, readonly: true }));
    retiring = current;
    current = readOnlyService(createService(deps(readOnly)), message);
    currentDb = readOnly;
    if (inFlight === 0) closeRetiring();
  };
  const closeRetiring = () => {
    retiring?.close();
    retiring = null;
  };
  // Once read-only, it stays so for the run: a later check that passes does not make it writable.
  const finish = (h: Health): StartupHealth => {
    if (health.state === 'failed') return health;
    if (h.ok) health = { ...h, state: 'passed', readOnly: false };
    else fail(h);
    return health;
  };

  if (options.migrate !== false) {
    try {
      refuseNewer(db);
    } catch (e) {
      db.close();
      throw e;
    }
  }
  const migrating = options.migrate !== false && schemaVersion(db) < latestVersion;
  if (mode === 'now' || migrating) {
    const h = checkDatabase(db, 'quick_check');
    if (!h.ok) {
      db.close();
      current = { call: () => Promise.reject(new Error('not open')), close: () => undefined };
      fail(h);
      retiring = null;
    } else health = { ...h, state: 'passed', readOnly: false };
  }
  if (health.state !== 'failed') {
    try {
      if (migrating) migrate(db);
    } catch (e) {
      db.close();
      throw e;
    }
    current = createService(deps(db));
  }
  if (health.state === 'checking' && typeof mode === 'function') {
    const key = keyOf(db);
    mode({ file: path, key: key ? new Uint8Array(key.key) : null, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) }, abort.signal).then(
      (h) => {
        if (!abort.signal.aborted) settle(finish(h));
      },
      (e: unknown) => {
        if (abort.signal.aborted) return;
        // The worker could not run (a missing file in a build, say): the check still runs, here.
        console.error(`[spo-oversight] the background database check could not run (${e instanceof Error ? e.message : String(e)}); checking in the main thread instead`);
        settle(finish(checkDatabase(currentDb, 'quick_check')));
      },
    );
  } else settle(health);

  return {
    get health() {
      return health;
    },
    checked,
    checkNow: () => finish(checkDatabase(currentDb, 'quick_check')),
    call: async (op, input, ctx) => {
      if (health.state === 'checking' && waitsForCheck(op)) await checked;
      const service = current;
      const counted = service !== retiring;
      if (counted) inFlight++;
      try {
        return await service.call(op, input, ctx);
      } finally {
        if (counted) inFlight--;
        if (retiring && inFlight === 0) closeRetiring();
      }
    },
    close: () => {
      abort.abort();
      closeRetiring();
      current.close();
    },
  };
}
