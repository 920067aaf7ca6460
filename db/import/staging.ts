import { closeSync, openSync, rmSync } from 'node:fs';
import type { ExtractKind } from '../contract/index.js';
import { PAGE_SIZE, type Db } from '../connection.js';
import type { Value } from './kinds.js';
import { kindSpecs } from './kinds.js';

/**
 * Validated rows wait in a staging database attached to this connection only, until the user
 * commits: a small extract in memory, a large one in a file beside the database, so a national
 * extract never sits in memory; the commit itself is one short synchronous transaction that copies
 * them in. The user's database is not touched while staging. The staging file is encrypted with
 * the main database's key (SQLite3 Multiple Ciphers gives an attached file the main key), unlike
 * SQLite's own temp files, and removed when the import ends.
 */
const stagingDdl: Record<ExtractKind, string> = {
  cases: `crn TEXT PRIMARY KEY, name TEXT NOT NULL, date_of_birth TEXT, staff_code TEXT NOT NULL, allocation_date TEXT NOT NULL,
          case_type TEXT, sentence_type TEXT, tier TEXT, rosh_level TEXT, rosh_assessed_on TEXT`,
  registrations: `crn TEXT NOT NULL, register_code TEXT NOT NULL, level_code TEXT, category_code TEXT, registration_date TEXT NOT NULL,
          next_review_date TEXT, deregistration_date TEXT`,
  // Uniqueness of contact_id across every contacts file is checked by this key, on disk.
  contacts: `contact_id TEXT PRIMARY KEY, crn TEXT NOT NULL, contact_date TEXT NOT NULL, contact_type_code TEXT NOT NULL, staff_code TEXT`,
  staff: `staff_code TEXT PRIMARY KEY, name TEXT NOT NULL, grade TEXT, team_code TEXT NOT NULL, team_name TEXT, pdu_code TEXT,
          pdu_name TEXT, points_available REAL, points_used REAL`,
  needs: `crn TEXT NOT NULL, need TEXT NOT NULL, severity TEXT, linked_to_harm INTEGER, linked_to_reoffending INTEGER`,
};

export const STAGE = 'stage';

/**
 * The key of contacts' main index. SQLite's sorts cannot spill to disk here (its temporary files
 * are not encrypted, so temp_store is MEMORY), and rebuilding that index for a national extract
 * would sort 16 million keys in RAM; copying contacts in this order into the indexed table instead
 * appends to its indexes with memory bounded by the page cache.
 */
export const CONTACTS_ORDER = 'crn, contact_type_code, contact_date';
export const stagingTable = (kind: ExtractKind) => `${STAGE}.stage_${kind}`;

/** The staging file of a database file; an in-memory database, or a small extract, stages in memory. */
export function stagingFile(db: Db, onDisk = true): string {
  return db.memory || !onDisk ? ':memory:' : `${db.name}.staging`;
}

function removeStagingFile(db: Db): void {
  if (!db.memory) rmSync(stagingFile(db), { force: true });
}

/** Whether the staged contacts carry the index that lets the commit copy them in order (createStaging). */
export function contactsStagedInOrder(db: Db): boolean {
  return db.prepare(`SELECT count(*) FROM ${STAGE}.sqlite_schema WHERE name = 'stage_contacts_order'`).pluck().get() === 1;
}

export function columnsOf(kind: ExtractKind): string[] {
  return kindSpecs[kind].columns.map((c) => c.name);
}

export function createStaging(db: Db, onDisk = true): void {
  dropStaging(db);
  // A file left by an import that was killed is only scratch: start it afresh.
  removeStagingFile(db);
  const file = stagingFile(db, onDisk);
  // Created empty first, readable by its owner only: SQLite would create it with the default mode.
  if (file !== ':memory:') closeSync(openSync(file, 'wx', 0o600));
  db.prepare(`ATTACH DATABASE ? AS ${STAGE}`).run(file);
  db.pragma(`${STAGE}.page_size = ${String(PAGE_SIZE)}`);
  // Scratch: if the process dies the import is simply run again, so no syncs, and the rollback
  // journal stays in memory: SQLite3 Multiple Ciphers refuses journal_mode OFF on an encrypted file
  // and keeps DELETE, which wrote (and unlinked) a journal file for every batch staged.
  db.pragma(`${STAGE}.journal_mode = MEMORY`);
  db.pragma(`${STAGE}.synchronous = OFF`);
  // A PDU extract stages entirely in cache; a national one is written out, in bounded memory.
  db.pragma(`${STAGE}.cache_size = -65536`);
  for (const [kind, ddl] of Object.entries(stagingDdl)) {
    db.exec(`CREATE TABLE ${STAGE}.stage_${kind} (${ddl}, raw_json TEXT, extra_json TEXT, file TEXT NOT NULL, line INTEGER NOT NULL)`);
  }
  // Kept as rows arrive (in the page cache, bounded), so the commit can read contacts in the order
  // of their main index without sorting millions of keys in memory (see CONTACTS_ORDER). A small
  // extract staged in memory skips it: sorting its keys once at the commit is cheaper.
  if (onDisk) db.exec(`CREATE INDEX ${STAGE}.stage_contacts_order ON stage_contacts (${CONTACTS_ORDER})`);
}

export function dropStaging(db: Db): void {
  const attached = db.prepare<[string], { name: string }>('SELECT name FROM pragma_database_list WHERE name = ?').get(STAGE);
  if (!attached) return;
  db.exec(`DETACH DATABASE ${STAGE}`);
  removeStagingFile(db);
}

export interface StagedRow {
  /** The kind's values in column order, then raw_json, extra_json, file, line: bound as they are. */
  bind: Value[];
  file: string;
  line: number;
}

/** A row the staging key refused: the value is a duplicate of one staged earlier. */
export interface Conflict {
  row: StagedRow;
  first: { file: string; line: number } | undefined;
}

const SAVEPOINT = 'stage_rows';

/**
 * Writes rows to staging as they are validated, in one transaction per chunk of the file: it opens
 * with a chunk's first row and ends at the chunk's end (`endChunk`, which readCsv calls before it
 * awaits the next chunk), so no other work of the app runs inside it, and a row never waits in
 * memory. Rows that waited for a batch of 100,000 lived through V8's young generation into the old
 * one: garbage collection was 13% of a national import's time.
 */
export class Stager {
  private readonly inserts: Record<ExtractKind, (row: StagedRow) => boolean>;
  private readonly firstContact: (contactId: string) => { file: string; line: number } | undefined;
  private readonly contactIdAt = columnsOf('contacts').indexOf('contact_id');
  private open = false;

  constructor(private readonly db: Db) {
    const make = (kind: ExtractKind) => {
      const cols = [...columnsOf(kind), 'raw_json', 'extra_json', 'file', 'line'];
      const stmt = db.prepare(
        `INSERT INTO ${stagingTable(kind)} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`,
      );
      return (row: StagedRow) => stmt.run(row.bind).changes === 1;
    };
    this.inserts = {
      cases: make('cases'),
      registrations: make('registrations'),
      contacts: make('contacts'),
      staff: make('staff'),
      needs: make('needs'),
    };
    const first = db.prepare<[string], { file: string; line: number }>(`SELECT file, line FROM ${stagingTable('contacts')} WHERE contact_id = ?`);
    this.firstContact = (contactId) => first.get(contactId);
  }

  /** Stages a row; returns it as a conflict when the staging key refused it as a duplicate. */
  add(kind: ExtractKind, row: StagedRow): Conflict[] {
    if (!this.open) {
      // A savepoint begins a transaction, or nests in the caller's if there is one.
      this.db.exec(`SAVEPOINT ${SAVEPOINT}`);
      this.open = true;
    }
    if (this.inserts[kind](row)) return [];
    return [{ row, first: kind === 'contacts' ? this.firstContact(String(row.bind[this.contactIdAt])) : undefined }];
  }

  /** Commits the rows staged since the last call; if the commit fails they are rolled back and the error thrown. */
  endChunk(): void {
    if (!this.open) return;
    this.open = false;
    try {
      this.db.exec(`RELEASE ${SAVEPOINT}`);
    } catch (e) {
      this.rollBack();
      throw e;
    }
  }

  /** Drops the rows staged since the last endChunk: for a failure part-way through a chunk. */
  abort(): void {
    if (!this.open) return;
    this.open = false;
    this.rollBack();
  }

  private rollBack(): void {
    if (!this.db.inTransaction) return;
    this.db.exec(`ROLLBACK TO ${SAVEPOINT}`);
    this.db.exec(`RELEASE ${SAVEPOINT}`);
  }

  count(kind: ExtractKind): number {
    return this.db.prepare(`SELECT count(*) FROM ${stagingTable(kind)}`).pluck().get() as number;
  }
}
