import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { DbError } from '../errors';
import { writeFileAtomic } from '../files/secure-files';
import { KdfParamsSchema } from './kdf';
import { WrappedSchema } from './wrap';

/**
 * The key file sits beside the database and is readable before unlock. It holds only wrapped
 * copies of the data key: one per user (Argon2id over the passphrase) and one for the recovery key.
 * Slots are named by a salted hash of the username so the file does not list the team's staff.
 */
export const KEYFILE_FORMAT = 'fristad-keyfile';
export const KEYFILE_VERSION = 1;

export const UserSlotSchema = z.object({
  kdf: KdfParamsSchema,
  wrapped: WrappedSchema,
  createdAt: z.string(),
});
export type UserSlot = z.infer<typeof UserSlotSchema>;

export const RecoverySlotSchema = z.object({
  salt: z.string().min(16),
  wrapped: WrappedSchema,
});

export const KeyfileSchema = z.object({
  format: z.literal(KEYFILE_FORMAT),
  version: z.number().int().positive(),
  installationId: z.string().min(8),
  slotSalt: z.string().min(16),
  cipher: z.object({ name: z.literal('sqlcipher'), legacy: z.literal(4) }),
  slots: z.record(z.string(), UserSlotSchema),
  recovery: RecoverySlotSchema,
});
export type Keyfile = z.infer<typeof KeyfileSchema>;

/** Canonical JSON of a slot, so the database's copy and the key file's compare byte for byte. */
export function canonicalSlot(slot: UserSlot): string {
  return JSON.stringify({
    kdf: { alg: slot.kdf.alg, m: slot.kdf.m, t: slot.kdf.t, p: slot.kdf.p, salt: slot.kdf.salt },
    wrapped: { iv: slot.wrapped.iv, ct: slot.wrapped.ct, tag: slot.wrapped.tag },
    createdAt: slot.createdAt,
  });
}

/** The slot id for a username: a salted hash, stable per installation. */
export function slotIdFor(keyfile: Pick<Keyfile, 'slotSalt'>, username: string): string {
  return crypto.createHash('sha256').update(Buffer.from(keyfile.slotSalt, 'base64')).update(username.trim().toLowerCase(), 'utf8').digest('base64url');
}

/** Associated data binding a wrapped key to its slot, so slots cannot be swapped between users. */
export function slotAad(installationId: string, slotId: string): string {
  return `fristad-user-slot-v1|${installationId}|${slotId}`;
}

export function recoveryAad(installationId: string): string {
  return `fristad-recovery-v1|${installationId}`;
}

/** Reads and validates the key file; null when there is none (a new installation). */
export function readKeyfile(file: string): Keyfile | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DbError('database_damaged', 'The key file beside the database is damaged. Restore it from a backup.');
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > KEYFILE_VERSION) {
    throw new DbError('database_from_future', 'This data was written by a newer version of Fristad. Install the newer version to open it.');
  }
  const parsed = KeyfileSchema.safeParse(json);
  if (!parsed.success) {
    throw new DbError('database_damaged', 'The key file beside the database is damaged. Restore it from a backup.');
  }
  return parsed.data;
}

/** Writes the key file atomically with owner-only permissions. */
export function writeKeyfile(file: string, keyfile: Keyfile): void {
  writeFileAtomic(file, `${JSON.stringify(keyfile, null, 2)}\n`);
}
