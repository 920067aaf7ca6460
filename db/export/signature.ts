import { sign, verify } from 'node:crypto';
import type { ExportFormat } from '../contract/index.js';
import type { PublicKeyInfo, SigningKey } from '../signing/key.js';

/**
 * The signature of an export, and how it sits in the file.
 *
 * The file is `signed bytes + signature line`: the signature line is always the file's last line,
 * and the signed bytes are every byte before it — the whole sealed export, its digest included
 * (seal.ts). So a standard tool checks it without knowing the format: drop the last line, decode
 * the 88 base64 characters on it, and run an Ed25519 verify (README: "Checking a signature without
 * the app"). Ed25519 signs the bytes themselves (no pre-hash), so the signature is over exactly
 * what the reader holds.
 *
 * The public key is not on this line: it is in the export's header (CSV metadata rows, the JSON
 * header, the PDF's metadata line), inside the signed bytes, with its fingerprint, which the PDF
 * also shows on its title page.
 */
interface SignatureLayout {
  line(signature: string): string;
  /** Matches the signature line at the end of the file's last bytes (read as latin1). */
  pattern: RegExp;
}

/** 64 bytes of Ed25519 signature in base64: 86 characters and "==". */
const SIGNATURE = '([A-Za-z0-9+/]{86}==)';

const layouts: Readonly<Record<ExportFormat, SignatureLayout>> = {
  csv: {
    line: (s) => `signature,ed25519:${s}\r\n`,
    pattern: new RegExp(`(?<=\\n)signature,ed25519:${SIGNATURE}\\r\\n$`),
  },
  // The signature member closes the document on the same line, so the last line is the signature for JSON too.
  json: {
    line: (s) => `  "signature": "ed25519:${s}"}\n`,
    pattern: new RegExp(`(?<=,\\n) {2}"signature": "ed25519:${SIGNATURE}"\\}\\n$`),
  },
  pdf: {
    line: (s) => `%spo-oversight-signature ed25519:${s}\n`,
    pattern: new RegExp(`(?<=\\n)%spo-oversight-signature ed25519:${SIGNATURE}\\n$`),
  },
};

/** The signature line over `signed` (the sealed export, in parts as written). */
export function signatureLine(format: ExportFormat, signed: readonly Buffer[], key: SigningKey): Buffer {
  // Ed25519 in Node takes one buffer: the copy costs a few milliseconds for 10,000 reviews.
  const signature = sign(null, signed.length === 1 && signed[0] ? signed[0] : Buffer.concat(signed), key.privateKey);
  return Buffer.from(layouts[format].line(signature.toString('base64')), 'latin1');
}

export interface Split {
  /** Every byte before the signature line (the whole file when it has none). */
  signed: Buffer;
  signature: Buffer | null;
  format?: ExportFormat;
}

/** Takes the signature line off the end of an export, when it has one. */
export function splitSignature(bytes: Buffer): Split {
  const tail = bytes.subarray(Math.max(0, bytes.length - 256)).toString('latin1');
  for (const format of Object.keys(layouts) as ExportFormat[]) {
    const match = layouts[format].pattern.exec(tail);
    const signature = match?.[1];
    if (!match || !signature) continue;
    // The last base64 character carries 4 unused bits: a change there decodes to the same signature,
    // yet it is a changed byte, so only the one canonical spelling is read (an empty signature never matches).
    const decoded = Buffer.from(signature, 'base64');
    return { signed: bytes.subarray(0, bytes.length - match[0].length), signature: decoded.toString('base64') === signature ? decoded : Buffer.alloc(0), format };
  }
  return { signed: bytes, signature: null };
}

export function signatureMatches(signed: Buffer, signature: Buffer, key: PublicKeyInfo): boolean {
  try {
    return verify(null, signed, key.key, signature);
  } catch {
    return false;
  }
}
