import type Database from 'better-sqlite3';
import { DomainError } from '../errors.js';
import { m001 } from './001-extract.js';
import { m002 } from './002-settings-reviews.js';
import { m003 } from './003-flags.js';
import { m004 } from './004-audit.js';
import { m005 } from './005-profile.js';
import { m006 } from './006-trend-cache.js';
import { m007 } from './007-audit-samples.js';
import { m008 } from './008-recompute-rules.js';
import { m009 } from './009-queue-triage.js';
import { m010 } from './010-action-events.js';
import { m011 } from './011-trend-totals.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** In order; each file adds one numbered step. Never edit a step that has shipped: add another. */
export const migrations: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011];

export const latestVersion = Math.max(...migrations.map((m) => m.version));

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** A database written by a newer app is refused before anything reads or writes it as this one's. */
export function refuseNewer(db: Database.Database): void {
  const current = schemaVersion(db);
  if (current > latestVersion) {
    throw new DomainError(
      'invalid-input',
      `This database was written by a newer version of SPO Oversight (schema ${current}; this app knows up to ${latestVersion}). Update the app to open it.`,
    );
  }
}

/**
 * Brings the schema up to `target` (default: latest) in one transaction, so a failure leaves the
 * database at the version it had. A database written by a newer app is refused, never downgraded.
 */
export function migrate(db: Database.Database, target: number = latestVersion): void {
  refuseNewer(db);
  const current = schemaVersion(db);
  if (current >= target) return;
  db.transaction(() => {
    for (const m of migrations) {
      if (m.version > current && m.version <= target) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
    }
  })();
}
