import { z } from 'zod';
import { EmptyInput } from './common';

export const AuditVerifyResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), rows: z.number().int(), headSequence: z.number().int(), headHash: z.string() }),
  z.object({ ok: z.literal(false), rows: z.number().int(), firstBadSequence: z.number().int() }),
]);
export type AuditVerifyResult = z.infer<typeof AuditVerifyResultSchema>;

export const auditChannels = {
  'audit:verify': { input: EmptyInput, output: AuditVerifyResultSchema },
} as const;
