import { generateKeyPairSync } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFilePath } from '../../../keys/paths.js';
import { runCli } from '../../../testing/cli.js';
import { tempDir } from '../../../testing/extract.js';

describe('keys show', () => {
  it('prints this installation’s fingerprint and public key, the same each time, keeping the private key in a file only its owner reads', async () => {
    const db = join(tempDir('spo-cli-keys-'), 'spo.sqlite');
    const first = await runCli(['keys', 'show', '--db', db]);
    expect(first.code).toBe(0);
    const fingerprint = /fingerprint: ([0-9a-f ]{39})\n/.exec(first.out)?.[1];
    expect(first.out).toMatch(/-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=]{60}\n-----END PUBLIC KEY-----\n$/);
    expect(first.out).not.toContain('PRIVATE');
    expect(statSync(keyFilePath(db, 'signing-key')).mode & 0o777).toBe(0o600);
    const json = await runCli(['keys', 'show', '--json', '--db', db]);
    expect(JSON.parse(json.out)).toMatchObject({ algorithm: 'Ed25519', fingerprint, publicKeyPem: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----/) as unknown });
    expect((await runCli(['keys', 'show', '--pem', '--db', db])).out).toBe(/-----BEGIN[^]*$/.exec(first.out)?.[0]);
  });

  it('reads the key SPO_OVERSIGHT_SIGNING_KEY_FILE names (as openssl genpkey writes it), and refuses a name with no file rather than make a new key', async () => {
    const dir = tempDir('spo-cli-keys-');
    const file = join(dir, 'signing.pem');
    // PKCS#8 PEM, as `openssl genpkey -algorithm ed25519` writes it.
    writeFileSync(file, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const named = await runCli(['keys', 'show', '--json'], { SPO_OVERSIGHT_SIGNING_KEY_FILE: file });
    expect(JSON.parse(named.out)).toMatchObject({ keptIn: file });
    const missing = await runCli(['keys', 'show'], { SPO_OVERSIGHT_SIGNING_KEY_FILE: join(dir, 'nope.pem') });
    expect(missing).toMatchObject({ code: 2, err: expect.stringMatching(/no signing key at .*nope\.pem; make one with: openssl genpkey/) as unknown });
    expect(await runCli(['keys', 'show'])).toMatchObject({ code: 2, err: expect.stringMatching(/no database: pass --db FILE/) as unknown });
    expect(await runCli(['keys', 'rotate', '--db', join(dir, 'x.sqlite')])).toMatchObject({ code: 2, err: 'spo-oversight keys: keys needs a subcommand: keys show, or keys migrate --db FILE\n' });
  });
});
