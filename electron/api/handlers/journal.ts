import type { supportJournalChannels } from '../../../core/contract';
import { CASEWORK, type HandlerMap } from '../handler-types';

type JournalChannels = Extract<keyof typeof supportJournalChannels, `journal:${string}` | `reminders:${string}`>;

/** journal:* and reminders:* channels. The team view of reminders:due is checked by the operation. */
export const journalHandlers: HandlerMap<JournalChannels> = {
  'journal:list': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('journal.list', i, a) },
  'journal:create': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('journal.create', i, a) },
  'journal:update-draft': { access: CASEWORK, caseScope: (i) => ({ note: i.id }), run: (h, i, a) => h.call('journal.update-draft', i, a) },
  'journal:sign': { access: CASEWORK, caseScope: (i) => ({ note: i.id }), run: (h, i, a) => h.call('journal.sign', i, a) },
  'reminders:list': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('reminders.list', i, a) },
  'reminders:create': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('reminders.create', i, a) },
  'reminders:complete': { access: CASEWORK, caseScope: (i) => ({ reminder: i.id }), run: (h, i, a) => h.call('reminders.complete', i, a) },
  'reminders:due': { access: CASEWORK, run: (h, i, a) => h.call('reminders.due', i, a) },
};
