import type { Migration } from './index.js';

/**
 * The audit log of DPA 2018 s.62: collection, alteration, consultation, disclosure, combination
 * and erasure of personal data, each with its time, who did it, the CRNs and the justification.
 *
 * Entries form a hash chain (db/audit/chain.ts): `hash` is an HMAC over `prev_hash` and the
 * entry's stored columns, keyed by a file kept outside the database, so an entry cannot be edited,
 * removed, reordered or forged without `audit verify` noticing. Triggers refuse UPDATE and DELETE;
 * the chain catches what is done with the triggers dropped. JSON columns are hashed as stored
 * text, so even a change of whitespace inside them breaks the chain.
 */
export const m004: Migration = {
  version: 4,
  name: 'audit log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id               INTEGER PRIMARY KEY,
        at               TEXT NOT NULL,            -- UTC ISO timestamp
        operation        TEXT NOT NULL CHECK (operation IN ('collection', 'alteration', 'consultation', 'disclosure', 'combination', 'erasure')),
        op               TEXT NOT NULL,            -- the contract operation, e.g. reviews:record
        os_user          TEXT NOT NULL,
        app_user         TEXT,
        crns_json        TEXT NOT NULL,            -- ["X123456", ...]
        justification    TEXT,
        recipients_json  TEXT NOT NULL,            -- ["HM Inspectorate of Probation"]
        details_json     TEXT NOT NULL,            -- what else identifies the processing: review id, import id, digest
        prev_hash        TEXT NOT NULL,
        hash             TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_operation ON audit_log (operation, id);

      CREATE TRIGGER audit_log_never_updated BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is never edited'); END;
      CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is never deleted from'); END;
    `);
  },
};
