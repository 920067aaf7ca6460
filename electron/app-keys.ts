import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findKeyFile, type KeyKind } from '../db/keys/paths.js';
import { writeNewSecretFile } from '../db/secret-file.js';
import { databaseKey, keySource, wrappedKeyFile, type DesktopKeyContext, type KeyStore } from './db-key.js';

/** The secrets the desktop app keeps in the OS key store beside its database key. */
export type AppSecretKind = Extract<KeyKind, 'audit-key' | 'signing-key'>;

/** Where a wrapped secret lives: in the user-data folder, as the database key does (database-key.bin). */
export function wrappedSecretFile(userData: string, kind: AppSecretKind): string {
  return join(userData, `${kind}.bin`);
}

const AUDIT_KEY_BYTES = 32;

function isEd25519PrivateKey(bytes: Buffer): boolean {
  try {
    const pem = bytes.toString('latin1').includes('-----BEGIN');
    return createPrivateKey(pem ? { key: bytes, format: 'pem' } : { key: bytes, format: 'der', type: 'pkcs8' }).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

interface SecretSpec {
  /** For messages: "the audit key". */
  what: string;
  make(): Buffer;
  valid(bytes: Buffer): boolean;
}

const specs: Record<AppSecretKind, SecretSpec> = {
  'audit-key': { what: 'the audit log’s key', make: () => randomBytes(AUDIT_KEY_BYTES), valid: (b) => b.length === AUDIT_KEY_BYTES },
  'signing-key': {
    what: 'the export signing key',
    // PKCS#8 DER: what the service's signingKey option takes, and what Node reads back with createPrivateKey.
    make: () => generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }),
    valid: isEd25519PrivateKey,
  },
};

export type KeptSecret = { ok: true; key: Buffer | undefined; created: boolean; adopted: string | null } | { ok: false; problem: string };

export interface SecretPlace {
  /** The wrapped secret (wrappedSecretFile). */
  keyFile: string;
  /** The database it belongs to: a key file the engine kept for it is adopted into the key store. */
  databaseFile: string;
  /** Whether a new secret may be made when none is kept anywhere (see appKeys). */
  mayCreate: boolean;
}

function readIfThere(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Wraps `secret` and writes it (0600, never over an existing file), after checking the key store
 * gives it back. Returns the secret that is kept: ours, or the one another start wrote a moment ago.
 */
function keep(store: KeyStore, keyFile: string, secret: Buffer, spec: SecretSpec): Buffer | string {
  const hex = secret.toString('hex');
  const wrapped = store.encryptString(hex);
  if (store.decryptString(wrapped) !== hex) return `${spec.what} could not be stored: the key store did not give back what it was given. Ask IT to check the key store, then start the app again.`;
  try {
    writeNewSecretFile(keyFile, wrapped);
    return secret;
  } catch (e) {
    const raced = (e as NodeJS.ErrnoException).code === 'EEXIST' ? readIfThere(keyFile) : null;
    if (raced) return unwrap(store, raced, keyFile, spec);
    throw e;
  }
}

function unwrap(store: KeyStore, wrapped: Buffer, keyFile: string, spec: SecretSpec): Buffer | string {
  let hex: string;
  try {
    hex = store.decryptString(wrapped);
  } catch {
    return `${spec.what}, in ${keyFile}, cannot be unlocked by this user account on this computer (the file came from another computer or account, or the key store was reset). The app has not made a new one. Sign in as the user who set the app up, or restore ${keyFile} from the same backup as the database, then start the app again; if neither is possible, ask IT.`;
  }
  const bytes = /^([0-9a-f]{2})+$/.test(hex) ? Buffer.from(hex, 'hex') : null;
  if (!bytes || !spec.valid(bytes)) return `${spec.what}, in ${keyFile}, unlocked but is not a key the app made: the file is damaged. The app has not made a new one. Restore ${keyFile} from the same backup as the database, then start the app again.`;
  return bytes;
}

/**
 * One of the desktop app's secrets, kept wrapped by the OS key store: unwrapped if it is kept;
 * else adopted once from the key file the engine kept for this database (wrapped and read back;
 * the plain file is removed by forgetAdopted once the database has opened); else a new one
 * when `mayCreate`; else undefined, leaving the engine to apply its own rules (an audit key is
 * never made for a log that has entries). Problems come back as one paragraph, never a throw.
 */
export function keptSecret(store: KeyStore, kind: AppSecretKind, { keyFile, databaseFile, mayCreate }: SecretPlace): KeptSecret {
  const spec = specs[kind];
  const answer = (kept: Buffer | string, created: boolean, adopted: string | null): KeptSecret => (typeof kept === 'string' ? { ok: false, problem: `SPO Oversight cannot start: ${kept}` } : { ok: true, key: kept, created, adopted });
  try {
    const wrapped = readIfThere(keyFile);
    if (wrapped) return answer(unwrap(store, wrapped, keyFile, spec), false, null);
    const engineFile = findKeyFile(databaseFile, kind, { warn: false })?.path ?? null;
    const engineKey = engineFile ? readFileSync(engineFile) : null;
    if (engineFile && engineKey) {
      if (!spec.valid(engineKey)) return { ok: false, problem: `SPO Oversight cannot start: ${spec.what}, in ${engineFile}, is not a key the app made: the file is damaged. Restore it from the same backup as the database, then start the app again.` };
      const kept = keep(store, keyFile, engineKey, spec);
      // Only the file whose key is now the one kept is to be removed (by forgetAdopted, once the database has opened).
      return answer(kept, false, typeof kept !== 'string' && kept.equals(engineKey) ? engineFile : null);
    }
    if (!mayCreate) return { ok: true, key: undefined, created: false, adopted: null };
    return answer(keep(store, keyFile, spec.make(), spec), true, null);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, problem: `SPO Oversight could not read or write ${spec.what}, ${keyFile}: ${why}. Check that your user account can write to that folder, then start the app again.` };
  }
}

export interface AppKeys {
  /** The database key; undefined when the engine resolves it (see keySource). */
  key: Buffer | undefined;
  auditKey: Buffer | undefined;
  signingKey: Buffer | undefined;
  /** Plain key files the engine kept, now wrapped in the key store: for forgetAdopted. */
  adopted: string[];
}

/**
 * Removes the plain key files adopted into the key store, once the database has opened with the
 * keys: a key that turned out not to open it is not lost with its file.
 */
export function forgetAdopted(keys: AppKeys): void {
  for (const file of keys.adopted) rmSync(file, { force: true });
}

function holdsData(file: string): boolean {
  return (statSync(file, { throwIfNoEntry: false })?.size ?? 0) > 0;
}

/**
 * Every key main.ts passes to openService, from the OS key store: the database key, the audit
 * log's key and the export signing key. A new audit key is made only for a database that holds no
 * data yet (one that does keeps whatever key its log was written with, adopted from the engine's
 * file, or the engine's own rules apply); a signing key may always be made, since a new one only
 * signs exports from now on. From the repository with `--db`, the engine resolves all three.
 */
export function appKeys(store: KeyStore, context: DesktopKeyContext): { ok: true; keys: AppKeys } | { ok: false; problem: string } {
  if (keySource(context.argv, context.packaged) === 'engine') return { ok: true, keys: { key: undefined, auditKey: undefined, signingKey: undefined, adopted: [] } };
  const newDatabase = !holdsData(context.databaseFile);
  const db = databaseKey(store, context.platform, { keyFile: wrappedKeyFile(context.userData), databaseFile: context.databaseFile });
  if (!db.ok) return db;
  const place = (kind: AppSecretKind, mayCreate: boolean): SecretPlace => ({ keyFile: wrappedSecretFile(context.userData, kind), databaseFile: context.databaseFile, mayCreate });
  const audit = keptSecret(store, 'audit-key', place('audit-key', newDatabase));
  if (!audit.ok) return audit;
  const signing = keptSecret(store, 'signing-key', place('signing-key', true));
  if (!signing.ok) return signing;
  const adopted = [db.adopted, audit.adopted, signing.adopted].filter((f): f is string => typeof f === 'string');
  return { ok: true, keys: { key: db.key, auditKey: audit.key, signingKey: signing.key, adopted } };
}
