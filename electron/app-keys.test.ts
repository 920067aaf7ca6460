import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseIdFile, keyFileOfId } from '../db/keys/paths.js';
import { appKeys, forgetAdopted, keptSecret, wrappedSecretFile, type AppKeys } from './app-keys.js';
import { fakeKeyStore } from './testing/key-store.js';

function context(packaged = true) {
  const userData = mkdtempSync(join(tmpdir(), 'spo-app-keys-'));
  return { argv: ['SPO Oversight'], packaged, platform: 'linux' as const, userData, databaseFile: join(userData, 'spo-oversight.sqlite') };
}

function mustKeys(result: ReturnType<typeof appKeys>): AppKeys {
  if (!result.ok) throw new Error(result.problem);
  return result.keys;
}

/** A key file the CLI (the engine) kept for the database, in the per-user folder under its id. */
function engineKeyFile(databaseFile: string, kind: 'db-key' | 'audit-key' | 'signing-key', bytes: Buffer): string {
  if (!existsSync(databaseIdFile(databaseFile))) writeFileSync(databaseIdFile(databaseFile), `${randomBytes(16).toString('hex')}\n`);
  const file = keyFileOfId(readFileSync(databaseIdFile(databaseFile), 'utf8').trim(), kind);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return file;
}

describe('the desktop app’s keys on first run', () => {
  it('are the database key, a 32-byte audit key and an Ed25519 signing key, each wrapped by the key store into the user-data folder (0600)', () => {
    const c = context();
    const store = fakeKeyStore();
    const keys = mustKeys(appKeys(store, c));
    expect(keys.key).toHaveLength(32);
    expect(keys.auditKey).toHaveLength(32);
    expect(createPrivateKey({ key: keys.signingKey ?? Buffer.alloc(0), format: 'der', type: 'pkcs8' }).asymmetricKeyType).toBe('ed25519');
    expect(readdirSync(c.userData).sort()).toEqual(['audit-key.bin', 'database-key.bin', 'signing-key.bin']);
    expect(store.decryptString(readFileSync(wrappedSecretFile(c.userData, 'audit-key')))).toBe(keys.auditKey?.toString('hex'));
    for (const kind of ['audit-key', 'signing-key'] as const) {
      const onDisk = readFileSync(wrappedSecretFile(c.userData, kind));
      const secret = kind === 'audit-key' ? keys.auditKey : keys.signingKey;
      if (!secret) throw new Error(`no ${kind}`);
      for (const form of [secret, Buffer.from(secret.toString('hex')), Buffer.from(secret.toString('base64'))]) expect(onDisk.includes(form)).toBe(false);
      if (process.platform !== 'win32') expect(statSync(wrappedSecretFile(c.userData, kind)).mode & 0o777).toBe(0o600);
    }
    expect(keys.adopted).toEqual([]);
  });

  it('are the same on later runs, unwrapped from the same files', () => {
    const c = context();
    const store = fakeKeyStore();
    const first = mustKeys(appKeys(store, c));
    writeFileSync(c.databaseFile, 'an encrypted database');
    const again = mustKeys(appKeys(store, c));
    expect(again.key?.equals(first.key ?? Buffer.alloc(0))).toBe(true);
    expect(again.auditKey?.equals(first.auditKey ?? Buffer.alloc(0))).toBe(true);
    expect(again.signingKey?.equals(first.signingKey ?? Buffer.alloc(0))).toBe(true);
  });
});

describe('the desktop app’s audit and signing keys', () => {
  it('are taken once into the key store from the files the engine kept for the database, which are removed only once it has opened', () => {
    const c = context();
    const store = fakeKeyStore();
    mustKeys(appKeys(store, c));
    writeFileSync(c.databaseFile, 'an encrypted database');
    // As a database opened before this change has them: the engine's audit key, and no wrapped one.
    const auditKey = randomBytes(32);
    const signingKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' });
    const audit = engineKeyFile(c.databaseFile, 'audit-key', auditKey);
    const signing = engineKeyFile(c.databaseFile, 'signing-key', Buffer.from(signingKey));
    for (const kind of ['audit-key', 'signing-key'] as const) rmBin(c.userData, kind);
    const keys = mustKeys(appKeys(store, c));
    expect(keys.auditKey?.equals(auditKey)).toBe(true);
    expect(keys.signingKey?.toString()).toBe(signingKey);
    expect(keys.adopted.sort()).toEqual([audit, signing].sort());
    expect(existsSync(audit)).toBe(true);
    forgetAdopted(keys);
    expect(existsSync(audit) || existsSync(signing)).toBe(false);
    expect(mustKeys(appKeys(store, c)).auditKey?.equals(auditKey)).toBe(true);
  });

  it('leave the audit key to the engine for a database that holds data but has none kept anywhere (a new key would make its log look forged)', () => {
    const c = context();
    const store = fakeKeyStore();
    mustKeys(appKeys(store, c));
    writeFileSync(c.databaseFile, 'an encrypted database');
    rmBin(c.userData, 'audit-key');
    const keys = mustKeys(appKeys(store, c));
    expect(keys.auditKey).toBeUndefined();
    expect(existsSync(wrappedSecretFile(c.userData, 'audit-key'))).toBe(false);
  });

  it('refuse a wrapped key another account cannot unlock, or one that is not a key of its kind, and make no new one', () => {
    const c = context();
    const store = fakeKeyStore();
    mustKeys(appKeys(store, c));
    writeFileSync(c.databaseFile, 'an encrypted database');
    const other = fakeKeyStore();
    writeFileSync(wrappedSecretFile(c.userData, 'audit-key'), other.encryptString(randomBytes(32).toString('hex')));
    const result = appKeys(store, c);
    expect(result).toMatchObject({ ok: false, problem: expect.stringMatching(/the audit log’s key, in .*audit-key\.bin, cannot be unlocked by this user account/) as unknown });
    const bad = keptSecret(store, 'signing-key', { keyFile: join(c.userData, 'bad.bin'), databaseFile: c.databaseFile, mayCreate: true });
    expect(bad.ok).toBe(true);
    writeFileSync(join(c.userData, 'bad.bin'), store.encryptString(randomBytes(32).toString('hex')));
    expect(keptSecret(store, 'signing-key', { keyFile: join(c.userData, 'bad.bin'), databaseFile: c.databaseFile, mayCreate: true })).toMatchObject({ ok: false, problem: expect.stringContaining('is not a key the app made: the file is damaged') as unknown });
  });

  it('are all left to the engine for the demo database npm start passes with --db, without touching the key store', () => {
    const c = { ...context(false), argv: ['electron', '.', '--db', 'data/demo.sqlite'] };
    const store = fakeKeyStore({ available: false });
    expect(appKeys(store, c)).toEqual({ ok: true, keys: { key: undefined, auditKey: undefined, signingKey: undefined, adopted: [] } });
    expect(store.isEncryptionAvailable).not.toHaveBeenCalled();
  });
});

function rmBin(userData: string, kind: 'audit-key' | 'signing-key'): void {
  rmSync(wrappedSecretFile(userData, kind), { force: true });
}
