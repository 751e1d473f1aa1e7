import type { kompottenChannels, movesChannels } from '../../../core/contract';
import { CASEWORK, type HandlerMap } from '../handler-types';

/** moves:* and kompotten:* channels. The Kompotten register is the team's, so caseworkers keep it too. */
export const movesHandlers: HandlerMap<keyof typeof movesChannels | keyof typeof kompottenChannels> = {
  'moves:list': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('moves.list', i, a) },
  'moves:check-destination': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('moves.check-destination', i, a) },
  'moves:create': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('moves.create', i, a) },
  'moves:transition': { access: CASEWORK, caseScope: (i) => ({ move: i.id }), run: (h, i, a) => h.call('moves.transition', i, a) },
  'kompotten:members': { access: CASEWORK, run: (h, i, a) => h.call('kompotten.members', i, a) },
  'kompotten:set-member': { access: CASEWORK, run: (h, i, a) => h.call('kompotten.set-member', i, a) },
  'kompotten:requests': { access: CASEWORK, caseScope: (i) => (i.caseId === null ? null : { case: i.caseId }), run: (h, i, a) => h.call('kompotten.requests', i, a) },
  'kompotten:add-request': { access: CASEWORK, caseScope: (i) => (i.caseId === null ? null : { case: i.caseId }), run: (h, i, a) => h.call('kompotten.add-request', i, a) },
  'kompotten:update-request': { access: CASEWORK, caseScope: (i) => ({ kompottenRequest: i.id }), run: (h, i, a) => h.call('kompotten.update-request', i, a) },
};
