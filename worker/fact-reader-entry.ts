import { parentPort, workerData } from 'node:worker_threads';
import { isFactReaderInit } from './fact-reader';
import { serveFactReads } from './fact-reader-thread';

// Entry of a report's second reader (bundled to dist/node/db-fact-reader.cjs): only what reading
// report facts needs, so the thread starts in a fraction of the database worker's start-up time.
if (!parentPort || !isFactReaderInit(workerData)) throw new Error('the fact reader must run in a worker thread started by FactReader');
serveFactReads(parentPort, workerData);
