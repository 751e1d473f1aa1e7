import type { casesChannels } from '../../../core/contract';
import type { HandlerMap } from '../handler-types';

/** cases:* and people:* channels. */
export const casesHandlers: HandlerMap<keyof typeof casesChannels> = {} as never;
