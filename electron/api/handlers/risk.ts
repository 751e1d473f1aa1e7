import type { riskChannels } from '../../../core/contract';
import { CASEWORK, type HandlerMap } from '../handler-types';

/** Only these roles add an organisation's licensed instrument file; the operation checks it again. */
const INSTRUMENT_ADMINS = ['administrator', 'team_lead'] as const;

/** risk:* channels: instruments as data, assessments, history and comparison. */
export const riskHandlers: HandlerMap<keyof typeof riskChannels> = {
  'risk:instruments': { access: CASEWORK, run: (h, i, a) => h.call('risk.instruments', i, a) },
  'risk:instrument': { access: CASEWORK, run: (h, i, a) => h.call('risk.instrument', i, a) },
  'risk:import-instrument': { access: INSTRUMENT_ADMINS, run: (h, i, a) => h.call('risk.import-instrument', i, a) },
  'risk:list': { access: CASEWORK, run: (h, i, a) => h.call('risk.list', i, a) },
  'risk:get': { access: CASEWORK, run: (h, i, a) => h.call('risk.get', i, a) },
  'risk:start': { access: CASEWORK, run: (h, i, a) => h.call('risk.start', i, a) },
  'risk:save-draft': { access: CASEWORK, run: (h, i, a) => h.call('risk.save-draft', i, a) },
  'risk:complete': { access: CASEWORK, run: (h, i, a) => h.call('risk.complete', i, a) },
  'risk:compare': { access: CASEWORK, run: (h, i, a) => h.call('risk.compare', i, a) },
};
