import type { retentionChannels } from '../../../core/contract';
import type { HandlerMap } from '../handler-types';

/** The preview lists case numbers and dates only, so administrators may see it; only team leads decide and purge. */
const PREVIEWERS = ['team_lead', 'administrator'] as const;
const PURGERS = ['team_lead'] as const;

/** retention:* channels (gallring); the operations check the roles again. */
export const retentionHandlers: HandlerMap<keyof typeof retentionChannels> = {
  'retention:preview': { access: PREVIEWERS, run: (h, i, a) => h.call('retention.preview', i, a) },
  'retention:decide': { access: PURGERS, run: (h, i, a) => h.call('retention.decide', i, a) },
  'retention:purge': { access: PURGERS, run: (h, i, a) => h.call('retention.purge', i, a) },
};
