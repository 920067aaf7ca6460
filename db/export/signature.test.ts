import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportFormat } from '../contract/index.js';
import { signatureWords } from '../contract/words/index.js';
import { fixture, ok, review, type Fixture } from '../reviews/testing/fixture.js';
import { installationSigningKey } from '../signing/installation.js';
import { ephemeralSigningKey } from '../signing/key.js';
import { pdfPageTexts } from './testing/pdf-inspect.js';
import { reseal, signatureLineOf } from './testing/reseal.js';
import { verifyExportBytes } from './verify.js';

const formats: ExportFormat[] = ['csv', 'json', 'pdf'];

async function signedExport(format: ExportFormat): Promise<Fixture & { bytes: Buffer; fingerprint: string; digest: string }> {
  const f = await fixture();
  await ok(f.service.call('reviews:record', review()));
  const out = join(f.dir, `log.${format}`);
  const r = await ok(f.service.call('log:export', { format, out, purpose: 'HMIP inspection', recipient: 'HM Inspectorate of Probation' }));
  return { ...f, bytes: readFileSync(out), fingerprint: r.fingerprint, digest: r.digest };
}

const mine = (f: Fixture) => ({ installation: installationSigningKey(f.db) });
/** The edit a forger makes: the SPO's decision (in the PDF, compressed) and the stated purpose (in every format's header) say something else. */
function forged(text: string): string {
  const edited = text.replace('Continue with weekly reporting.', 'Close the case at once.').replaceAll('HMIP inspection', 'Police request');
  if (edited === text) throw new Error('the forger’s edit changed nothing');
  return edited;
}

describe('signed exports', () => {
  it.each(formats)('%s: signed by this installation, and the fingerprint is the one `keys show` gives and the header names', async (format) => {
    const f = await signedExport(format);
    const key = installationSigningKey(f.db);
    expect(f.fingerprint).toBe(key.fingerprint);
    expect(f.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
    const v = verifyExportBytes(f.bytes, mine(f));
    expect(v).toMatchObject({ intact: true, digest: f.digest, signature: { status: 'this-installation', fingerprint: key.fingerprint } });
    expect(v.meta?.signingKey).toEqual({ publicKey: key.spki, fingerprint: key.fingerprint });
    expect(signatureWords(v.signature).title).toBe('Signed by this installation');
  });

  it('PDF: the title page shows the signing key’s fingerprint', async () => {
    const f = await signedExport('pdf');
    const title = (pdfPageTexts(f.bytes)[0] ?? '').replace(/\s*\n\s*/g, ' ');
    expect(title).toContain(`Signed by key: ${f.fingerprint} (Ed25519 fingerprint; compare it with the one the sender gave you)`);
  });

  it.each(formats)('%s: edited and re-sealed with a correct SHA-256, it is not intact: the signature does not match, changed since export', async (format) => {
    const f = await signedExport(format);
    const resealed = reseal(f.bytes, forged);
    // The forger's digest holds: only the signature catches the edit.
    const withOldSignature = Buffer.concat([resealed, signatureLineOf(f.bytes)]);
    const v = verifyExportBytes(withOldSignature, mine(f));
    expect(v).toMatchObject({ intact: false, signature: { status: 'bad-signature', fingerprint: f.fingerprint } });
    expect(v.reason).toMatch(/^Signature does not match: changed since export\. /);
    // With the signature line dropped, it is not signed: never intact.
    expect(verifyExportBytes(resealed, mine(f))).toMatchObject({ intact: false, signature: { status: 'unsigned', fingerprint: f.fingerprint }, reason: expect.stringMatching(/^Not signed\. /) as unknown });
  });

  it.each(formats)('%s: edited, re-sealed and re-signed with another key, it reads as signed by that key’s fingerprint, not this installation’s, and is not intact', async (format) => {
    const f = await signedExport(format);
    const mineKey = installationSigningKey(f.db);
    const forger = ephemeralSigningKey();
    const swapKey = (text: string) => forged(text).replaceAll(mineKey.spki, forger.spki).replaceAll(mineKey.fingerprint, forger.fingerprint);
    const bytes = reseal(f.bytes, swapKey, forger);
    const v = verifyExportBytes(bytes, mine(f));
    expect(v).toMatchObject({ intact: false, signature: { status: 'other-key', fingerprint: forger.fingerprint } });
    expect(v.reason).toContain(`Signed by key ${forger.fingerprint} (not this installation's; compare the fingerprint with the one the sender gave you)`);
    // Keeping this installation's key in the header does not help the forger: the signature is not that key's.
    expect(verifyExportBytes(reseal(f.bytes, forged, forger), mine(f)).signature.status).toBe('bad-signature');
    // A header that shows another fingerprint than its key's is refused too.
    const lying = reseal(f.bytes, (t) => swapKey(t).replaceAll(forger.fingerprint, mineKey.fingerprint), forger);
    expect(verifyExportBytes(lying, mine(f)).signature.status).toBe('bad-signature');
  });

  it.each(formats)('%s: a key named as trusted (verify --trust) makes a file it signed intact; without it, and elsewhere, the same file reads as another key’s', async (format) => {
    const f = await signedExport(format);
    const key = installationSigningKey(f.db);
    expect(verifyExportBytes(f.bytes, { trusted: [key] })).toMatchObject({ intact: true, signature: { status: 'trusted-key', fingerprint: key.fingerprint } });
    expect(verifyExportBytes(f.bytes)).toMatchObject({ intact: false, signature: { status: 'other-key', fingerprint: key.fingerprint } });
    expect(verifyExportBytes(f.bytes, { installation: ephemeralSigningKey(), trusted: [ephemeralSigningKey()] }).signature.status).toBe('other-key');
  });

  it.each(formats)('%s: an export made before exports were signed reads as not signed, in words, and never as intact', (format) => {
    const bytes = readFileSync(join(import.meta.dirname, 'testing', 'unsigned', `old-export.${format}`));
    const v = verifyExportBytes(bytes, { installation: ephemeralSigningKey() });
    expect(v).toMatchObject({ intact: false, format, signature: { status: 'unsigned' }, meta: { format, reviewCount: 1 } });
    expect(v.signature.fingerprint).toBeUndefined();
    expect(v.reason).toMatch(/^Not signed\. The file carries no signature: it was exported before SPO Oversight signed its exports, or its signature was removed\./);
  });

  it('the service’s log:verify knows this installation’s key; another installation’s service reads the same file as another key’s', async () => {
    const f = await signedExport('csv');
    const path = join(f.dir, 'log.csv');
    expect(await ok(f.service.call('log:verify', { path }))).toMatchObject({ intact: true, signature: { status: 'this-installation' } });
    const elsewhere = await fixture();
    expect(await ok(elsewhere.service.call('log:verify', { path }))).toMatchObject({ intact: false, signature: { status: 'other-key', fingerprint: f.fingerprint } });
  });
});
