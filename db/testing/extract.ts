import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { migrate } from '../migrations/index.js';
import type { Db } from '../connection.js';

/** Small hand-written extracts for tests: file name → CSV text. */
export type ExtractFiles = Record<string, string | Buffer>;

export const headers = {
  cases: 'crn,name,date_of_birth,staff_code,allocation_date,case_type,sentence_type,tier,rosh_level,rosh_assessed_on',
  registrations: 'crn,register_code,level_code,category_code,registration_date,next_review_date,deregistration_date',
  contacts: 'crn,contact_id,contact_date,contact_type_code,staff_code',
  staff: 'staff_code,name,grade,team_code,team_name,pdu_code,pdu_name,points_available,points_used',
  needs: 'crn,need,severity,linked_to_harm,linked_to_reoffending',
} as const;

export function tempDir(prefix = 'spo-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeExtract(files: ExtractFiles, dir = tempDir()): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

/** A valid minimal extract: two cases, a MAPPA registration, contacts, staff and needs. */
export function minimalExtract(): ExtractFiles {
  return {
    'cases.csv': `${headers.cases}\nX000001,Ann Example,1980-01-02,N99P001,2026-09-17,COMMUNITY,Community Order,B2,HIGH,2026-09-10\nX000002,Bo Sample,,N99P002,01/03/2025,LICENCE,Licence,C1,LOW,2025-03-05\n`,
    'registrations.csv': `${headers.registrations}\nX000001,RHRH,,,2026-09-10,2027-03-10,\nX000002,MAPP,M1,M2,2025-03-02,2026-12-01,\n`,
    'contacts.csv': `${headers.contacts}\nX000001,1001,2026-09-20,COAP,N99P001\nX000002,1002,2026-10-01,C281,N99S001\n`,
    'staff.csv': `${headers.staff}\nN99P001,Pat Example,PSM,N99T01,Team One,N99PDU,Example PDU,100,124\nN99P002,Sam Example,PSQ,N99T01,Team One,N99PDU,Example PDU,80,40\n`,
    'needs.csv': `${headers.needs}\nX000001,DRUG,SEVERE,Y,N\n`,
  };
}

export function memoryDb(): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/** A digest of every row of every table, to prove a refused import changed nothing. */
export function checksum(db: Db, except: readonly string[] = []): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  for (const t of tables) {
    if (except.includes(t)) continue;
    hash.update(`#${t}\n`);
    // Sorted as text, so WITHOUT ROWID tables (no rowid to order by) are covered too.
    const rows = db.prepare(`SELECT * FROM "${t}"`).raw().all().map((r) => JSON.stringify(r)).sort();
    for (const row of rows) hash.update(`${row}\n`);
  }
  return hash.digest('hex');
}
