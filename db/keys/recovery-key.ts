import crypto from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a printed key cannot be misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = 4;

function toBase32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text) {
    const idx = ALPHABET.indexOf(ch);
    if (idx < 0) return null;
    value = ((value << 5) | idx) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function checksum(bytes: Buffer): string {
  return toBase32(crypto.createHash('sha256').update(bytes).digest()).slice(0, GROUP);
}

/** A new random 256-bit recovery secret. */
export function generateRecoverySecret(): Buffer {
  return crypto.randomBytes(32);
}

/** Formats the secret for printing: groups of four characters and a checksum group at the end. */
export function formatRecoveryKey(secret: Buffer): string {
  const body = toBase32(secret) + checksum(secret);
  return body.match(/.{1,4}/g)?.join('-') ?? body;
}

/** Reads a typed recovery key, forgiving case, spaces, dashes and look-alike letters; null if mistyped. */
export function parseRecoveryKey(text: string): Buffer | null {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== 52 + GROUP) return null;
  const secret = fromBase32(cleaned.slice(0, 52));
  if (!secret || secret.length !== 32) return null;
  return checksum(secret) === cleaned.slice(52) ? secret : null;
}
