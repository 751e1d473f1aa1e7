import type { caseViewChannels, casesChannels } from '../../../core/contract';
import { CASEWORK, type HandlerMap } from '../handler-types';

/** cases:* (with cases:open) and people:* channels. */
export const casesHandlers: HandlerMap<keyof typeof casesChannels | keyof typeof caseViewChannels> = {
  'cases:list': { access: CASEWORK, run: (h, i, a) => h.call('cases.list', i, a) },
  'cases:get': { access: CASEWORK, caseScope: (i) => ({ case: i.id }), run: (h, i, a) => h.call('cases.get', i, a) },
  // The case and all its sections at once (one transaction, one commit): what opening a case reads.
  'cases:open': { access: CASEWORK, caseScope: (i) => ({ case: i.id }), run: (h, i, a) => h.call('cases.open', i, a) },
  'cases:create': { access: CASEWORK, run: (h, i, a) => h.call('cases.create', i, a) },
  'cases:update': { access: CASEWORK, caseScope: (i) => ({ case: i.id }), run: (h, i, a) => h.call('cases.update', i, a) },
  'cases:close': { access: CASEWORK, caseScope: (i) => ({ case: i.id }), run: (h, i, a) => h.call('cases.close', i, a) },
  'cases:reopen': { access: CASEWORK, caseScope: (i) => ({ case: i.id }), run: (h, i, a) => h.call('cases.reopen', i, a) },
  'people:add-child': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('people.add-child', i, a) },
  'people:update-child': { access: CASEWORK, caseScope: (i) => ({ child: i.id }), run: (h, i, a) => h.call('people.update-child', i, a) },
  'people:remove-child': { access: CASEWORK, caseScope: (i) => ({ child: i.id }), run: (h, i, a) => h.call('people.remove-child', i, a) },
  'people:add-perpetrator': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('people.add-perpetrator', i, a) },
  'people:update-perpetrator': { access: CASEWORK, caseScope: (i) => ({ perpetrator: i.id }), run: (h, i, a) => h.call('people.update-perpetrator', i, a) },
  'people:remove-perpetrator': { access: CASEWORK, caseScope: (i) => ({ perpetrator: i.id }), run: (h, i, a) => h.call('people.remove-perpetrator', i, a) },
};
