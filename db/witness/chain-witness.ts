import crypto from 'node:crypto';

/** An audit chain head as the witness keeps it: the sequence, its hash, and when it was seen. */
export interface WitnessedHead {
  sequence: number;
  hash: string;
  seenAt: string;
}

const FORMAT = 'fristad-witness';
const VERSION = 1;

/** The witness's HMAC key: derived from the data key, bound to the installation. */
export function witnessKey(dataKey: Buffer, installationId: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', dataKey, Buffer.from(installationId, 'utf8'), 'fristad-chain-witness-v1', 32));
}

function mac(key: Buffer, installationId: string, head: WitnessedHead): string {
  const body = JSON.stringify([FORMAT, VERSION, installationId, head.sequence, head.hash, head.seenAt]);
  return crypto.createHmac('sha256', key).update(body).digest('hex');
}

/** The signed witness text for a head. */
export function encodeWitness(key: Buffer, installationId: string, head: WitnessedHead): string {
  return `${JSON.stringify({ format: FORMAT, version: VERSION, installationId, ...head, mac: mac(key, installationId, head) })}\n`;
}

/** Reads a witness text: its head when the signature holds for this installation, else 'tampered'. */
export function decodeWitness(key: Buffer, installationId: string, text: string): WitnessedHead | 'tampered' {
  try {
    const w = JSON.parse(text) as Record<string, unknown>;
    if (w.format !== FORMAT || w.version !== VERSION || w.installationId !== installationId) return 'tampered';
    if (
      typeof w.sequence !== 'number' ||
      !Number.isSafeInteger(w.sequence) ||
      typeof w.hash !== 'string' ||
      typeof w.seenAt !== 'string' ||
      typeof w.mac !== 'string'
    ) {
      return 'tampered';
    }
    const head = { sequence: w.sequence, hash: w.hash, seenAt: w.seenAt };
    const expected = Buffer.from(mac(key, installationId, head), 'hex');
    const given = Buffer.from(w.mac, 'hex');
    return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? head : 'tampered';
  } catch {
    return 'tampered';
  }
}

/** What the database's chain says against the witness: the same history (perhaps longer), or not. */
export type WitnessComparison = 'same' | 'older' | 'different';

/**
 * Compares the database with the witnessed head: `older` when its chain ends before the witnessed
 * sequence, `different` when the row at that sequence has another hash (another history).
 */
export function compareWithWitness(witnessed: WitnessedHead, found: { sequence: number; hashAt: (sequence: number) => string | undefined }): WitnessComparison {
  if (found.sequence < witnessed.sequence) return 'older';
  return found.hashAt(witnessed.sequence) === witnessed.hash ? 'same' : 'different';
}
