import type { z } from 'zod';
import type { Channel, ChannelOutput, channels } from '../../core/contract';
import type { DbHost } from '../../db/host/worker-client';
import type { Access } from '../../db/host/operations';

type ParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;

interface Handler<C extends Channel> {
  /** Who may call it; the database worker enforces it against the session it holds. */
  access: Access;
  run(host: DbHost, input: ParsedInput<C>, access: Access): Promise<ChannelOutput<C>>;
}

const ADMIN = ['administrator'] as const;
const LOG_REVIEWERS = ['administrator', 'team_lead', 'auditor'] as const;

/** One handler per channel: access rule plus the operation it runs. No SQL and no UI logic here. */
export const handlers: { [C in Channel]: Handler<C> } = {
  'session:status': { access: 'public', run: (h, i, a) => h.call('session.status', i, a) },
  'session:setup': { access: 'public', run: (h, i, a) => h.call('session.setup', i, a) },
  'session:unlock': { access: 'public', run: (h, i, a) => h.call('session.unlock', i, a) },
  'session:lock': { access: 'public', run: (h, _i, a) => h.call('session.lock', { reason: 'user' }, a) },
  'session:change-passphrase': { access: 'unlocked', run: (h, i, a) => h.call('session.change-passphrase', i, a) },
  'session:recover': { access: 'public', run: (h, i, a) => h.call('session.recover', i, a) },
  'session:open-demo': { access: 'public', run: (h, i, a) => h.call('session.open-demo', i, a) },
  'session:leave-demo': { access: 'public', run: (h, i, a) => h.call('session.leave-demo', i, a) },
  'users:list': { access: ADMIN, run: (h, i, a) => h.call('users.list', i, a) },
  'users:create': { access: ADMIN, run: (h, i, a) => h.call('users.create', i, a) },
  'users:disable': { access: ADMIN, run: (h, i, a) => h.call('users.disable', i, a) },
  'reference:counties': { access: 'unlocked', run: (h, i, a) => h.call('reference.counties', i, a) },
  'reference:municipalities': { access: 'unlocked', run: (h, i, a) => h.call('reference.municipalities', i, a) },
  'reference:districts': { access: 'unlocked', run: (h, i, a) => h.call('reference.districts', i, a) },
  'audit:verify': { access: LOG_REVIEWERS, run: (h, i, a) => h.call('audit.verify', i, a) },
  'settings:get': { access: 'unlocked', run: (h, i, a) => h.call('settings.get', i, a) },
  'settings:update': { access: ADMIN, run: (h, i, a) => h.call('settings.update', i, a) },
};
