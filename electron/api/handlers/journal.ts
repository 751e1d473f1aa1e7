import type { supportJournalChannels } from '../../../core/contract';
import { CASEWORK, type HandlerMap } from '../handler-types';

type JournalChannels = Extract<keyof typeof supportJournalChannels, `journal:${string}` | `reminders:${string}`>;

/** journal:* and reminders:* channels. The team view of reminders:due is checked by the operation. */
export const journalHandlers: HandlerMap<JournalChannels> = {
  'journal:list': { access: CASEWORK, run: (h, i, a) => h.call('journal.list', i, a) },
  'journal:create': { access: CASEWORK, run: (h, i, a) => h.call('journal.create', i, a) },
  'journal:update-draft': { access: CASEWORK, run: (h, i, a) => h.call('journal.update-draft', i, a) },
  'journal:sign': { access: CASEWORK, run: (h, i, a) => h.call('journal.sign', i, a) },
  'reminders:list': { access: CASEWORK, run: (h, i, a) => h.call('reminders.list', i, a) },
  'reminders:create': { access: CASEWORK, run: (h, i, a) => h.call('reminders.create', i, a) },
  'reminders:complete': { access: CASEWORK, run: (h, i, a) => h.call('reminders.complete', i, a) },
  'reminders:due': { access: CASEWORK, run: (h, i, a) => h.call('reminders.due', i, a) },
};
