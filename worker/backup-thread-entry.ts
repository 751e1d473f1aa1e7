import { parentPort, workerData } from 'node:worker_threads';
import { isBackupThreadInit } from '../db/backup/backup-protocol';
import { runBackupThread } from '../db/backup/backup-thread';

// Entry of the automatic backup's thread (bundled to dist/node/db-backup-thread.cjs).
if (!parentPort || !isBackupThreadInit(workerData)) throw new Error('the backup thread must run in a worker thread started by the database worker');
void runBackupThread(parentPort, workerData);
