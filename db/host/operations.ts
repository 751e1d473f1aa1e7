import { auditReviewOps } from '../ops/audit-review';
import { backupOps } from '../ops/backup';
import { casesOps } from '../ops/cases';
import { caseViewOps } from '../ops/case-view';
import { damagedOps } from '../ops/damaged';
import { foundationOps } from '../ops/foundation';
import { journalOps } from '../ops/journal';
import { housingOps } from '../ops/housing';
import { movesOps } from '../ops/moves';
import { riskOps } from '../ops/risk';
import { sharingOps } from '../ops/sharing';
import { reportsOps } from '../ops/reports';
import { protectionOps } from '../ops/protection';
import { retentionOps } from '../ops/retention';

export { isScopedAccess, WorkerState, type Access, type RoleRule, type ScopedAccess } from './worker-state';

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
