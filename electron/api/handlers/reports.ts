import type { reportsChannels } from '../../../core/contract';
import type { HandlerMap } from '../handler-types';

/**
 * Reports to socialnämnden: team leads and administrators only; the operation checks it again.
 * Administrators see no case content, but reports are anonymised aggregates with small numbers
 * suppressed, so they may produce them.
 */
const REPORTERS = ['team_lead', 'administrator'] as const;

/** reports:* channels. */
export const reportsHandlers: HandlerMap<keyof typeof reportsChannels> = {
  'reports:prepare': { access: REPORTERS, run: (h, i, a) => h.call('reports.prepare', i, a) },
  'reports:generate': { access: REPORTERS, run: (h, i, a) => h.call('reports.generate', i, a) },
  'reports:export': { access: REPORTERS, run: (h, i, a) => h.call('reports.export', i, a) },
};
