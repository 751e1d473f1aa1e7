import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DbHost } from '../../worker/worker-client';
import type { OperationName } from '../../worker/operations';
import { BENCH_ADMIN, BENCH_USER } from './config';
import { productionEnv, type BenchDatabases } from './generate';
import { MemoryWatch, sample } from './stats';
import { SEARCH_ALL, SEARCH_OPEN, type Measurement, type Repeats } from './measure';
import {
  filteredListInput,
  OPEN_CASE,
  openCase,
  REPORT_AS_APP,
  REPORT_FIRST,
  REPORTS_VIEW_OPENS,
  searchInputs,
  smallWriteInput,
  YEAR_REPORT,
  type Call,
  type WorkloadData,
} from './workload';

/** The first unlock of a day: until the unlock answers, the day's backup left to its thread. */
export const FIRST_UNLOCK_OF_DAY = 'first unlock of a day (no backup yet)';

/** Removes the bench database's backups, so the next unlock is the first of a day. */
function removeBackups(folder: string): void {
  if (!fs.existsSync(folder)) return;
  for (const name of fs.readdirSync(folder))
    if (name.startsWith('fristad-') || name.startsWith('.fristad-')) fs.rmSync(path.join(folder, name), { force: true });
}

/** Waits until the automatic backup has put its copy in place (its manifest appears last but one). */
async function untilBackupLands(folder: string): Promise<void> {
  for (let i = 0; i < 60 * 60 * 4; i++) {
    if (fs.existsSync(folder) && fs.readdirSync(folder).some((n) => /^fristad-\d{8}-\d{6}\.fbak$/.test(n))) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the automatic backup did not finish within an hour');
}

export interface EventLoopResult {
  /** The longest the host's event loop was kept from running, in ms, over everything below. */
  maxDelayMs: number;
  p99DelayMs: number;
  /** Round trips through the worker, as the handlers see them. */
  results: Measurement[];
  memory: { rssMb: number; heapMb: number };
}

/**
 * Runs the workload through the real database worker (the built bundle) while the host thread's
 * event loop is watched: unlocking (KDF and all), searching, opening cases, lists, the year report,
 * the housing-chain review, a backup and a burst of writes.
 */
export async function measureThroughWorker(
  dbs: BenchDatabases,
  data: WorkloadData,
  all: Repeats,
  workerPath: string,
  log: (line: string) => void,
): Promise<EventLoopResult> {
  // Fewer repetitions than in-process: this run is about the event loop, and the heavy operations run
  // in it once (the year report three times: it is also the report's own target, as the app makes it).
  const repeats: Repeats = {
    ...all,
    searches: Math.min(all.searches, 250),
    opens: Math.min(all.opens, 50),
    lists: Math.min(all.lists, 20),
    reports: Math.min(all.reports, 3),
    reviews: Math.min(all.reviews, 5),
    backups: Math.min(all.backups, 1),
    writes: Math.min(all.writes, 200),
  };
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const memory = new MemoryWatch().start();
  const host = new DbHost({ workerPath, dataDir: dbs.encDir, env: productionEnv() });
  const call: Call = (op, input) => host.call(op as OperationName, input as never, 'unlocked');
  const as =
    (roles: ('team_lead' | 'administrator')[]): Call =>
    (op, input) =>
      host.call(op as OperationName, input as never, roles);
  const unlockAs = (user: { username: string; passphrase: string }): Promise<unknown> =>
    host.call('session:unlock', { username: user.username, passphrase: user.passphrase }, 'public');
  const results: Measurement[] = [];
  histogram.enable();
  try {
    if (repeats.backups > 0) {
      // No backup of today yet: the unlock answers, and the automatic backup runs on its own thread.
      log('  worker: first unlock of a day');
      const backups = path.join(dbs.encDir, 'backups');
      removeBackups(backups);
      results.push({ op: FIRST_UNLOCK_OF_DAY, ms: await sample(1, () => unlockAs(BENCH_USER)) });
      // Waited for, so the copy does not fall on the reads below.
      await untilBackupLands(backups);
      await host.call('session:lock', { reason: 'user' }, 'public');
    }
    log('  worker: unlock');
    results.push({ op: 'unlock (real path, with KDF)', ms: await sample(1, () => unlockAs(BENCH_USER)) });
    log('  worker: search, open, lists, report, review, backup, writes');
    const searchOpen = searchInputs(data, repeats.searches, 'open');
    const searchAll = searchInputs(data, repeats.searches, 'all');
    results.push({ op: SEARCH_OPEN, ms: await sample(searchOpen.length, (i) => call('cases:list', searchOpen[i])) });
    results.push({ op: SEARCH_ALL, ms: await sample(searchAll.length, (i) => call('cases:list', searchAll[i])) });
    // As the handler asks it: the worker first checks the user may open the case.
    const scoped: Call = (op, input) =>
      host.call(op as OperationName, input as never, { roles: ['caseworker', 'team_lead'], caseScope: { case: (input as { id: number }).id } });
    results.push({ op: OPEN_CASE, ms: await sample(repeats.opens, (i) => openCase(scoped, data.openableCaseIds[i % data.openableCaseIds.length] as number)) });
    results.push({ op: 'case list, first page, filters', ms: await sample(repeats.lists, (i) => call('cases:list', filteredListInput(data, i))) });
    // As the app does: the reports view opens and starts the second reader; then a report is asked for.
    results.push({ op: REPORTS_VIEW_OPENS, ms: await sample(1, () => as(['team_lead'])('reports:prepare', {})) });
    const reports = await sample(repeats.reports, () => as(['team_lead'])('reports:generate', YEAR_REPORT));
    results.push({ op: REPORT_AS_APP, ms: reports });
    results.push({ op: REPORT_FIRST, ms: reports.slice(0, 1) });
    results.push({ op: 'housing-chain review (shelters)', ms: await sample(repeats.reviews, () => call('shelters:list', {})) });
    if (repeats.backups > 0) {
      // Only an administrator makes backups: the session switches user around it, as people would.
      await host.call('session:lock', { reason: 'user' }, 'public');
      await unlockAs(BENCH_ADMIN);
      results.push({
        op: 'backup (copy + full verify)',
        ms: await sample(repeats.backups, () => as(['administrator'])('backup:create', { folder: path.join(dbs.encDir, 'backups') })),
      });
      await host.call('session:lock', { reason: 'user' }, 'public');
      await unlockAs(BENCH_USER);
    }
    results.push({ op: 'small write (reminder + audit)', ms: await sample(repeats.writes, (i) => call('reminders:create', smallWriteInput(data, i))) });
  } finally {
    histogram.disable();
    await host.close();
  }
  return { maxDelayMs: histogram.max / 1e6, p99DelayMs: histogram.percentile(99) / 1e6, results, memory: memory.stop() };
}
