import type { auditChannels, referenceChannels, sessionChannels, settingsChannels, usersChannels } from '../../../core/contract';
import { ADMIN, CASEWORK, LOG_REVIEWERS, USER_MANAGERS, type HandlerMap } from '../handler-types';

type Foundation = keyof (typeof sessionChannels & typeof usersChannels & typeof referenceChannels & typeof auditChannels & typeof settingsChannels);

/** Session, users, reference data, audit and settings. */
export const foundationHandlers: HandlerMap<Foundation> = {
  'session:status': { access: 'public', run: (h, i, a) => h.call('session.status', i, a) },
  'session:setup': { access: 'public', run: (h, i, a) => h.call('session.setup', i, a) },
  'session:unlock': { access: 'public', run: (h, i, a) => h.call('session.unlock', i, a) },
  'session:lock': { access: 'public', run: (h, _i, a) => h.call('session.lock', { reason: 'user' }, a) },
  'session:change-passphrase': { access: 'unlocked', run: (h, i, a) => h.call('session.change-passphrase', i, a) },
  'session:recover': { access: 'public', run: (h, i, a) => h.call('session.recover', i, a) },
  'session:open-demo': { access: 'public', run: (h, i, a) => h.call('session.open-demo', i, a) },
  'session:leave-demo': { access: 'public', run: (h, i, a) => h.call('session.leave-demo', i, a) },
  'session:acknowledge-rollback': { access: ADMIN, run: (h, i, a) => h.call('session.acknowledge-rollback', i, a) },
  'users:list': { access: USER_MANAGERS, run: (h, i, a) => h.call('users.list', i, a) },
  'users:create': { access: USER_MANAGERS, run: (h, i, a) => h.call('users.create', i, a) },
  'users:disable': { access: USER_MANAGERS, run: (h, i, a) => h.call('users.disable', i, a) },
  'users:assignees': { access: CASEWORK, run: (h, i, a) => h.call('users.assignees', i, a) },
  'reference:counties': { access: 'unlocked', run: (h, i, a) => h.call('reference.counties', i, a) },
  'reference:municipalities': { access: 'unlocked', run: (h, i, a) => h.call('reference.municipalities', i, a) },
  'reference:districts': { access: 'unlocked', run: (h, i, a) => h.call('reference.districts', i, a) },
  'audit:verify': { access: LOG_REVIEWERS, run: (h, i, a) => h.call('audit.verify', i, a) },
  'settings:get': { access: 'unlocked', run: (h, i, a) => h.call('settings.get', i, a) },
  'settings:update': { access: ADMIN, run: (h, i, a) => h.call('settings.update', i, a) },
};
