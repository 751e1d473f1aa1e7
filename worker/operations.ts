import type { Channel } from '../core/contract';
import { auditReviewOps } from '../app/audit-review';
import { backupOps } from '../app/backup';
import { casesOps } from '../app/cases';
import { caseViewOps } from '../app/case-view';
import { damagedOps } from '../app/damaged';
import { foundationOps, internalOps } from '../app/foundation';
import { journalOps } from '../app/journal';
import { housingOps } from '../app/housing';
import { movesOps } from '../app/moves';
import { riskOps } from '../app/risk';
import { sharingOps } from '../app/sharing';
import { reportsOps } from '../app/reports';
import { protectionOps } from '../app/protection';
import { retentionOps } from '../app/retention';

export { isScopedAccess, WorkerState, type Access, type RoleRule, type ScopedAccess } from './worker-state';
export type { CaseScope } from '../core/contract';

/** The operation behind each channel, keyed by the channel's name; each is one unit of work on the active store. */
export const channelOperations = {
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

/** Equal key sets, or the keys that differ (so a missing or extra operation fails to compile). */
type SameKeys<A, B> = [Exclude<A, B>] extends [never] ? ([Exclude<B, A>] extends [never] ? true : { missing: Exclude<B, A> }) : { extra: Exclude<A, B> };
const oneOperationPerChannel: SameKeys<keyof typeof channelOperations, Channel> = true;
void oneOperationPerChannel;

/** Every operation the worker runs: one per channel, plus the host's own (named `host.*`, no channel's form). */
export const operations = { ...channelOperations, ...internalOps } as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<K extends OperationName> = Parameters<Operations[K]>[1];
export type OperationResult<K extends OperationName> = Awaited<ReturnType<Operations[K]>>;
