import type { housingChannels, supportJournalChannels } from '../../../core/contract';
import { CASEWORK, type HandlerMap } from '../handler-types';

type SupportChannels = Extract<keyof typeof supportJournalChannels, `support:${string}`>;

/** housing:*, shelters:* and support:* channels. The shelter register is the team's, so caseworkers keep it too. */
export const housingHandlers: HandlerMap<keyof typeof housingChannels | SupportChannels> = {
  'housing:list': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('housing.list', i, a) },
  'housing:add-step': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('housing.add-step', i, a) },
  'housing:update-step': { access: CASEWORK, caseScope: (i) => ({ step: i.id }), run: (h, i, a) => h.call('housing.update-step', i, a) },
  'shelters:list': { access: CASEWORK, run: (h, i, a) => h.call('shelters.list', i, a) },
  'shelters:create': { access: CASEWORK, run: (h, i, a) => h.call('shelters.create', i, a) },
  'shelters:update': { access: CASEWORK, run: (h, i, a) => h.call('shelters.update', i, a) },
  'support:list': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('support.list', i, a) },
  'support:add': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('support.add', i, a) },
  'support:update': { access: CASEWORK, caseScope: (i) => ({ supportItem: i.id }), run: (h, i, a) => h.call('support.update', i, a) },
};
