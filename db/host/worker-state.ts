import type { Role, SessionStatus } from '../../core/contract';
import type { CaseScope } from '../access/case-scope';
import { DEMO_CREDENTIALS } from '../../seeds/demo/demo-database';
import { Store } from '../store/store';
import { RevealGrants } from './reveal-grants';

/** Who may run an operation: anyone (session set-up), any unlocked user, or the listed roles. */
export type RoleRule = 'public' | 'unlocked' | readonly Role[];

/** A role rule plus the case the request concerns; the worker checks the user may open that case. */
export interface ScopedAccess {
  roles: readonly Role[];
  caseScope: CaseScope | null;
}

/** The access rule a request carries to the worker. */
export type Access = RoleRule | ScopedAccess;

/** True for a request that concerns one case. */
export function isScopedAccess(access: Access): access is ScopedAccess {
  return typeof access === 'object' && !Array.isArray(access);
}

/** The worker's state: the real store, the demo store when one is open, and which is active. */
export class WorkerState {
  readonly real: Store;
  demo: Store | null = null;
  lastActivity = Date.now();
  /** Reveals of protected cases: per session, in memory only. Tests may replace it to move its clock. */
  reveals = new RevealGrants();

  constructor(
    readonly dataDir: string,
    readonly demoDir: string,
    readonly env: NodeJS.ProcessEnv,
  ) {
    this.real = new Store(dataDir, { env });
  }

  get active(): Store {
    return this.demo ?? this.real;
  }

  /** The status as the contract describes it. */
  status(): SessionStatus {
    return { ...this.active.status(), demo: this.demo !== null, demoLogin: this.demo ? { ...DEMO_CREDENTIALS } : null };
  }

  /** Enforces an operation's access rule against the session the worker holds. */
  authorize(access: RoleRule): void {
    if (access === 'public') return;
    this.active.requireSession(access === 'unlocked' ? undefined : access);
  }
}


/** Operations that take no input. */
export type Empty = Record<string, never>;
