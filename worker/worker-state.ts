import type { RoleRule, SessionStatus } from '../core/contract';
import type { FactsElsewhere } from '../db/repositories/report-facts';
import { BackgroundBackup } from '../db/backup/background-backup';
import { Store } from '../db/store/store';
import { defaultWitnessDir, fileWitnessStore, type WitnessStore } from '../db/witness/witness-store';
import { FactReader } from './fact-reader';
import { RevealGrants } from '../app/reveal-grants';
import type { DemoFactory, Empty, WorkerState as OperationState } from '../app/state';

/** The worker's state: the real store, the demo store when one is open, and which is active. */
export class WorkerState implements OperationState {
  readonly real: Store;
  demo: Store | null = null;
  lastActivity = Date.now();
  /** Reveals of protected cases: per session, in memory only. Tests may replace it to move its clock. */
  reveals = new RevealGrants();
  /**
   * The fact reader's bundle (beside the database worker's); null where there is none
   * (in-process tests and bench runs), and reports read on one connection.
   */
  factReaderEntry: string | null = null;
  /** The demo generator, handed in by the worker's entry; null in in-process tests and bench runs. */
  demoFactory: DemoFactory | null = null;
  private factReader: { reader: FactReader; session: object } | null = null;
  /**
   * The automatic backup's thread bundle (beside the database worker's); null where there is none
   * (in-process tests and bench runs), and the daily backup runs inside the unlock as before.
   */
  backupThreadEntry: string | null = null;
  /** Test hook: how long a new backup thread waits for release() between copying and verifying. */
  backupHoldMs = 0;
  /** Runs a task between requests: the worker sets its queue here; directly where there is none. */
  enqueue: (task: () => Promise<void>) => void = (task) => void task();
  private background: BackgroundBackup | null = null;

  constructor(
    readonly dataDir: string,
    readonly demoDir: string,
    readonly env: NodeJS.ProcessEnv,
    witness: WitnessStore = fileWitnessStore(defaultWitnessDir(env)),
  ) {
    // Only the real database is witnessed: the demo is recreated on each opening.
    this.real = new Store(dataDir, { env, witness });
  }

  get active(): Store {
    return this.demo ?? this.real;
  }

  /** The status as the contract describes it. */
  status(): SessionStatus {
    return { ...this.active.status(), demo: this.demo !== null, demoLogin: this.demo && this.demoFactory ? { ...this.demoFactory.credentials } : null };
  }

  /**
   * Where a report reads parts of its facts at the same time: the active session's fact reader,
   * started when the reports view opens (or at the first report) and closed when the session ends.
   * Undefined without a bundle.
   */
  factsElsewhere(): FactsElsewhere | undefined {
    const reader = this.sessionFactReader();
    return reader ? (q, claims, mark) => reader.read(q, claims, mark) : undefined;
  }

  /** Starts the session's fact reader ahead of a report; true once its connection is open. */
  async prepareFactReader(): Promise<boolean> {
    return (await this.sessionFactReader()?.ready()) ?? false;
  }

  /** The active session's fact reader, started if it has none (or its last one stopped); undefined without a bundle. */
  private sessionFactReader(): FactReader | undefined {
    const entry = this.factReaderEntry;
    if (entry === null) return undefined;
    const store = this.active;
    const session = store.requireSession();
    let current = this.factReader;
    if (!current || current.session !== session || current.reader.closed) {
      current?.reader.close();
      const reader = new FactReader(entry, store.paths.db, session.dataKey);
      store.onSessionEnd(() => reader.close());
      current = this.factReader = { reader, session };
    }
    return current.reader;
  }

  /** The real store's automatic backup on its own thread; null without a bundle. */
  backgroundBackup(): BackgroundBackup | null {
    if (this.backupThreadEntry === null) return null;
    this.background ??= new BackgroundBackup(
      this.backupThreadEntry,
      (task) => this.enqueue(task),
      () => this.backupHoldMs,
    );
    return this.background;
  }

  /** Enforces an operation's access rule against the session the worker holds. */
  authorize(access: RoleRule): void {
    if (access === 'public') return;
    this.active.requireSession(access === 'unlocked' ? undefined : access);
  }
}

export type { Empty };
export { isScopedAccess, type Access, type RoleRule, type ScopedAccess } from '../core/contract';
