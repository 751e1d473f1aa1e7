import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { runInCaseScope } from '../db/access/enforce';
import { DbError } from '../db/errors';
import { testKdfAllowed } from '../db/keys/kdf';
import { BACKUP_THREAD_BUNDLE } from '../db/backup/backup-protocol';
import { createDemoDatabase, DEMO_CREDENTIALS } from '../seeds/demo/demo-database';
import { FACT_READER_BUNDLE } from './fact-reader';
import { failureAnswer } from './failures';
import { isScopedAccess, operations, WorkerState, type OperationName } from './operations';
import type { WorkerEvent, WorkerInit, WorkerRequest, WorkerResponse } from './protocol';
import { encodeResult } from './wire';

// The database lives here, off the host's event loop: every query, key derivation and
// migration runs in this thread, one operation at a time.
const port = parentPort;
if (!port) throw new Error('db worker must run in a worker thread');
const init = workerData as WorkerInit;
const state = new WorkerState(init.dataDir, init.demoDir, process.env);
// A report's second reader is built beside this bundle (and unpacked beside it in an installed app).
state.factReaderEntry = path.join(__dirname, FACT_READER_BUNDLE);
// This entry is the composition root: the demo generator is handed in here, so nothing below the
// worker imports seeds/demo. The demo is filled through its own state on the demo's folder.
state.demoFactory = {
  credentials: DEMO_CREDENTIALS,
  create: (dir, env) => createDemoDatabase(dir, env, (demoDir, demoEnv) => new WorkerState(demoDir, path.join(demoDir, 'unused'), demoEnv)),
};
// So is the automatic backup's thread, which reports back through the queue below.
state.backupThreadEntry = path.join(__dirname, BACKUP_THREAD_BUNDLE);
// Tests only (with the test-only key setting): hold the backup thread so a test sees it running.
if (testKdfAllowed(process.env)) state.backupHoldMs = Number(process.env.FRISTAD_TEST_BACKUP_HOLD_MS ?? 0) || 0;
// Extra time before the worker locks on its own, after the renderer's idle lock should have fired.
const IDLE_GRACE_MINUTES = 1;
// The chain witness follows ordinary writes at most this often (at once after reveals, user and passphrase changes).
const WITNESS_INTERVAL_MS = 5 * 60_000;

let queue: Promise<void> = Promise.resolve();
function enqueue(task: () => Promise<void>): void {
  queue = queue.then(task, task);
}

async function handle(req: WorkerRequest): Promise<void> {
  let response: WorkerResponse;
  try {
    if (!Object.prototype.hasOwnProperty.call(operations, req.op)) throw new DbError('unknown_channel', 'Unknown operation.');
    const run = operations[req.op as OperationName] as (w: WorkerState, input: unknown) => Promise<unknown>;
    const access = req.access;
    let result: unknown;
    if (isScopedAccess(access)) {
      result = await runInCaseScope(state.active, access.roles, access.caseScope, req.op, () => run(state, req.input));
    } else {
      state.authorize(access);
      result = await run(state, req.input);
    }
    state.lastActivity = Date.now();
    // Writing the witness costs two fsyncs (about 9 ms measured), too much for every write.
    state.active.witnessIfDue(WITNESS_INTERVAL_MS);
    response = { id: req.id, ok: true, ...encodeResult(result) };
  } catch (err) {
    response = { id: req.id, ok: false, error: failureAnswer(state, err, req.op) };
  }
  port?.postMessage(response);
}

state.enqueue = enqueue;
port.on('message', (req: WorkerRequest) => enqueue(() => handle(req)));

const idleTimer = setInterval(
  () => {
    enqueue(async () => {
      const status = state.active.status();
      if (status.state !== 'unlocked' || status.idleLockMinutes === null) return;
      const limit = (status.idleLockMinutes + IDLE_GRACE_MINUTES) * init.idleMinuteMs;
      if (Date.now() - state.lastActivity > limit) {
        state.active.lock('idle');
        const event: WorkerEvent = { event: 'auto-locked' };
        port.postMessage(event);
      }
    });
  },
  Math.max(20, Math.min(15_000, init.idleMinuteMs / 4)),
);
idleTimer.unref();
