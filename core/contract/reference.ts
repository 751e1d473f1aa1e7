import { z } from 'zod';
import { EmptyInput } from './common';
import { channel } from './channel-access';

export const CountySchema = z.object({ code: z.string(), name: z.string(), letterCode: z.string() });
export type County = z.infer<typeof CountySchema>;

export const MunicipalitySchema = z.object({
  code: z.string(),
  name: z.string(),
  countyCode: z.string(),
  lat: z.number(),
  lon: z.number(),
});
export type Municipality = z.infer<typeof MunicipalitySchema>;

export const DistrictSchema = z.object({ slug: z.string(), name: z.string(), lat: z.number(), lon: z.number() });
export type District = z.infer<typeof DistrictSchema>;

export const referenceChannels = {
  'reference:counties': channel({ input: EmptyInput, output: z.array(CountySchema), access: 'unlocked' }),
  'reference:municipalities': channel({ input: EmptyInput, output: z.array(MunicipalitySchema), access: 'unlocked' }),
  'reference:districts': channel({ input: EmptyInput, output: z.array(DistrictSchema), access: 'unlocked' }),
} as const;
