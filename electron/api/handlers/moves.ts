import type { kompottenChannels, movesChannels } from '../../../core/contract';
import type { HandlerMap } from '../handler-types';

/** moves:* and kompotten:* channels. */
export const movesHandlers: HandlerMap<keyof typeof movesChannels | keyof typeof kompottenChannels> = {} as never;
