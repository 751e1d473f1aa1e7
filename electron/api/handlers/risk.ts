import type { riskChannels } from '../../../core/contract';
import { CASEWORK, type HandlerMap } from '../handler-types';

/** Only these roles add an organisation's licensed instrument file; the operation checks it again. */
const INSTRUMENT_ADMINS = ['administrator', 'team_lead'] as const;
/** Templates hold no case content: those who use them and those who install them may read them. */
const INSTRUMENT_READERS = ['caseworker', 'team_lead', 'administrator'] as const;

/** risk:* channels: instruments as data, assessments, history and comparison. */
export const riskHandlers: HandlerMap<keyof typeof riskChannels> = {
  'risk:instruments': { access: INSTRUMENT_READERS, run: (h, i, a) => h.call('risk.instruments', i, a) },
  'risk:instrument': { access: INSTRUMENT_READERS, run: (h, i, a) => h.call('risk.instrument', i, a) },
  'risk:import-instrument': { access: INSTRUMENT_ADMINS, run: (h, i, a) => h.call('risk.import-instrument', i, a) },
  'risk:list': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('risk.list', i, a) },
  'risk:get': { access: CASEWORK, caseScope: (i) => ({ assessment: i.id }), run: (h, i, a) => h.call('risk.get', i, a) },
  'risk:start': { access: CASEWORK, caseScope: (i) => ({ case: i.caseId }), run: (h, i, a) => h.call('risk.start', i, a) },
  'risk:save-draft': { access: CASEWORK, caseScope: (i) => ({ assessment: i.id }), run: (h, i, a) => h.call('risk.save-draft', i, a) },
  'risk:complete': { access: CASEWORK, caseScope: (i) => ({ assessment: i.id }), run: (h, i, a) => h.call('risk.complete', i, a) },
  'risk:compare': { access: CASEWORK, caseScope: (i) => ({ assessment: i.leftId }), run: (h, i, a) => h.call('risk.compare', i, a) },
};
