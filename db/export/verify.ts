import { readFile } from 'node:fs/promises';
import type { ExportVerification } from '../contract/index.js';
import { DomainError } from '../errors.js';
import { parseCsv, readCell } from './csv-cell.js';
import { REVIEWS_START } from './json.js';
import { PDF_META, metaFromCsvHeader, metaSchema } from './meta.js';
import { unseal } from './seal.js';

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
      // The header ends at the first blank line, unless a quoted header cell holds one: then read it all.
      const end = whole ? -1 : body.indexOf('\r\n\r\n');
      const head = body.subarray(0, end < 0 ? body.length : end + 4).toString('utf8');
      return metaFromCsvHeader(parseCsv(head, true).map((row) => row.map(readCell)));
    }
    case 'pdf': {
      const line = PDF_META.exec(body.subarray(Math.max(0, body.length - 2048)).toString('latin1'))?.[1];
      return line ? JSON.parse(line) : undefined;
    }
  }
}

/** Checks an export's bytes against its digest, and reads its header back when they hold. */
export function verifyExportBytes(bytes: Buffer): ExportVerification {
  const sealed = unseal(bytes);
  if (!sealed.intact) {
    return { intact: false, reason: sealed.reason, ...(sealed.format ? { format: sealed.format } : {}), ...(sealed.digest ? { digest: sealed.digest } : {}) };
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
  if (!parsed.success || parsed.data.format !== sealed.format) {
    // The digest holds but the header is not one this app writes: someone sealed their own file.
    return { intact: false, format: sealed.format, digest: sealed.digest, reason: 'the digest holds, but the header block is not that of an oversight log export' };
  }
  return { intact: true, format: sealed.format, digest: sealed.digest, meta: parsed.data };
}

export async function verifyExportFile(path: string): Promise<ExportVerification> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new DomainError('io', `path: cannot read ${path}: ${(e as Error).message}`, 'path');
  }
  return verifyExportBytes(bytes);
}
