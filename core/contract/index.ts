import type { z } from 'zod';
import { accessChannels } from './access';
import { auditChannels } from './audit';
import { auditReviewChannels } from './audit-review';
import { backupChannels } from './backup';
import { casesChannels } from './cases';
import { caseViewChannels } from './case-view';
import { damagedChannels } from './damaged';
import { housingChannels } from './housing';
import { kompottenChannels } from './kompotten';
import { movesChannels } from './moves';
import { protectionChannels } from './protection';
import { supportJournalChannels } from './support-journal';
import { referenceChannels } from './reference';
import { reportsChannels } from './reports';
import { retentionChannels } from './retention';
import { riskChannels } from './risk';
import { sessionChannels } from './session';
import { settingsChannels } from './settings';
import { usersChannels } from './users';

export * from './access';
export * from './audit';
export * from './audit-review';
export * from './backup';
export * from './bridge';
export * from './casework-common';
export * from './channel-access';
export * from './cases';
export * from './case-view';
export * from './damaged';
export * from './housing';
export * from './kompotten';
export * from './moves';
export * from './protection';
export * from './support-journal';
export * from './common';
export * from './refusals';
export * from './reference';
export * from './reports';
export * from './retention';
export * from './roles';
export * from './risk';
export * from './session';
export * from './settings';
export * from './users';
export * from './well-formed-text';
export * from './input-depth';
export * from './request-size';

/** Every channel of the API, `domain:verb`, with the schemas both sides use. */
export const channels = {
  ...sessionChannels,
  ...usersChannels,
  ...referenceChannels,
  ...auditChannels,
  ...auditReviewChannels,
  ...settingsChannels,
  ...casesChannels,
  ...caseViewChannels,
  ...protectionChannels,
  ...accessChannels,
  ...movesChannels,
  ...kompottenChannels,
  ...housingChannels,
  ...supportJournalChannels,
  ...riskChannels,
  ...reportsChannels,
  ...retentionChannels,
  ...backupChannels,
  ...damagedChannels,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>;

export const CHANNEL_NAMES = Object.keys(channels) as Channel[];

/** True when a string names a channel of the contract. */
export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
