import type { accessChannels } from '../../../core/contract';
import { CASEWORK, type HandlerMap } from '../handler-types';

/** cases:share, cases:unshare, cases:shares: anyone who may open the case may see and change who is named on it. */
export const accessHandlers: HandlerMap<keyof typeof accessChannels> = {
  'cases:shares': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('cases.shares', i, a) },
  'cases:share': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('cases.share', i, a) },
  'cases:unshare': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('cases.unshare', i, a) },
};
