import type { riskChannels } from '../../../core/contract';
import type { HandlerMap } from '../handler-types';

/** risk:* channels. */
export const riskHandlers: HandlerMap<keyof typeof riskChannels> = {} as never;
