import crypto from 'node:crypto';
import { z } from 'zod';

export const WrappedSchema = z.object({
  iv: z.string().min(1),
  ct: z.string().min(1),
  tag: z.string().min(1),
});
export type Wrapped = z.infer<typeof WrappedSchema>;

/** Encrypts the data key under a key-encryption key (AES-256-GCM); `aad` binds it to its slot. */
export function wrapKey(dataKey: Buffer, kek: Buffer, aad: string): Wrapped {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Decrypts a wrapped data key; returns null when the key-encryption key or slot is wrong. */
export function unwrapKey(wrapped: Wrapped, kek: Buffer, aad: string): Buffer | null {
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
