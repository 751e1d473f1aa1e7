import type { housingChannels, supportJournalChannels } from '../../../core/contract';
import type { HandlerMap } from '../handler-types';

type SupportChannels = Extract<keyof typeof supportJournalChannels, `support:${string}`>;

/** housing:*, shelters:* and support:* channels. */
export const housingHandlers: HandlerMap<keyof typeof housingChannels | SupportChannels> = {} as never;
