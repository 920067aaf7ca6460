import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseIdFile, keyFileOfId } from '../db/keys/paths.js';
import { databaseKey, DB_KEY_BYTES, keySource, wrappedKeyFile } from './db-key.js';
import { fakeKeyStore } from './testing/key-store.js';

function place() {
  const dir = mkdtempSync(join(tmpdir(), 'spo-db-key-'));
  return { dir, keyFile: wrappedKeyFile(dir), databaseFile: join(dir, 'spo-oversight.sqlite') };
}

function mustKey(result: ReturnType<typeof databaseKey>) {
  if (!result.ok) throw new Error(result.problem);
  return result;
}

describe('the database key on first run', () => {
  it('is 32 random bytes, wrapped by the key store into database-key.bin with mode 0600', () => {
    const p = place();
    const store = fakeKeyStore();
    const first = mustKey(databaseKey(store, 'linux', p));
    expect(first.created).toBe(true);
    expect(first.key).toHaveLength(DB_KEY_BYTES);
    expect(store.encryptString).toHaveBeenCalledWith(first.key.toString('hex'));
    expect(readFileSync(p.keyFile).equals(store.encryptString.mock.results[0]?.value as Buffer)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(p.keyFile).mode & 0o777).toBe(0o600);
  });

  it('writes neither the raw key nor its hex (nor base64) to disk', () => {
    const p = place();
    const { key } = mustKey(databaseKey(fakeKeyStore(), 'linux', p));
    const onDisk = readdirSync(p.dir).map((name) => readFileSync(join(p.dir, name)));
    expect(onDisk).toHaveLength(1);
    for (const bytes of onDisk) {
      expect(bytes.includes(key)).toBe(false);
      for (const text of [key.toString('hex'), key.toString('hex').toUpperCase(), key.toString('base64')]) {
        expect(bytes.includes(Buffer.from(text, 'utf8'))).toBe(false);
        expect(bytes.includes(Buffer.from(text, 'utf16le'))).toBe(false);
      }
    }
  });

  it('leaves no temporary file behind, and creates the user-data folder if it is missing', () => {
    const root = mkdtempSync(join(tmpdir(), 'spo-db-key-'));
    const dir = join(root, 'SPO Oversight');
    mustKey(databaseKey(fakeKeyStore(), 'win32', { keyFile: wrappedKeyFile(dir), databaseFile: join(dir, 'spo-oversight.sqlite') }));
    expect(readdirSync(dir)).toEqual(['database-key.bin']);
  });
});

describe('the database key on later runs', () => {
  it('is unwrapped from the key file, and the file is left as it was', () => {
    const p = place();
    const store = fakeKeyStore();
    const first = mustKey(databaseKey(store, 'linux', p));
    writeFileSync(p.databaseFile, 'an encrypted database');
    const before = readFileSync(p.keyFile);
    const again = mustKey(databaseKey(store, 'linux', p));
    expect(again.created).toBe(false);
    expect(again.key.equals(first.key)).toBe(true);
    expect(readFileSync(p.keyFile).equals(before)).toBe(true);
  });

  it('never overwrites a key file another start wrote a moment ago, and uses that key', () => {
    const p = place();
    const store = fakeKeyStore();
    const theirs = randomBytes(DB_KEY_BYTES);
    const wrap = store.encryptString.getMockImplementation();
    if (!wrap) throw new Error('the fake key store has no encryptString');
    // The other start links its key file in while this one is still wrapping its own.
    store.encryptString.mockImplementationOnce((plain: string) => {
      writeFileSync(p.keyFile, wrap(theirs.toString('hex')));
      return wrap(plain);
    });
    const result = mustKey(databaseKey(store, 'linux', p));
    expect(result).toMatchObject({ created: false });
    expect(result.key.equals(theirs)).toBe(true);
    expect(store.decryptString(readFileSync(p.keyFile))).toBe(theirs.toString('hex'));
    expect(readdirSync(p.dir)).toEqual(['database-key.bin']);
  });

  it('ignores a temporary file a crashed first run left behind', () => {
    const p = place();
    const store = fakeKeyStore();
    writeFileSync(`${p.keyFile}.0a1b2c3d4e5f.tmp`, 'half a key');
    const first = mustKey(databaseKey(store, 'linux', p));
    expect(mustKey(databaseKey(store, 'linux', p)).key.equals(first.key)).toBe(true);
  });

  it('refuses a key file another OS account (or a reset key store) cannot unwrap, and makes no new key', () => {
    const p = place();
    mustKey(databaseKey(fakeKeyStore(), 'darwin', p));
    writeFileSync(p.databaseFile, 'an encrypted database');
    const before = readFileSync(p.keyFile);
    const otherAccount = fakeKeyStore();
    const result = databaseKey(otherAccount, 'darwin', p);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) {
      expect(result.problem).toContain(p.keyFile);
      expect(result.problem).toMatch(/cannot be unlocked by this user account.*restore the database and .* together from the same backup/s);
    }
    expect(otherAccount.encryptString).not.toHaveBeenCalled();
    expect(readFileSync(p.keyFile).equals(before)).toBe(true);
  });

  it('refuses a truncated key file rather than replace it', () => {
    const p = place();
    const store = fakeKeyStore();
    mustKey(databaseKey(store, 'linux', p));
    writeFileSync(p.keyFile, readFileSync(p.keyFile).subarray(0, 20));
    expect(databaseKey(store, 'linux', p)).toMatchObject({ ok: false, problem: expect.stringContaining('cannot be unlocked') as unknown });
    expect(readFileSync(p.keyFile)).toHaveLength(20);
  });

  it('refuses a key file that unwraps to something that is not a key', () => {
    const p = place();
    const store = fakeKeyStore();
    writeFileSync(p.keyFile, store.encryptString('not-a-key'));
    expect(databaseKey(store, 'linux', p)).toMatchObject({ ok: false, problem: expect.stringContaining('is damaged') as unknown });
  });

  it('refuses a database that exists without a key file: a new key would lock the user out', () => {
    const p = place();
    writeFileSync(p.databaseFile, 'an encrypted database');
    const store = fakeKeyStore();
    const result = databaseKey(store, 'win32', p);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.problem).toContain(`no key for it at ${p.keyFile}`);
    expect(store.encryptString).not.toHaveBeenCalled();
    expect(readdirSync(p.dir)).toEqual(['spo-oversight.sqlite']);
  });
});

describe('a database with no key file yet', () => {
  it('gets a new key when the file is empty (SQLite makes a new database there)', () => {
    const p = place();
    writeFileSync(p.databaseFile, '');
    expect(databaseKey(fakeKeyStore(), 'linux', p)).toMatchObject({ ok: true, created: true });
  });

  it('refuses one written before encryption (plain SQLite), naming spo-oversight encrypt, and makes no key', () => {
    const p = place();
    writeFileSync(p.databaseFile, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4080)]));
    const store = fakeKeyStore();
    const result = databaseKey(store, 'linux', p);
    expect(result).toMatchObject({ ok: false, problem: expect.stringContaining(`is not encrypted`) as unknown });
    if (!result.ok) expect(result.problem).toContain(`spo-oversight encrypt --db "${p.databaseFile}"`);
    expect(store.encryptString).not.toHaveBeenCalled();
    expect(readdirSync(p.dir)).toEqual(['spo-oversight.sqlite']);
  });

  it('takes the key the command line kept for it into the key store, leaving the plain file for the caller to remove once the database opens', () => {
    const p = place();
    const key = randomBytes(DB_KEY_BYTES);
    writeFileSync(p.databaseFile, 'an encrypted database');
    writeFileSync(databaseIdFile(p.databaseFile), `${'1f'.repeat(16)}\n`);
    const engineFile = keyFileOfId('1f'.repeat(16), 'db-key');
    mkdirSync(dirname(engineFile), { recursive: true });
    writeFileSync(engineFile, `${key.toString('hex')}\n`);
    const store = fakeKeyStore();
    const result = mustKey(databaseKey(store, 'linux', p));
    expect(result).toMatchObject({ created: false, adopted: engineFile });
    expect(result.key.equals(key)).toBe(true);
    expect(store.decryptString(readFileSync(p.keyFile))).toBe(key.toString('hex'));
    expect(mustKey(databaseKey(store, 'linux', p)).key.equals(key)).toBe(true);
  });
});

describe('the OS key store', () => {
  it('is refused when encryption is not available, before any file is touched', () => {
    const p = place();
    const store = fakeKeyStore({ available: false });
    expect(databaseKey(store, 'win32', p)).toMatchObject({ ok: false, problem: expect.stringContaining('that store is not available') as unknown });
    expect(readdirSync(p.dir)).toEqual([]);
  });

  it('refuses the basic_text backend on Linux (the unprotected one)', () => {
    const p = place();
    const result = databaseKey(fakeKeyStore({ backend: 'basic_text' }), 'linux', p);
    expect(result).toMatchObject({ ok: false, problem: expect.stringContaining('basic_text') as unknown });
    expect(readdirSync(p.dir)).toEqual([]);
  });

  it('refuses an unknown backend on Linux', () => {
    expect(databaseKey(fakeKeyStore({ backend: 'unknown' }), 'linux', place())).toMatchObject({ ok: false, problem: expect.stringContaining('could not tell which password manager') as unknown });
  });

  it.each(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])('accepts the %s backend on Linux', (backend) => {
    expect(databaseKey(fakeKeyStore({ backend }), 'linux', place())).toMatchObject({ ok: true });
  });

  it('asks for a Linux backend only on Linux (the call is Linux-only in Electron)', () => {
    const store = fakeKeyStore({ backend: 'basic_text' });
    expect(databaseKey(store, 'darwin', place())).toMatchObject({ ok: true });
    expect(databaseKey(store, 'win32', place())).toMatchObject({ ok: true });
    expect(store.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('is refused when a key it wrapped cannot be read back, and nothing is written', () => {
    const p = place();
    const store = fakeKeyStore();
    store.decryptString.mockImplementation(() => 'something else');
    expect(databaseKey(store, 'linux', p)).toMatchObject({ ok: false, problem: expect.stringContaining('could not be read back') as unknown });
    expect(readdirSync(p.dir)).toEqual([]);
  });
});

describe('who supplies the key', () => {
  it('is the key store in a packaged app, even if --db is given', () => {
    expect(keySource(['SPO Oversight'], true)).toBe('key-store');
    expect(keySource(['SPO Oversight', '--db', '/tmp/other.sqlite'], true)).toBe('key-store');
  });

  it('is the engine (env var or the database’s key files) for the demo database npm start passes', () => {
    expect(keySource(['electron', 'dist/electron', '--db', 'data/demo.sqlite'], false)).toBe('engine');
  });

  it('is the key store when running from the repository without --db', () => {
    expect(keySource(['electron', 'dist/electron'], false)).toBe('key-store');
  });
});
