import { z } from 'zod';
import { IdSchema } from './casework-common';
import { caseChannel } from './channel-access';
import { CASEWORK } from './roles';

/**
 * What the worker sends instead of a protected value while it is masked. A distinct shape, not
 * null or "", so no view can show it as "empty" and no form can send it back as a value: the
 * compiler makes every reader decide what a masked value looks like.
 */
export const MaskedSchema = z.object({ masked: z.literal(true) }).strict();
export type Masked = z.infer<typeof MaskedSchema>;

/** The one masked value. */
export const MASKED: Masked = Object.freeze({ masked: true as const });

/** A value that is either itself or masked (a case with protected personal data, not revealed). */
export function maskable<T extends z.ZodType>(schema: T) {
  return z.union([schema, MaskedSchema]);
}

/** True when a value of a protected field is the mask. */
export function isMasked(value: unknown): value is Masked {
  return typeof value === 'object' && value !== null && (value as { masked?: unknown }).masked === true && Object.keys(value).length === 1;
}

export const REVEAL_MINUTES_DEFAULT = 5;

export const RevealMinutesSchema = z
  .number({ message: 'number_required' })
  .int({ message: 'number_required' })
  .min(1, { message: 'reveal_minutes_range' })
  .max(60, { message: 'reveal_minutes_range' });

/** A reveal asks for a written reason: it goes into the audit log and the log review reads it. */
export const RevealInputSchema = z
  .object({
    caseId: IdSchema,
    reason: z.string().trim().min(10, { message: 'reveal_reason_length' }).max(500, { message: 'reveal_reason_length' }),
  })
  .strict();
export type RevealInput = z.input<typeof RevealInputSchema>;

/** How a case with protected personal data is shown to this session right now. */
export const CaseRevealSchema = z.object({
  /** The case has protected personal data (its protection level is not "none"). */
  protected: z.boolean(),
  /** Its protected fields are masked in this answer. */
  masked: z.boolean(),
  /** Until when this session sees the real values (ISO time), or null. */
  revealedUntil: z.string().nullable(),
});
export type CaseReveal = z.infer<typeof CaseRevealSchema>;

export const protectionChannels = {
  'cases:reveal': caseChannel({ input: RevealInputSchema, output: CaseRevealSchema, access: CASEWORK, caseScope: (i) => ({ case: i.caseId }) }),
} as const;
