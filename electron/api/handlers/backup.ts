import type { backupChannels } from '../../../core/contract';
import { ADMIN, type HandlerMap } from '../handler-types';

/** backup:* channels: administrators only; the operations check the role again. */
export const backupHandlers: HandlerMap<keyof typeof backupChannels> = {
  'backup:status': { access: ADMIN, run: (h, i, a) => h.call('backup.status', i, a) },
  'backup:create': { access: ADMIN, run: (h, i, a) => h.call('backup.create', i, a) },
  'backup:settings': { access: ADMIN, run: (h, i, a) => h.call('backup.settings', i, a) },
  'backup:verify': { access: ADMIN, run: (h, i, a) => h.call('backup.verify', i, a) },
  'backup:restore': { access: ADMIN, run: (h, i, a) => h.call('backup.restore', i, a) },
  'backup:progress': { access: ADMIN, run: (h, i, a) => h.call('backup.progress', i, a) },
  'backup:leftovers': { access: ADMIN, run: (h, i, a) => h.call('backup.leftovers', i, a) },
  'backup:remove-leftover': { access: ADMIN, run: (h, i, a) => h.call('backup.remove-leftover', i, a) },
};
