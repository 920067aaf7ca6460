import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isPlainSqlite } from '../db/encryption/cipher.js';
import { findKeyFile } from '../db/keys/paths.js';
import { writeNewSecretFile } from '../db/secret-file.js';
import { dbArgument } from './data-file.js';

/** The database key: 32 random bytes (a 256-bit AEGIS-256 key; ChaCha20-Poly1305 for a database made before issue 18), carried through safeStorage as 64 hex digits. */
export const DB_KEY_BYTES = 32;

/** The part of Electron's safeStorage the key needs (the real one, or a fake in the tests). */
export interface KeyStore {
  isEncryptionAvailable(): boolean;
  /** Linux only: which password manager wraps the key. */
  getSelectedStorageBackend(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Where the wrapped key lives: in the user-data folder, beside (never inside) the database. */
export function wrappedKeyFile(userData: string): string {
  return join(userData, 'database-key.bin');
}

/** `adopted`: the key file the CLI kept, now wrapped in the key store, to remove once the database opens with it. */
export type DatabaseKey = { ok: true; key: Buffer; created: boolean; adopted?: string } | { ok: false; problem: string };

const keyStoreHelp =
  'On Windows the key store is your account’s data protection, on macOS the login keychain, and on Linux a password manager such as GNOME Keyring or KWallet.';

/** Why the OS key store cannot be trusted with the key, or null when it can. */
export function keyStoreProblem(store: KeyStore, platform: NodeJS.Platform): string | null {
  if (!store.isEncryptionAvailable()) {
    return `SPO Oversight keeps the key to its encrypted database in your operating system’s key store, and that store is not available to it. ${keyStoreHelp} Sign in to your desktop normally (not through a remote shell), make sure the key store is running, and start the app again; if it still fails, ask IT.`;
  }
  if (platform !== 'linux') return null;
  const backend = store.getSelectedStorageBackend();
  if (backend === 'basic_text') {
    return 'SPO Oversight found no password manager on this Linux desktop, so the key to its encrypted database could only be kept in a form anyone who can read your files could undo (Electron’s “basic_text” store). It refuses to do that with OFFICIAL-SENSITIVE data. Start a password manager in your session (GNOME Keyring or KWallet), or ask IT to set one up, and start the app again.';
  }
  if (backend === 'unknown') {
    return 'SPO Oversight could not tell which password manager this Linux desktop uses, so it cannot be sure the key to its encrypted database would be protected. Start a password manager in your session (GNOME Keyring or KWallet), or ask IT to set one up, and start the app again.';
  }
  return null;
}

function holdsData(databaseFile: string): boolean {
  return (statSync(databaseFile, { throwIfNoEntry: false })?.size ?? 0) > 0;
}

/** The key the engine (the CLI) kept in a file for this database, as 32 bytes, or null. */
function engineKey(databaseFile: string): { file: string; key: Buffer } | null {
  const found = findKeyFile(databaseFile, 'db-key', { warn: false });
  if (!found) return null;
  const bytes = readFileSync(found.path);
  const hex = bytes.toString('latin1').trim();
  if (bytes.length === DB_KEY_BYTES) return { file: found.path, key: bytes };
  return /^[0-9a-fA-F]{64}$/.test(hex) ? { file: found.path, key: Buffer.from(hex, 'hex') } : null;
}

function readWrapped(keyFile: string): Buffer | null {
  try {
    return readFileSync(keyFile);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function unwrap(store: KeyStore, wrapped: Buffer, keyFile: string): DatabaseKey {
  let hex: string;
  try {
    hex = store.decryptString(wrapped);
  } catch {
    return {
      ok: false,
      problem: `The key to SPO Oversight’s database, in ${keyFile}, cannot be unlocked by this user account on this computer. That happens when the file came from another computer or account, or the key store was reset. The app has not made a new key, because a new key could not open your existing data. Sign in as the user who set the app up, or restore the database and ${keyFile} together from the same backup, then start the app again; if neither is possible, ask IT.`,
    };
  }
  if (!new RegExp(`^[0-9a-f]{${DB_KEY_BYTES * 2}}$`).test(hex)) {
    return {
      ok: false,
      problem: `The key to SPO Oversight’s database, in ${keyFile}, unlocked but is not a key the app made: the file is damaged. The app has not made a new key, because a new key could not open your existing data. Restore the database and ${keyFile} together from the same backup, then start the app again.`,
    };
  }
  return { ok: true, key: Buffer.from(hex, 'hex'), created: false };
}

export interface KeyFiles {
  /** The wrapped key (wrappedKeyFile). */
  keyFile: string;
  /** The database it opens. */
  databaseFile: string;
}

/**
 * The database key, unwrapped from `keyFile` by the OS key store; else the key the CLI kept in a
 * file for this database, wrapped and then its plain file removed; on first run (no key anywhere
 * and no database yet) a new random key, wrapped and written before the database is created with
 * it. Never replaces a key file, never makes a key for a database that is already there (a new key
 * could not open an encrypted one; an unencrypted one is for `spo-oversight encrypt`). Refusals
 * come back as one paragraph for the user, never a throw.
 */
export function databaseKey(store: KeyStore, platform: NodeJS.Platform, { keyFile, databaseFile }: KeyFiles): DatabaseKey {
  const problem = keyStoreProblem(store, platform);
  if (problem) return { ok: false, problem };
  try {
    const wrapped = readWrapped(keyFile);
    if (wrapped) return unwrap(store, wrapped, keyFile);
    // A key the CLI kept for this database (encrypt, or a database made with the CLI) moves into the key store once.
    const adopted = engineKey(databaseFile);
    if (isPlainSqlite(databaseFile)) {
      return {
        ok: false,
        problem: `The SPO Oversight database at ${databaseFile} is not encrypted (it was written before the app encrypted its data), and the app does not open it unencrypted. It has not made a key for it. Encrypt it once with the command line, spo-oversight encrypt --db "${databaseFile}" (ask IT), then start the app again: it takes that key into the key store.`,
      };
    }
    if (holdsData(databaseFile) && !adopted) {
      return {
        ok: false,
        problem: `There is an SPO Oversight database at ${databaseFile} but no key for it at ${keyFile}. The app has not made a new key, because a new key could not open the existing data. Restore ${keyFile} from the same backup as the database (or restore both together), then start the app again.`,
      };
    }
    const key = adopted?.key ?? randomBytes(DB_KEY_BYTES);
    const hex = key.toString('hex');
    const fresh = store.encryptString(hex);
    // A key store that cannot give the key back would strand the database we are about to create.
    if (store.decryptString(fresh) !== hex) {
      return { ok: false, problem: `SPO Oversight could not check the key store: a key it stored could not be read back. ${keyStoreHelp} Ask IT to check the key store, then start the app again.` };
    }
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    try {
      writeNewSecretFile(keyFile, fresh);
    } catch (e) {
      // Another start wrote one a moment ago: that key, not ours, is the database's.
      const raced = (e as NodeJS.ErrnoException).code === 'EEXIST' ? readWrapped(keyFile) : null;
      if (raced) return unwrap(store, raced, keyFile);
      throw e;
    }
    // The plain copy is removed by the caller once the database has opened with the key (app-keys.ts).
    return adopted ? { ok: true, key, created: false, adopted: adopted.file } : { ok: true, key, created: true };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, problem: `SPO Oversight could not read or write the key to its database, ${keyFile}: ${why}. Check that your user account can write to that folder, then start the app again.` };
  }
}

export type KeySource = 'key-store' | 'engine';

/**
 * Who supplies the keys. From the repository (`npm start` passes `--db` with the demo database the
 * CLI made) the engine resolves them as the CLI does, from SPO_OVERSIGHT_DB_KEY or the database's
 * key files; the key store would hold a key that database was never made with. A
 * packaged app ignores `--db` (data-file.ts), so it always uses the key store.
 */
export function keySource(argv: readonly string[], packaged: boolean): KeySource {
  return !packaged && dbArgument(argv) ? 'engine' : 'key-store';
}

export interface DesktopKeyContext {
  argv: readonly string[];
  packaged: boolean;
  platform: NodeJS.Platform;
  userData: string;
  databaseFile: string;
}
