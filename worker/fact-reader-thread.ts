import type { MessagePort } from 'node:worker_threads';
import { Kysely, SqliteDialect } from 'kysely';
import { readable, type ReadDb } from '../db/handles';
import { applyRequiredPragmas, openKeyed } from '../db/connection/open';
import { registerReportFunctions } from '../db/connection/report-functions';
import { withStatementCache } from '../db/connection/statement-cache';
import { claimPart, readFactPart, snapshotMark, type FactQuery, type PartsRead } from '../db/repositories/report-facts';
import type { DB } from '../db/schema';
import type { FactReadAnswer, FactReaderInit, FactReaderPing, FactReadRequest } from './fact-reader';

const isRange = (r: unknown): r is { from: string; to: string } =>
  typeof r === 'object' && r !== null && typeof (r as { from?: unknown }).from === 'string' && typeof (r as { to?: unknown }).to === 'string';

/** The query of a request, if it has the shape the database worker sends. */
function queryOf(req: FactReadRequest): FactQuery | null {
  const q = req.query as Partial<FactQuery> | undefined;
  if (!q || !isRange(q.current) || !isRange(q.previous) || !Array.isArray(q.slugs) || !q.slugs.every((s) => typeof s === 'string')) return null;
  return { current: q.current, previous: q.previous, slugs: q.slugs };
}

/** The shared claims counter of a request, if it is one. */
function claimsOf(req: FactReadRequest): Int32Array | null {
  const c: unknown = req.claims;
  return c instanceof Int32Array && c.buffer instanceof SharedArrayBuffer && c.length >= 1 ? c : null;
}

/**
 * The second thread of a report (started by FactReader): its own read-only connection to the
 * session's database. In one transaction that sees what the asking one saw (the same snapshot
 * mark), it claims parts until none is left and answers them: counts and categories only. A part
 * that fails ends its claiming with no detail sent; the asker reads what was claimed and not answered.
 */
export function serveFactReads(port: MessagePort, init: FactReaderInit): void {
  const key = Buffer.from(init.key.buffer, init.key.byteOffset, init.key.byteLength);
  let db: ReadDb;
  try {
    const sqlite = openKeyed(init.file, key, { readonly: true, fileMustExist: true });
    applyRequiredPragmas(sqlite);
    registerReportFunctions(sqlite);
    db = readable(new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }));
  } finally {
    key.fill(0);
  }
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (req: FactReadRequest | FactReaderPing) => {
    queue = queue.then(async () => {
      // The connection is open (it opened before any message was taken): an empty read.
      if (typeof req === 'object' && req !== null && 'ping' in req) {
        const answer: FactReadAnswer = { id: req.id, parts: {} };
        port.postMessage(answer);
        return;
      }
      const q = queryOf(req);
      const claims = claimsOf(req);
      let parts: PartsRead | null = null;
      if (q && claims && typeof req.mark === 'string') {
        const read: PartsRead = {};
        try {
          const same = await db.transaction().execute(async (tx) => {
            const trx = readable(tx);
            if ((await snapshotMark(trx)) !== req.mark) return false;
            for (let part = claimPart(claims); part !== null; part = claimPart(claims)) read[part] = await readFactPart(trx, q, part);
            return true;
          });
          parts = same ? read : null;
        } catch {
          parts = read;
        }
      }
      const answer: FactReadAnswer = { id: req.id, parts };
      port.postMessage(answer);
    });
  });
}
