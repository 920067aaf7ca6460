import { readFile } from 'node:fs/promises';
import type { ExportSignature, ExportVerification, SignatureStatus, SigningKeyRef } from '../contract/index.js';
import { signatureWords } from '../contract/words/index.js';
import { DomainError } from '../errors.js';
import { csvRow, parseCsv, readCell } from './csv-cell.js';
import { REVIEWS_START } from './json.js';
import { CSV_META_MARKER, PDF_META, metaFromCsvHeader, metaSchema } from './meta.js';
import { unseal } from './seal.js';
import { signatureMatches, splitSignature, type Split } from './signature.js';
import { publicKeyFromSpki, type PublicKeyInfo } from '../signing/key.js';

function readMeta(format: 'csv' | 'json' | 'pdf', body: Buffer, whole = false): unknown {
  switch (format) {
    case 'json': {
      // Only the header: a newline cannot occur inside a JSON string, so the first REVIEWS_START ends it.
      const end = body.indexOf(REVIEWS_START);
      const head = body.subarray(0, end < 0 ? body.length : end).toString('utf8');
      const doc = JSON.parse(`${head.replace(/,$/, '')}}`) as { header?: Record<string, unknown> };
      const { digest: _digest, howToCheck: _how, ...meta } = doc.header ?? {};
      return meta;
    }
    case 'csv': {
      // The metadata block follows the data after one empty line (csv.ts). Its start is found from
      // the end, as a data cell may hold the same words; if that reading fails, the whole file is
      // parsed and the last marker row outside any quoted cell is taken.
      if (!whole) {
        const at = body.lastIndexOf(`\r\n\r\n${csvRow([CSV_META_MARKER])}`);
        if (at < 0) return undefined;
        return metaFromCsvHeader(parseCsv(body.subarray(at + 4).toString('utf8')).slice(1).map((row) => row.map(readCell)));
      }
      const rows = parseCsv(body.toString('utf8'));
      let start = rows.length - 1;
      while (start > 0 && !(rows[start]?.length === 1 && rows[start]?.[0] === CSV_META_MARKER && rows[start - 1]?.join('') === '')) start--;
      return start > 0 ? metaFromCsvHeader(rows.slice(start + 1).map((row) => row.map(readCell))) : undefined;
    }
    case 'pdf': {
      const line = PDF_META.exec(body.subarray(Math.max(0, body.length - 2048)).toString('latin1'))?.[1];
      return line ? JSON.parse(line) : undefined;
    }
  }
}

/** Whose signatures verify accepts as making a file intact. */
export interface Trust {
  /** This installation's key: what it signed reads as "signed by this installation". */
  installation?: PublicKeyInfo | null;
  /** Public keys the reader names as trusted (`verify --trust`): the sender's, given in advance. */
  trusted?: readonly PublicKeyInfo[];
}

/** Who signed the bytes before the signature line, given the key the (digest-checked) header names. */
function signatureOf(split: Split, named: SigningKeyRef | undefined, trust: Trust): ExportSignature {
  if (!split.signature) return named ? { status: 'unsigned', fingerprint: named.fingerprint } : { status: 'unsigned' };
  const key = named ? publicKeyFromSpki(named.publicKey) : null;
  // A header whose shown fingerprint is not its key's would mislead whoever compares fingerprints by eye.
  if (!key || key.fingerprint !== named?.fingerprint) return { status: 'bad-signature', ...(named ? { fingerprint: named.fingerprint } : {}) };
  if (!signatureMatches(split.signed, split.signature, key)) return { status: 'bad-signature', fingerprint: key.fingerprint };
  if (trust.installation?.spki === key.spki) return { status: 'this-installation', fingerprint: key.fingerprint };
  if (trust.trusted?.some((t) => t.spki === key.spki)) return { status: 'trusted-key', fingerprint: key.fingerprint };
  return { status: 'other-key', fingerprint: key.fingerprint };
}

const accepted: ReadonlySet<SignatureStatus> = new Set(['this-installation', 'trusted-key']);

/**
 * Checks an export's bytes against its digest and its signature, and reads its metadata back when
 * they hold. Intact only when the digest holds and the signature is by this installation or a
 * trusted key: a digest alone can be recomputed by whoever changes the file.
 */
export function verifyExportBytes(bytes: Buffer, trust: Trust = {}): ExportVerification {
  const split = splitSignature(bytes);
  const sealed = unseal(split.signed);
  if (!sealed.intact) {
    const signature: ExportSignature = { status: split.signature ? 'bad-signature' : 'unsigned' };
    return { intact: false, signature, reason: sealed.reason, ...(sealed.format ? { format: sealed.format } : {}), ...(sealed.digest ? { digest: sealed.digest } : {}) };
  }
  const read = (whole: boolean) => {
    try {
      return metaSchema.safeParse(readMeta(sealed.format, sealed.body, whole));
    } catch {
      return metaSchema.safeParse(undefined);
    }
  };
  let parsed = read(false);
  if (!parsed.success && sealed.format === 'csv') parsed = read(true);
  if (!parsed.success || parsed.data.format !== sealed.format || (split.format && split.format !== sealed.format)) {
    // The digest holds but the header is not one this app writes: someone sealed their own file.
    const signature: ExportSignature = { status: split.signature ? 'bad-signature' : 'unsigned' };
    return { intact: false, signature, format: sealed.format, digest: sealed.digest, reason: 'the digest holds, but the metadata is not that of an oversight log export' };
  }
  const meta = parsed.data;
  const signature = signatureOf(split, meta.signingKey, trust);
  const base = { signature, format: sealed.format, digest: sealed.digest, meta };
  if (accepted.has(signature.status)) return { intact: true, ...base };
  const words = signatureWords(signature);
  return { intact: false, ...base, reason: `${words.title}. ${words.detail}` };
}

export async function verifyExportFile(path: string, trust: Trust = {}): Promise<ExportVerification> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new DomainError('io', `path: cannot read ${path}: ${(e as Error).message}`, 'path');
  }
  return verifyExportBytes(bytes, trust);
}
