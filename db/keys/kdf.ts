import { argon2id } from 'hash-wasm';
import { z } from 'zod';
import { DbError } from '../errors';

export const KdfParamsSchema = z.object({
  alg: z.literal('argon2id'),
  /** Memory in KiB. */
  m: z.number().int().positive(),
  t: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.string().min(16),
});
export type KdfParams = z.infer<typeof KdfParamsSchema>;

/** The floor every real database must meet: Argon2id, 64 MiB, 3 passes, 1 lane. */
export const KDF_FLOOR = { m: 65536, t: 3, p: 1 } as const;
/** Light parameters, accepted only when FRISTAD_TEST_KDF=1 is set explicitly (tests). */
export const KDF_TEST = { m: 1024, t: 1, p: 1 } as const;

/** True when the process has opted into test-only key-derivation parameters. */
export function testKdfAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.FRISTAD_TEST_KDF === '1';
}

/** Parameters for a new key slot: the floor, or the test profile when explicitly allowed. */
export function newKdfParams(saltB64: string, env: NodeJS.ProcessEnv = process.env): KdfParams {
  const base = testKdfAllowed(env) ? KDF_TEST : KDF_FLOOR;
  return { alg: 'argon2id', ...base, salt: saltB64 };
}

/** True when the parameters meet the floor a real database requires. */
export function meetsFloor(params: KdfParams): boolean {
  return params.m >= KDF_FLOOR.m && params.t >= KDF_FLOOR.t && params.p >= KDF_FLOOR.p;
}

/** Refuses parameters below the floor unless the process runs with the test-only setting. */
export function assertAcceptable(params: KdfParams, env: NodeJS.ProcessEnv = process.env): void {
  if (!meetsFloor(params) && !testKdfAllowed(env)) {
    throw new DbError('weak_key_settings', 'This database was made with test-only key settings below the required minimum and cannot be opened.');
  }
}

/** Derives a 32-byte key-encryption key from a passphrase with Argon2id. */
export async function deriveKek(passphrase: string, params: KdfParams): Promise<Buffer> {
  const out = await argon2id({
    password: passphrase.normalize('NFC'),
    salt: Buffer.from(params.salt, 'base64'),
    parallelism: params.p,
    iterations: params.t,
    memorySize: params.m,
    hashLength: 32,
    outputType: 'binary',
  });
  return Buffer.from(out);
}
