import { createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fieldCipher, isSealed } from './field-cipher.js';

const key = Buffer.alloc(32, 7);

describe('fieldCipher', () => {
  it('seals to text that hides the value and opens back to it, Chinese included', () => {
    const c = fieldCipher(key);
    for (const v of ['13912345678', 'zhang.san@qq.com', '张三', '']) {
      const sealed = c.seal(v);
      expect(isSealed(sealed)).toBe(true);
      if (v !== '') expect(sealed).not.toContain(v);
      expect(c.open(sealed)).toBe(v);
    }
  });

  it('is AES-256-GCM under a key derived from the master key: a plain GCM decipher reads it', () => {
    const sealed = fieldCipher(key).seal('13912345678');
    const raw = Buffer.from(sealed.slice('enc1:'.length), 'base64url');
    expect(raw.length).toBe(12 + 16 + 11);
    const encKey = createHmac('sha256', key).update('salescope field encryption').digest();
    const d = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    expect(Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString()).toBe('13912345678');
  });

  it('gives the same sealed text for the same value (imports compare them) and different IVs for different values', () => {
    const c = fieldCipher(key);
    expect(c.seal('13912345678')).toBe(c.seal('13912345678'));
    expect(c.seal('13912345678').slice(5, 21)).not.toBe(c.seal('13912345679').slice(5, 21));
  });

  it('refuses a tampered value and a wrong key, and passes values written before sealing through', () => {
    const c = fieldCipher(key);
    const sealed = c.seal('13912345678');
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(() => c.open(flipped)).toThrow();
    expect(() => fieldCipher(randomBytes(32)).open(sealed)).toThrow();
    expect(c.open('13912345678')).toBe('13912345678');
    expect(c.open(null)).toBeNull();
    expect(fieldCipher(randomBytes(32)).keyId).not.toBe(c.keyId);
    expect(() => fieldCipher(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
