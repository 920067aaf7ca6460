import type { Db } from '../connection.js';
import { ephemeralSigningKey, findSigningKey, resolveSigningKey, type SigningKey, type SigningKeyInput } from './key.js';

/** One key per connection: read (or made) once, as the audit key is. */
const keys = new WeakMap<Db, SigningKey>();

/**
 * This installation's signing key for the database `db` is open on: the one the host gave, else
 * found or made by db/signing/key.ts's rules; an in-memory database's lives as long as the connection.
 */
export function installationSigningKey(db: Db, given?: SigningKeyInput): SigningKey {
  let key = keys.get(db);
  if (!key) {
    key = db.memory && !given ? ephemeralSigningKey() : resolveSigningKey(db.name, given);
    keys.set(db, key);
  }
  return key;
}

/** The same key when there is one, without making one: nothing can have been signed by a key that does not exist yet. */
export function installationKeyIfAny(db: Db, given?: SigningKeyInput): SigningKey | null {
  const known = keys.get(db);
  if (known) return known;
  if (db.memory && !given) return null;
  const found = findSigningKey(db.name, given);
  if (found) keys.set(db, found);
  return found;
}
