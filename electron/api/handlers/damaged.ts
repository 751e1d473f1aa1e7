import type { damagedChannels } from '../../../core/contract';
import type { HandlerMap } from '../handler-types';

/**
 * Restoring a damaged database: public, because nobody can unlock a damaged file. The operations
 * check the passphrase against the key file (throttled like unlocking) and require an administrator.
 */
export const damagedHandlers: HandlerMap<keyof typeof damagedChannels> = {
  'session:damaged-backups': { access: 'public', run: (h, i, a) => h.call('damaged.backups', i, a) },
  'session:restore-damaged': { access: 'public', run: (h, i, a) => h.call('damaged.restore', i, a) },
};
