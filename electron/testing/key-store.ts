import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { vi } from 'vitest';
import type { KeyStore } from '../db-key.js';

/**
 * A stand-in for safeStorage that really encrypts, as the OS does: AES-256-GCM under a secret that
 * belongs to "the OS account". Another account (another secret) cannot decrypt, and a damaged blob
 * fails its tag, just as decryptString throws.
 */
export function fakeKeyStore({ available = true, backend = 'gnome_libsecret', account = randomBytes(32) } = {}) {
  const store = {
    isEncryptionAvailable: vi.fn(() => available),
    getSelectedStorageBackend: vi.fn(() => backend),
    encryptString: vi.fn((plain: string) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', account, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
    }),
    decryptString: vi.fn((blob: Buffer) => {
      const decipher = createDecipheriv('aes-256-gcm', account, blob.subarray(3, 15));
      decipher.setAuthTag(blob.subarray(15, 31));
      return Buffer.concat([decipher.update(blob.subarray(31)), decipher.final()]).toString('utf8');
    }),
  } satisfies KeyStore;
  return store;
}
