import type { z } from 'zod';
import { auditChannels } from './audit';
import { referenceChannels } from './reference';
import { sessionChannels } from './session';
import { settingsChannels } from './settings';
import { usersChannels } from './users';

export * from './audit';
export * from './bridge';
export * from './common';
export * from './reference';
export * from './session';
export * from './settings';
export * from './users';

/** Every channel of the API, `domain:verb`, with the schemas both sides use. */
export const channels = {
  ...sessionChannels,
  ...usersChannels,
  ...referenceChannels,
  ...auditChannels,
  ...settingsChannels,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>;

export const CHANNEL_NAMES = Object.keys(channels) as Channel[];

/** True when a string names a channel of the contract. */
export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
