import type { supportJournalChannels } from '../../../core/contract';
import type { HandlerMap } from '../handler-types';

type JournalChannels = Extract<keyof typeof supportJournalChannels, `journal:${string}` | `reminders:${string}`>;

/** journal:* and reminders:* channels. */
export const journalHandlers: HandlerMap<JournalChannels> = {} as never;
