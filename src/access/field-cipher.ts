/**
 * Personal fields at rest: AES-256-GCM with a synthetic IV (HMAC-SHA256 of
 * the plaintext under a second key, first 12 bytes). The same value always
 * seals to the same text, so an import can still tell an unchanged row from
 * a changed one by comparing sealed values in SQL; the cost is that equal
 * values are visibly equal, which says nothing about what they are. Distinct
 * plaintexts get distinct IVs, so GCM's nonce rule holds.
 */
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';

const prefix = 'enc1:';

export interface FieldCipher {
  /** Who can read this: a fingerprint of the key, stored beside the data to catch a wrong key early. */
  readonly keyId: string;
  seal(plain: string): string;
  /** Plain text back; a value written before sealing existed comes back as it is. */
  open(stored: string | null): string | null;
}

export function isSealed(value: string): boolean {
  return value.startsWith(prefix);
}

const derive = (master: Buffer, label: string) => createHmac('sha256', master).update(label).digest();

export function fieldCipher(master: Buffer): FieldCipher {
  if (master.length !== 32) throw new Error(`a field key has 32 bytes, not ${master.length}`);
  const encKey = derive(master, 'salescope field encryption');
  const ivKey = derive(master, 'salescope field iv');
  return {
    keyId: derive(master, 'salescope key id').subarray(0, 8).toString('hex'),
    seal(plain) {
      const iv = createHmac('sha256', ivKey).update(plain, 'utf8').digest().subarray(0, 12);
      const c = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return prefix + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url');
    },
    open(stored) {
      if (stored === null || !isSealed(stored)) return stored;
      const raw = Buffer.from(stored.slice(prefix.length), 'base64url');
      const d = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
  };
}
