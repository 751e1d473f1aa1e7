import type { Channel } from '../../core/contract';
import type { Handler } from './handler-types';
import { accessHandlers } from './handlers/access';
import { auditReviewHandlers } from './handlers/audit-review';
import { backupHandlers } from './handlers/backup';
import { casesHandlers } from './handlers/cases';
import { damagedHandlers } from './handlers/damaged';
import { foundationHandlers } from './handlers/foundation';
import { housingHandlers } from './handlers/housing';
import { journalHandlers } from './handlers/journal';
import { movesHandlers } from './handlers/moves';
import { riskHandlers } from './handlers/risk';
import { reportsHandlers } from './handlers/reports';
import { protectionHandlers } from './handlers/protection';
import { retentionHandlers } from './handlers/retention';

/** One handler per channel: access rule plus the operation it runs. No SQL and no UI logic here. */
export const handlers: { [C in Channel]: Handler<C> } = {
  ...foundationHandlers,
  ...casesHandlers,
  ...protectionHandlers,
  ...accessHandlers,
  ...journalHandlers,
  ...movesHandlers,
  ...housingHandlers,
  ...riskHandlers,
  ...reportsHandlers,
  ...retentionHandlers,
  ...backupHandlers,
  ...damagedHandlers,
  ...auditReviewHandlers,
};
