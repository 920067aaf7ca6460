/** Test helper: what a forger does to an export — edit it, then recompute its SHA-256 digest so the digest holds again. */
import { PLACEHOLDER, layouts, sha256, unseal } from '../seal.js';
import { signatureLine, splitSignature } from '../signature.js';
import type { SigningKey } from '../../signing/key.js';

/**
 * The export with `edit` applied to its text (read byte for byte as latin1) and a correct new
 * digest, without its signature line; `signWith` adds one made with that key.
 */
export function reseal(bytes: Buffer, edit: (text: string) => string, signWith?: SigningKey): Buffer {
  const sealed = unseal(splitSignature(bytes).signed);
  if (!sealed.intact) throw new Error(`reseal: the export does not unseal: ${sealed.reason}`);
  const layout = layouts[sealed.format];
  const shown = (hex: string) => layout.shown(hex);
  const open = edit(sealed.body.toString('latin1').replaceAll(shown(sealed.digest), shown(PLACEHOLDER)));
  const digest = sha256(Buffer.from(open, 'latin1'));
  const body = Buffer.from(open.replaceAll(shown(PLACEHOLDER), shown(digest)) + layout.trailer(digest), 'latin1');
  return signWith ? Buffer.concat([body, signatureLine(sealed.format, [body], signWith)]) : body;
}

/** The export's own signature line, to put back after a reseal. */
export function signatureLineOf(bytes: Buffer): Buffer {
  return bytes.subarray(splitSignature(bytes).signed.length);
}
