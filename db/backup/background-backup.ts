import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AutomaticBackupResult, BackupProgress } from '../../core/contract';
import { localIsoDate } from '../../core/rules/calendar';
import { DbError } from '../errors';
import { fsyncDir, writeFileAtomic } from '../files/secure-files';
import { getSetting } from '../repositories/settings';
import type { Store } from '../store/store';
import { FLAG_CANCEL, FLAG_RELEASE, type BackupThreadInit, type BackupThreadMessage } from './backup-protocol';
import { backupSettings, prepareFolder, recordAutomaticResult, SETTING_LAST_AUTOMATIC } from './create-backup';
import { backupFileName, listBackups, manifestPath, pruneBackups, tempFileName } from './manifest';

/** How the worker runs a task between its requests (its queue); directly where there is none. */
export type Enqueue = (task: () => Promise<void>) => void;

interface Running {
  worker: Worker;
  flags: Int32Array;
  store: Store;
  session: object;
  folder: string;
  keep: number;
  fileName: string;
  tmp: string;
  startedAt: string;
  phase: 'starting' | 'copying' | 'verifying';
  liveBytes: number;
  cancelled: boolean;
  placed: boolean;
  /** Resolves once the thread has exited and its outcome is recorded (tests wait on it). */
  settled: Promise<void>;
  /** Resolves once the thread has exited (its outcome is queued for recording by then). */
  exited: Promise<void>;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * The automatic backup of the first unlock of a day, on a thread of its own so the unlock answers
 * at once. The thread copies and verifies; the worker (through its queue, so nothing else runs on
 * the connection meanwhile) puts the copy in place, prunes, and writes the audit row. Ending the
 * session cancels it: the thread stops after its current step, its temporary file is removed, and
 * the next unlock retries, since the newest finished backup is still from an earlier day.
 */
export class BackgroundBackup {
  private running: Running | null = null;
  /** An unlock that came while a cancelled thread was still finishing its statement: it starts next. */
  private startNext: Store | null = null;

  constructor(
    private readonly entry: string,
    private readonly enqueue: Enqueue,
    /** Test hook: how long a new thread waits for release() between copying and verifying. */
    private readonly holdMs: () => number = () => 0,
  ) {}

  /** True while a thread is alive (also a cancelled one still finishing its statement). */
  get busy(): boolean {
    return this.running !== null;
  }

  /** The temporary file being written, so a listing of leftovers leaves it alone. */
  get tempFile(): string | null {
    return this.running?.tmp ?? null;
  }

  /** The backup name the running thread has taken, so a manual backup in the same second takes another. */
  get reservedFileName(): string | null {
    return this.running?.fileName ?? null;
  }

  /** Stops the running backup after its current step (a manual backup supersedes it); nothing is recorded. */
  cancelRunning(): void {
    if (this.running) this.cancel(this.running);
  }

  /**
   * Waits for the running thread (if any) to exit; false when none runs. Called from the worker's
   * queue it does not wait for the outcome's recording, which is queued right behind it.
   */
  async threadEnded(): Promise<boolean> {
    const r = this.running;
    if (!r) return false;
    await r.exited;
    return true;
  }

  /** Resolves when the current thread (if any) has finished and its outcome is recorded. */
  async settled(): Promise<void> {
    await this.running?.settled;
  }

  /** Lets a held thread (holdMs) go on. */
  release(): void {
    const r = this.running;
    if (!r) return;
    Atomics.store(r.flags, FLAG_RELEASE, 1);
    Atomics.notify(r.flags, FLAG_RELEASE);
  }

  /** Starts the day's backup when the newest finished one is from an earlier day; never throws. */
  async startIfDue(store: Store): Promise<boolean> {
    if (!store.isUnlocked) return false;
    if (this.running) {
      if (this.running.cancelled) this.startNext = store;
      return false;
    }
    try {
      const { folder: configured, keep } = await backupSettings(store);
      const now = store.clock();
      const newest = listBackups(configured)[0];
      if (newest && localIsoDate(new Date(newest.createdAt)) >= localIsoDate(now)) return false;
      const folder = prepareFolder(store, configured);
      let at = now;
      while (fs.existsSync(path.join(folder, backupFileName(at)))) at = new Date(at.getTime() + 1000);
      this.start(store, folder, keep, backupFileName(at), now);
      return true;
    } catch (err) {
      await recordAutomaticResult(store, store.clock(), err);
      return false;
    }
  }

  /** Progress for the administrator: the running backup, and the last automatic result. */
  async progress(store: Store): Promise<BackupProgress> {
    const last = await getSetting<AutomaticBackupResult | null>(store.requireSession().db, SETTING_LAST_AUTOMATIC, null);
    const r = this.running;
    // A restart waiting for a cancelled thread to finish its step counts as running already.
    if (r && r.cancelled && this.startNext) return { running: { startedAt: r.startedAt, phase: 'copying', percent: 0 }, lastAutomatic: last };
    if (!r || r.cancelled) return { running: null, lastAutomatic: last };
    const copied = r.liveBytes > 0 ? Math.min(1, sizeOf(r.tmp) / r.liveBytes) : 0;
    const percent = r.phase === 'starting' ? 0 : r.phase === 'copying' ? Math.floor(copied * 80) : 90;
    return { running: { startedAt: r.startedAt, phase: r.phase === 'starting' ? 'copying' : r.phase, percent }, lastAutomatic: last };
  }

  /** Stops the thread at once (shutdown): it is not waited for; its temporary file goes when it exits. */
  stop(): void {
    this.startNext = null;
    const r = this.running;
    if (!r) return;
    this.cancel(r);
    void r.worker.terminate();
  }

  private cancel(r: Running): void {
    r.cancelled = true;
    Atomics.store(r.flags, FLAG_CANCEL, 1);
    Atomics.notify(r.flags, FLAG_RELEASE);
  }

  private start(store: Store, folder: string, keep: number, fileName: string, createdAt: Date): void {
    const s = store.requireSession();
    const key = new Uint8Array(s.dataKey.length);
    key.set(s.dataKey);
    const flags = new Int32Array(new SharedArrayBuffer(8));
    const tmp = path.join(folder, tempFileName(fileName, '1'));
    const init: BackupThreadInit = {
      role: 'backup-thread',
      file: store.paths.db,
      key,
      tmp,
      fileName,
      createdAt: createdAt.toISOString(),
      keyfile: structuredClone(s.keyfile),
      flags,
      holdMs: this.holdMs(),
    };
    const worker = new Worker(this.entry, { workerData: init, transferList: [key.buffer] });
    // Never keeps the process alive.
    worker.unref();
    let outcome: BackupThreadMessage | null = null;
    let settle: () => void = () => undefined;
    let exit: () => void = () => undefined;
    const r: Running = {
      worker,
      flags,
      store,
      session: s,
      folder,
      keep,
      fileName,
      tmp,
      startedAt: createdAt.toISOString(),
      phase: 'starting',
      liveBytes: sizeOf(store.paths.db) + sizeOf(`${store.paths.db}-wal`),
      cancelled: false,
      placed: false,
      settled: new Promise<void>((resolve) => {
        settle = resolve;
      }),
      exited: new Promise<void>((resolve) => {
        exit = resolve;
      }),
    };
    this.running = r;
    store.onSessionEnd(() => this.cancel(r));
    worker.on('message', (m: BackupThreadMessage) => {
      if (m.kind === 'phase') r.phase = m.phase;
      else outcome = m;
    });
    // Only the error's name is logged, never a message (it could name a path).
    worker.on('error', (err: Error) => {
      console.error(`[fristad-db] the backup thread stopped: ${err.name}`);
    });
    worker.on('exit', () => {
      exit();
      this.enqueue(async () => {
        try {
          await this.finish(r, outcome);
        } finally {
          if (!r.placed) {
            fs.rmSync(r.tmp, { force: true });
            fs.rmSync(`${r.tmp}-journal`, { force: true });
          }
          if (this.running === r) this.running = null;
          const next = this.startNext;
          this.startNext = null;
          if (next) await this.startIfDue(next);
          settle();
        }
      });
    });
  }

  /** Puts a verified copy in place and records the outcome, in the worker's queue. */
  private async finish(r: Running, outcome: BackupThreadMessage | null): Promise<void> {
    const { store } = r;
    const sameSession = store.isUnlocked && store.requireSession() === r.session;
    // A cancelled backup leaves no result: the next unlock of the day tries again.
    if (r.cancelled || !sameSession || outcome?.kind === 'cancelled' || outcome?.kind === 'phase') return;
    const at = new Date(r.startedAt);
    if (outcome === null) {
      // The thread stopped without an answer (it could not start, or failed): recorded as a failure.
      await store.audit({ action: 'backup', entity: 'backup', outcome: 'failed' }).catch(() => undefined);
      await recordAutomaticResult(
        store,
        at,
        new DbError('not_allowed', 'The automatic backup stopped before it finished. Back up now from Settings → Backups.').because('backup_interrupted'),
      );
      return;
    }
    if (outcome.kind === 'failed') {
      await store.audit({ action: 'backup', entity: 'backup', outcome: 'failed' }).catch(() => undefined);
      if (outcome.damaged) {
        // The renderer learns at its next call: the session is closed and the status says damaged.
        store.markDamaged();
        return;
      }
      await recordAutomaticResult(store, at, new DbError('not_allowed', outcome.message).because(outcome.reason ?? 'backup_write_failed'));
      return;
    }
    try {
      writeFileAtomic(manifestPath(path.join(r.folder, r.fileName)), `${JSON.stringify(outcome.manifest, null, 2)}\n`);
      fs.renameSync(r.tmp, path.join(r.folder, r.fileName));
      r.placed = true;
      fsyncDir(r.folder);
      pruneBackups(r.folder, r.keep, r.fileName);
      await store.audit({ action: 'backup', entity: 'backup', entityId: r.fileName });
      await recordAutomaticResult(store, at, null, r.fileName);
    } catch (err) {
      if (!r.placed) fs.rmSync(manifestPath(path.join(r.folder, r.fileName)), { force: true });
      await store.audit({ action: 'backup', entity: 'backup', outcome: 'failed' }).catch(() => undefined);
      await recordAutomaticResult(store, at, err);
    }
  }
}
