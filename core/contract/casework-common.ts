import { z } from 'zod';

/** A calendar date, YYYY-MM-DD, as caseworkers enter them. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { message: 'date_format' });

export const IdSchema = z.number().int().positive();
export const ByIdInput = z.object({ id: IdSchema }).strict();
export const ByCaseInput = z.object({ caseId: IdSchema }).strict();

/** Free text with a limit; trimmed. Empty is allowed unless a schema says otherwise. */
export const text = (max: number) => z.string().trim().max(max, { message: 'text_too_long' });
export const requiredText = (max: number) => text(max).min(1, { message: 'required' });

/** The municipality every Stockholm district lies in (SCB code). */
export const STOCKHOLM_MUNICIPALITY_CODE = '0180';

/** A place: a Swedish municipality by SCB code, or a Stockholm district by slug. */
export const PlaceRefSchema = z
  .object({
    kind: z.enum(['municipality', 'district']),
    code: z.string().trim().min(1, { message: 'required' }).max(64),
  })
  .strict();
export type PlaceRef = z.infer<typeof PlaceRefSchema>;

/** A place with its name, for display. */
export const PlaceSchema = PlaceRefSchema.extend({ name: z.string() });
export type Place = z.infer<typeof PlaceSchema>;

export const MoneySchema = z
  .number({ message: 'number_required' })
  .finite({ message: 'number_required' })
  .min(0, { message: 'not_negative' })
  .max(1_000_000, { message: 'too_large' });
