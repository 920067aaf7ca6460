import type { ExportSignature } from '../export.js';

/** The words verify gives for a signature: a title (the verdict) and what it means. Shared by the CLI and the Verify screen. */
export interface SignatureWords {
  title: string;
  detail: string;
}

export function signatureWords(s: ExportSignature): SignatureWords {
  const key = s.fingerprint ?? 'unknown';
  switch (s.status) {
    case 'this-installation':
      return {
        title: 'Signed by this installation',
        detail: `Signed with this installation's key (fingerprint ${key}), and the signature matches every byte: the file is exactly as this installation exported it.`,
      };
    case 'trusted-key':
      return {
        title: `Signed by the key you trust (${key})`,
        detail: `Signed with the public key you named as trusted (fingerprint ${key}), and the signature matches every byte: the file is exactly as the holder of that key exported it.`,
      };
    case 'other-key':
      return {
        title: `Signed by key ${key} (not this installation's; compare the fingerprint with the one the sender gave you)`,
        detail:
          `The signature matches the file, but anyone can make a key: it shows only that whoever holds key ${key} signed it. ` +
          'If that is the fingerprint the sender gave you in advance, the file is as they exported it; if not, do not rely on it.',
      };
    case 'unsigned':
      return {
        title: 'Not signed',
        detail:
          `The file carries no signature${s.fingerprint ? `, though its header names signing key ${key}: the signature was removed or cut off` : ': it was exported before SPO Oversight signed its exports, or its signature was removed'}. ` +
          'Its SHA-256 digest can be recomputed by anyone who changes the file, so it cannot show that the file is unchanged. Ask the sender for a fresh, signed export.',
      };
    case 'bad-signature':
      return {
        title: 'Signature does not match: changed since export',
        detail: `The signature${s.fingerprint ? ` (key ${key})` : ''} does not match the file's bytes: the file was changed after it was signed. Do not rely on it; ask the sender for a fresh export.`,
      };
  }
}
