import type { protectionChannels } from '../../../core/contract';
import { CASEWORK, type HandlerMap } from '../handler-types';

/** cases:reveal: a time-limited, audited look at a protected case's masked fields. */
export const protectionHandlers: HandlerMap<keyof typeof protectionChannels> = {
  'cases:reveal': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('cases.reveal', i, a) },
};
