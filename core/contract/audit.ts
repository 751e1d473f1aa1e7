import { z } from 'zod';
import { EmptyInput } from './common';
import { channel } from './channel-access';
import { CHAIN_CHECKERS } from './roles';

export const AuditVerifyResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), rows: z.number().int(), headSequence: z.number().int(), headHash: z.string() }),
  z.object({ ok: z.literal(false), rows: z.number().int(), firstBadSequence: z.number().int() }),
]);
export type AuditVerifyResult = z.infer<typeof AuditVerifyResultSchema>;

export const auditChannels = {
  'audit:verify': channel({ input: EmptyInput, output: AuditVerifyResultSchema, access: CHAIN_CHECKERS }),
} as const;
