import { auditReviewOps } from '../app/audit-review';
import { backupOps } from '../app/backup';
import { casesOps } from '../app/cases';
import { caseViewOps } from '../app/case-view';
import { damagedOps } from '../app/damaged';
import { foundationOps } from '../app/foundation';
import { journalOps } from '../app/journal';
import { housingOps } from '../app/housing';
import { movesOps } from '../app/moves';
import { riskOps } from '../app/risk';
import { sharingOps } from '../app/sharing';
import { reportsOps } from '../app/reports';
import { protectionOps } from '../app/protection';
import { retentionOps } from '../app/retention';

export { isScopedAccess, WorkerState, type Access, type RoleRule, type ScopedAccess } from './worker-state';
export type { CaseScope } from '../db/access/case-scope';

/** Every operation the worker runs; each is one unit of work on the active store. */
export const operations = {
  ...foundationOps,
  ...casesOps,
  ...caseViewOps,
  ...protectionOps,
  ...sharingOps,
  ...journalOps,
  ...movesOps,
  ...housingOps,
  ...riskOps,
  ...reportsOps,
  ...retentionOps,
  ...backupOps,
  ...damagedOps,
  ...auditReviewOps,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<K extends OperationName> = Parameters<Operations[K]>[1];
export type OperationResult<K extends OperationName> = Awaited<ReturnType<Operations[K]>>;
