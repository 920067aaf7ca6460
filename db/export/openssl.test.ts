import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportFormat } from '../contract/index.js';
import { fixture, ok, review } from '../reviews/testing/fixture.js';
import { installationSigningKey } from '../signing/installation.js';
import { publicKeyPem } from '../signing/key.js';
import { tempDir } from '../testing/extract.js';
import { reseal, signatureLineOf } from './testing/reseal.js';

/** OpenSSL 3 or later: Ed25519 with -rawin. */
const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' });
const version = Number(/^OpenSSL (\d+)\./.exec(openssl.stdout)?.[1] ?? 0);
const skip = openssl.error || version < 3 ? `openssl ${openssl.error ? 'is not installed' : `is ${openssl.stdout.trim()}, older than 3.0`}` : false;

/** The shell blocks of the README's "Checking a signature without the app", in order: the commands an inspector is told to run. */
function readmeCommands(): { check: string; fingerprint: string; keyFromFile: string } {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const start = readme.indexOf('#### Checking a signature without the app');
  const section = readme.slice(start, readme.indexOf('\n#', start + 10));
  const blocks = [...section.matchAll(/```sh\n([^]*?)```/g)].map((m) => m[1] ?? '');
  const [check, fingerprint, keyFromFile] = blocks;
  if (start < 0 || !check || !fingerprint || !keyFromFile) throw new Error('the README has lost its OpenSSL commands');
  return { check, fingerprint, keyFromFile };
}

/** Runs a README block as written, with only its `F=` and `KEY=` lines naming this test's files. */
function run(block: string, dir: string, file: string, key: string): { code: number; out: string } {
  const script = block.replace(/^F=.*$/m, `F='${file}'`).replace(/^KEY=.*$/m, `KEY='${key}'`);
  const r = spawnSync('sh', ['-c', script.includes('KEY=') ? script : `KEY='${key}'\nF='${file}'\n${script}`], { cwd: dir, encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

describe.skipIf(skip)(`the README's OpenSSL commands${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it.each<ExportFormat>(['csv', 'json', 'pdf'])('%s: pass on a fresh export with the PDU’s public key, fail once a byte is edited or the file is re-sealed, and give the fingerprint', async (format) => {
    const f = await fixture();
    await ok(f.service.call('reviews:record', review()));
    const out = join(f.dir, `oversight-log.${format}`);
    const r = await ok(f.service.call('log:export', { format, out, purpose: 'HMIP inspection' }));
    const dir = tempDir('spo-openssl-');
    const key = join(dir, 'pdu-key.pem');
    writeFileSync(key, publicKeyPem(installationSigningKey(f.db)));
    const { check, fingerprint, keyFromFile } = readmeCommands();

    expect(run(check, dir, out, key)).toEqual({ code: 0, out: 'Signature Verified Successfully\n' });

    const bytes = readFileSync(out);
    const edited = Buffer.from(bytes);
    const at = bytes.indexOf('HMIP inspection');
    edited[at] = 'h'.charCodeAt(0);
    const editedFile = join(dir, `edited.${format}`);
    writeFileSync(editedFile, edited);
    expect(run(check, dir, editedFile, key)).toMatchObject({ code: 1, out: expect.stringContaining('Signature Verification Failure') as unknown });

    // Re-sealed with a correct digest and the old signature line kept: OpenSSL is not fooled either.
    const resealedFile = join(dir, `resealed.${format}`);
    writeFileSync(resealedFile, Buffer.concat([reseal(bytes, (t) => t.replaceAll('HMIP inspection', 'Police request')), signatureLineOf(bytes)]));
    expect(run(check, dir, resealedFile, key)).toMatchObject({ code: 1, out: expect.stringContaining('Signature Verification Failure') as unknown });

    const printed = run(fingerprint, dir, out, key);
    expect(printed.code).toBe(0);
    expect(/= ([0-9a-f]{64})/.exec(printed.out)?.[1]?.slice(0, 32)).toBe(r.fingerprint.replaceAll(' ', ''));

    // Given only the fingerprint: the key the file names, whose fingerprint is the same, checks it.
    expect(run(keyFromFile, dir, out, key).code).toBe(0);
    const fromFile = join(dir, 'file-key.pem');
    expect(readFileSync(fromFile, 'utf8')).toBe(readFileSync(key, 'utf8'));
    expect(run(check, dir, out, fromFile)).toEqual({ code: 0, out: 'Signature Verified Successfully\n' });
  });
});
