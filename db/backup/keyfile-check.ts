import crypto from 'node:crypto';
import { DbError } from '../errors';
import { deriveKek } from '../keys/kdf';
import { canonicalSlot, KeyfileSchema, slotAad, slotIdFor, type Keyfile } from '../keys/keyfile';
import { unwrapKey, type Wrapped } from '../keys/wrap';

/** A user row of the backup's own database, as far as its key slot goes. */
export interface BackupUserSlot {
  username: string;
  wrapped_key: string;
}

/** Who restores, with the passphrase they gave: their slot in the backup's key file must open. */
export interface Opener {
  username: string;
  passphrase: string;
}

function damaged(why: string): never {
  throw new DbError(
    'backup_keyfile_damaged',
    `The key file stored with this backup is damaged (${why}). Restoring it would lock users out, so it cannot be used.`,
  ).because('backup_keyfile_damaged');
}

/** Canonical JSON of a key file: fixed field order, slots sorted by id, so a MAC does not depend on how JSON was written. */
function canonicalKeyfile(k: Keyfile): string {
  const slots = Object.entries(k.slots)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, slot]) => [id, JSON.parse(canonicalSlot(slot)) as unknown]);
  return JSON.stringify({
    format: k.format,
    version: k.version,
    installationId: k.installationId,
    slotSalt: k.slotSalt,
    cipher: { name: k.cipher.name, legacy: k.cipher.legacy },
    slots,
    recovery: { salt: k.recovery.salt, wrapped: { iv: k.recovery.wrapped.iv, ct: k.recovery.wrapped.ct, tag: k.recovery.wrapped.tag } },
  });
}

/**
 * HMAC-SHA256 over the key file copy, keyed by a key derived from the data key: written into the
 * manifest, it authenticates every slot (the recovery slot too) without anyone's passphrase.
 */
export function keyfileMac(keyfile: Keyfile, dataKey: Buffer): string {
  const macKey = Buffer.from(crypto.hkdfSync('sha256', dataKey, Buffer.alloc(0), 'fristad-backup-keyfile-mac-v1', 32));
  try {
    return crypto.createHmac('sha256', macKey).update(canonicalKeyfile(keyfile), 'utf8').digest('hex');
  } finally {
    macKey.fill(0);
  }
}

/** Strict base64 of an exact byte length. */
function isBase64Of(text: string, bytes: number): boolean {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return false;
  const raw = Buffer.from(text, 'base64');
  return raw.length === bytes && raw.toString('base64') === text;
}

/** An AES-256-GCM wrap of a 32-byte key: 12-byte IV, 32-byte ciphertext, 16-byte tag. */
function wellFormed(w: Wrapped): boolean {
  return isBase64Of(w.iv, 12) && isBase64Of(w.ct, 32) && isBase64Of(w.tag, 16);
}

/**
 * Checks the key file copy of a backup before it is restored: its structure, that every wrapped key
 * is a well-formed AES-GCM wrap, that it belongs to this installation (id, slot salt, cipher), the
 * MAC written with it (manifests without one: each user slot must equal the copy the backup's own
 * database keeps), and, given the restorer's passphrase, that their slot opens to the data key.
 * Refuses with `backup_keyfile_damaged`: a restored key file that nobody can open is a lock-out.
 */
export async function checkKeyfileCopy(input: {
  keyfile: Keyfile;
  mac: string | undefined;
  dataKey: Buffer;
  live: Keyfile | null;
  users: BackupUserSlot[];
  opener?: Opener;
}): Promise<void> {
  const parsed = KeyfileSchema.safeParse(input.keyfile);
  if (!parsed.success) damaged('structure');
  const k = parsed.data;
  if (input.live) {
    if (k.installationId !== input.live.installationId) {
      throw new DbError('not_allowed', 'This backup belongs to another Fristad installation. It cannot be restored here.').because('backup_other_installation');
    }
    if (k.slotSalt !== input.live.slotSalt || k.cipher.name !== input.live.cipher.name || k.cipher.legacy !== input.live.cipher.legacy) damaged('installation');
  }
  if (!isBase64Of(k.recovery.salt, 16) || !wellFormed(k.recovery.wrapped)) damaged('recovery slot');
  for (const slot of Object.values(k.slots)) {
    if (!wellFormed(slot.wrapped)) damaged('user slot');
  }
  if (input.mac !== undefined) {
    const expected = Buffer.from(keyfileMac(k, input.dataKey), 'hex');
    const given = Buffer.from(input.mac, 'hex');
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) damaged('checksum');
  }
  // The database keeps a canonical copy of each user's slot: a slot that differs from it is damaged
  // (with or without a MAC: both were written together). A slot of nobody locks nobody out, but
  // without a MAC it may be a user's slot whose id was damaged, so it is refused then.
  const byId = new Map(input.users.map((u) => [slotIdFor(k, u.username), u]));
  for (const [id, slot] of Object.entries(k.slots)) {
    const user = byId.get(id);
    if (user ? user.wrapped_key !== canonicalSlot(slot) : input.mac === undefined) damaged('user slot');
  }
  if (input.opener) {
    const id = slotIdFor(k, input.opener.username);
    const slot = k.slots[id];
    if (!slot) damaged('restorer slot');
    // The slot equals the backup's own database copy (checked above), so its key settings are Fristad's own.
    const key = unwrapKey(slot.wrapped, await deriveKek(input.opener.passphrase, slot.kdf), slotAad(k.installationId, id));
    const same = key !== null && key.length === input.dataKey.length && crypto.timingSafeEqual(key, input.dataKey);
    key?.fill(0);
    if (!same) damaged('restorer slot');
  }
}
