import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { useAuditKey } from '../audit/key.js';
import { checkDatabase, isDamage, type Health } from '../backup/health.js';
import { readOnlyService } from '../backup/read-only.js';
import { openDatabase, type Db, type OpenOptions } from '../connection.js';
import { DomainError } from '../errors.js';
import { migrate } from '../migrations/index.js';
import type { SigningKeyInput } from '../signing/key.js';
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
}

export interface OpenedService extends Service {
  /**
   * The start-up `quick_check`. When it failed, the database is open read-only: operations that
   * would write (or log) answer an `io` error whose message says what to do.
   */
  health: Health & { readOnly: boolean; message?: string };
}

/** What the user is told when the file is damaged: where it is, what SQLite said, and how to recover. */
export function damagedMessage(path: string, problem: string): string {
  return (
    `the database ${path} is damaged (${problem}). It is open read-only, so nothing more is written to it. ` +
    `Close the app and restore the latest backup: spo-oversight restore BACKUP --db "${path}". ` +
    `Anything recorded after that backup was made must then be recorded again.`
  );
}

/**
 * Opens the database file (creating its folder) and the service over it, after SQLite's
 * `quick_check`: a damaged file is opened read-only rather than migrated or written to.
 */
export function openService(file: string, options: OpenServiceOptions = {}): OpenedService {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const deps = (db: Db) => ({ db, osUser: osUser(), now: options.now ?? (() => new Date()), dataDir: dirname(path), ...(options.signingKey ? { signingKey: options.signingKey } : {}) });
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
  const health = checkDatabase(db, 'quick_check');
  if (health.ok) {
    try {
      if (options.migrate !== false) migrate(db);
    } catch (e) {
      db.close();
      throw e;
    }
    return { ...createService(deps(db)), health: { ...health, readOnly: false } };
  }
  db.close();
  const message = damagedMessage(path, health.problems.join('; '));
  console.error(`[spo-oversight] ${message}`);
  const readOnly = keyed(openDatabase(path, { ...options, readonly: true }));
  return { ...readOnlyService(createService(deps(readOnly)), message), health: { ...health, readOnly: true, message } };
}
