import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DomainError } from '../errors.js';
import { keyFilePath } from '../keys/paths.js';
import { writeNewSecretFile } from '../secret-file.js';

/**
 * The installation's export signing key: an Ed25519 key pair, the private half kept as PKCS#8 PEM
 * (what `openssl genpkey -algorithm ed25519` writes, so a deployment can make its own).
 *
 * Where it comes from mirrors the database key (db/encryption/key.ts): given by the host (the
 * desktop app, from the OS key store); else the file named by SPO_OVERSIGHT_SIGNING_KEY_FILE; else
 * the key file keyFilePath(db, 'signing-key') decides, made there (mode 0600) on first use. An
 * in-memory database gets a key that lives as long as the process.
 */
export const SIGNING_KEY_FILE_ENV = 'SPO_OVERSIGHT_SIGNING_KEY_FILE';

/** What a host may hand the engine: the private key itself, or its PKCS#8 PEM (or DER) bytes. */
export type SigningKeyInput = KeyObject | Buffer;

export interface PublicKeyInfo {
  key: KeyObject;
  /** The SubjectPublicKeyInfo DER in base64: the body of the PEM, written into every export. */
  spki: string;
  /** See fingerprintOf. */
  fingerprint: string;
}

export interface SigningKey extends PublicKeyInfo {
  privateKey: KeyObject;
  /** Where it came from, for messages and `keys show`. */
  source: string;
}

/**
 * A key's short name: the first 16 bytes of SHA-256 over its SubjectPublicKeyInfo DER, as 32 hex
 * digits in groups of four. Over the DER (not the raw 32 bytes) so that a standard tool computes it
 * from the PEM in one line: `openssl pkey -pubin -in key.pem -outform DER | openssl dgst -sha256`.
 * 128 bits: finding a second key with the same fingerprint is out of reach.
 */
export function fingerprintOf(spkiDer: Buffer): string {
  const hex = createHash('sha256').update(spkiDer).digest('hex').slice(0, 32);
  return hex.replace(/(.{4})(?!$)/g, '$1 ');
}

export function publicKeyInfo(key: KeyObject): PublicKeyInfo {
  if (key.asymmetricKeyType !== 'ed25519') throw new DomainError('invalid-input', `the key is ${key.asymmetricKeyType ?? 'not an asymmetric key'}, not an Ed25519 key`);
  const der = key.export({ type: 'spki', format: 'der' });
  return { key, spki: der.toString('base64'), fingerprint: fingerprintOf(der) };
}

export function publicKeyPem(info: Pick<PublicKeyInfo, 'spki'>): string {
  return `-----BEGIN PUBLIC KEY-----\n${info.spki}\n-----END PUBLIC KEY-----\n`;
}

/** A public key from the SubjectPublicKeyInfo base64 an export carries; null when it is not an Ed25519 key. */
export function publicKeyFromSpki(spki: string): PublicKeyInfo | null {
  try {
    return publicKeyInfo(createPublicKey({ key: Buffer.from(spki, 'base64'), format: 'der', type: 'spki' }));
  } catch {
    return null;
  }
}

function fromPrivate(privateKey: KeyObject, source: string): SigningKey {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new DomainError('invalid-input', `${source}: the signing key must be an Ed25519 private key (PKCS#8 PEM, as openssl genpkey -algorithm ed25519 writes)`);
  }
  return { ...publicKeyInfo(createPublicKey(privateKey)), privateKey, source };
}

function parsePrivate(bytes: Buffer, source: string): SigningKey {
  let key: KeyObject;
  try {
    const pem = bytes.toString('latin1').includes('-----BEGIN');
    key = pem ? createPrivateKey(bytes) : createPrivateKey({ key: bytes, format: 'der', type: 'pkcs8' });
  } catch {
    throw new DomainError('invalid-input', `${source}: not a private key the app can read (it expects PKCS#8 PEM, as openssl genpkey -algorithm ed25519 writes)`);
  }
  return fromPrivate(key, source);
}

function readKeyFile(path: string, named: boolean): SigningKey | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new DomainError('io', `cannot read the signing key ${path}: ${(e as Error).message}`);
    if (!named) return null;
    // A mistyped name must not quietly become a new identity: exports would carry a key nobody was told of.
    throw new DomainError('invalid-input', `${SIGNING_KEY_FILE_ENV}: no signing key at ${path}; make one with: openssl genpkey -algorithm ed25519 -out "${path}"`);
  }
  return parsePrivate(bytes, path);
}

/** A fresh key for an in-memory database or a test: never written anywhere. */
export function ephemeralSigningKey(): SigningKey {
  return fromPrivate(generateKeyPairSync('ed25519').privateKey, 'a key made for this session only');
}

export function signingKeyFrom(given: SigningKeyInput, source = 'the key given by the app'): SigningKey {
  return Buffer.isBuffer(given) ? parsePrivate(given, source) : fromPrivate(given, source);
}

/** The key from the first source that has one, or null: never makes one (verify must not). */
export function findSigningKey(dbFile: string, given?: SigningKeyInput, env: NodeJS.ProcessEnv = process.env): SigningKey | null {
  if (given) return signingKeyFrom(given);
  const named = env[SIGNING_KEY_FILE_ENV];
  if (named) return readKeyFile(named, true);
  return readKeyFile(keyFilePath(dbFile, 'signing-key'), false);
}

/** The key, made (PKCS#8 PEM, mode 0600) where keyFilePath says when no source has one. */
export function resolveSigningKey(dbFile: string, given?: SigningKeyInput, env: NodeJS.ProcessEnv = process.env): SigningKey {
  const found = findSigningKey(dbFile, given, env);
  if (found) return found;
  const path = keyFilePath(dbFile, 'signing-key');
  const made = generateKeyPairSync('ed25519').privateKey;
  try {
    writeNewSecretFile(path, Buffer.from(made.export({ type: 'pkcs8', format: 'pem' })));
  } catch (e) {
    // Another process made the key a moment ago: use that one.
    const raced = (e as NodeJS.ErrnoException).code === 'EEXIST' ? readKeyFile(path, false) : null;
    if (raced) return raced;
    throw new DomainError('io', `cannot write a new signing key to ${path}: ${(e as Error).message}`);
  }
  return fromPrivate(made, path);
}

/** A public key someone gave you (`spo-oversight keys show --pem`), for `verify --trust`. */
export function readPublicKeyFile(path: string): PublicKeyInfo {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new DomainError('io', `--trust: cannot read ${path}: ${(e as Error).message}`, 'trust');
  }
  try {
    return publicKeyInfo(createPublicKey(bytes));
  } catch {
    throw new DomainError('invalid-input', `--trust: ${path} is not an Ed25519 public key in PEM (the file spo-oversight keys show --pem writes)`, 'trust');
  }
}
