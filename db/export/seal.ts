import { createHash } from 'node:crypto';
import type { ExportFormat } from '../contract/index.js';

/**
 * The digest of an export, and how it sits in the file.
 *
 * The sealed file is `body + trailer`. The trailer is one fixed-format line naming the digest (for
 * JSON, a member of the document; for PDF, a comment after %%EOF); the signature line follows it
 * and signs both (signature.ts). The body also shows the digest where a reader looks for it — the JSON
 * header, the CSV's metadata rows, the PDF title page — written there in place of a placeholder of 64 zeros.
 *
 *   digest = SHA-256(body, with each place the digest is shown holding the placeholder)
 *
 * `unseal` reads the digest from the trailer, puts the placeholder back wherever the body shows
 * that digest, and recomputes. A digest cannot occur in the body by chance (it would be a
 * SHA-256 pre-image), so the restored body is exactly the body that was hashed. A change to any
 * byte — content, whitespace, header, the shown digest, the PDF's own structure, or the trailer —
 * then fails: the trailer no longer parses, or the recomputed digest differs.
 */

export const PLACEHOLDER = '0'.repeat(64);

interface Layout {
  trailer(digest: string): string;
  /** Matches the trailer at the end of the file's last bytes (read as latin1, one char a byte). */
  pattern: RegExp;
  /** How the body shows a 64-hex-digit value. */
  shown(hex: string): string;
}

/** pdfkit writes text in a standard font as a hex string of WinAnsi codes: "0" is 30. */
const pdfShown = (hex: string): string => `<${Buffer.from(hex, 'latin1').toString('hex')}>`;

export const layouts: Readonly<Record<ExportFormat, Layout>> = {
  csv: {
    trailer: (d) => `digest,sha256:${d}\r\n`,
    pattern: /(?<=\r\n)digest,sha256:([0-9a-f]{64})\r\n$/,
    shown: (hex) => hex,
  },
  // Signed exports go on after the digest (signature.ts closes the document); exports made before
  // signing end with the digest and the closing brace, and still unseal.
  json: {
    trailer: (d) => `  "digest": "sha256:${d}",\n`,
    pattern: /(?<=,\n) {2}"digest": "sha256:([0-9a-f]{64})"(?:,\n|\n\}\n)$/,
    shown: (hex) => hex,
  },
  pdf: {
    trailer: (d) => `%spo-oversight-digest sha256:${d}\n`,
    pattern: /(?<=\n)%spo-oversight-digest sha256:([0-9a-f]{64})\n$/,
    shown: pdfShown,
  },
};

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Fills the digest into the body at `slots` (byte offsets where the renderer wrote the shown
 * placeholder), in place, and returns the trailer to write after it. The body is not copied:
 * an export of 10,000 reviews is tens of megabytes.
 */
export function seal(format: ExportFormat, body: Buffer, slots: readonly number[]): { trailer: Buffer; digest: string } {
  const layout = layouts[format];
  const placeholder = Buffer.from(layout.shown(PLACEHOLDER), 'latin1');
  for (const at of slots) {
    if (!body.subarray(at, at + placeholder.length).equals(placeholder)) throw new Error(`no digest placeholder at byte ${at}`);
  }
  const digest = sha256(body);
  const shown = Buffer.from(layout.shown(digest), 'latin1');
  for (const at of slots) shown.copy(body, at);
  return { trailer: Buffer.from(layout.trailer(digest), 'latin1'), digest };
}

/** SHA-256 of `body` read with every occurrence of `from` as `to` (same length), without copying it. */
function digestReplacing(body: Buffer, from: Buffer, to: Buffer): string {
  const hash = createHash('sha256');
  let last = 0;
  for (let at = body.indexOf(from); at !== -1; at = body.indexOf(from, at + from.length)) {
    hash.update(body.subarray(last, at)).update(to);
    last = at + from.length;
  }
  return hash.update(body.subarray(last)).digest('hex');
}

export type Unsealed =
  | { intact: true; format: ExportFormat; digest: string; body: Buffer }
  | { intact: false; reason: string; format?: ExportFormat; digest?: string };

export function unseal(bytes: Buffer): Unsealed {
  const tail = bytes.subarray(Math.max(0, bytes.length - 512)).toString('latin1');
  for (const format of Object.keys(layouts) as ExportFormat[]) {
    const layout = layouts[format];
    const match = layout.pattern.exec(tail);
    const digest = match?.[1];
    if (!match || !digest) continue;
    const body = bytes.subarray(0, bytes.length - match[0].length);
    if (digestReplacing(body, Buffer.from(layout.shown(digest), 'latin1'), Buffer.from(layout.shown(PLACEHOLDER), 'latin1')) !== digest) {
      return { intact: false, format, digest, reason: `the contents do not match the digest ${digest}: the file was changed after it was exported` };
    }
    return { intact: true, format, digest, body };
  }
  return {
    intact: false,
    reason: 'the file does not end with a digest line: it is not an oversight log export, or its end was changed or cut off',
  };
}
