import type { SessionStatus } from '../core/contract';
import type { BackgroundBackup } from '../db/backup/background-backup';
import type { FactsElsewhere } from '../db/repositories/report-facts';
import type { Store } from '../db/store/store';
import type { RevealGrants } from './reveal-grants';

/** The demo login: shown on screen and in the terminal; the data behind it is fictional. */
export interface DemoCredentials {
  readonly username: string;
  readonly passphrase: string;
}

/**
 * Makes the fictional demo database. The worker's entry hands it in at start-up, so neither the
 * application layer nor the data layer imports the demo generator.
 */
export interface DemoFactory {
  readonly credentials: DemoCredentials;
  /** Creates a fresh demo database in `dir`, replacing any earlier one, and leaves it locked. */
  create(dir: string, env: NodeJS.ProcessEnv): Promise<Store>;
}

/**
 * The worker's state as an operation sees it: the real store, the demo store when one is open,
 * the session's reveals and the report fact reader. `worker/worker-state.ts` implements it.
 */
export interface WorkerState {
  readonly real: Store;
  demo: Store | null;
  readonly active: Store;
  readonly demoDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly reveals: RevealGrants;
  /** Null where nothing handed one in (in-process tests): the demo cannot be opened there. */
  readonly demoFactory: DemoFactory | null;
  /** The status as the contract describes it. */
  status(): SessionStatus;
  /** Where a report reads parts of its facts at the same time; undefined without a fact reader. */
  factsElsewhere(): FactsElsewhere | undefined;
  /** Starts the session's fact reader ahead of a report; true once its connection is open. */
  prepareFactReader(): Promise<boolean>;
  /** The automatic backup's thread; null where there is no thread bundle (the backup then runs inside the unlock). */
  backgroundBackup(): BackgroundBackup | null;
}

/** Operations that take no input. */
export type Empty = Record<string, never>;
