import type { MessagePort } from 'node:worker_threads';
import { Kysely, SqliteDialect } from 'kysely';
import { applyRequiredPragmas, openKeyed } from '../connection/open';
import { withStatementCache } from '../connection/statement-cache';
import { isFactPart, readFactParts, snapshotMark, type FactQuery } from '../repositories/report-facts';
import type { DB } from '../schema';
import type { FactReadAnswer, FactReaderInit, FactReadRequest } from './fact-reader';

const isRange = (r: unknown): r is { from: string; to: string } =>
  typeof r === 'object' && r !== null && typeof (r as { from?: unknown }).from === 'string' && typeof (r as { to?: unknown }).to === 'string';

/** The query of a request, if it has the shape the database worker sends. */
function queryOf(req: FactReadRequest): FactQuery | null {
  const q = req.query as Partial<FactQuery> | undefined;
  if (!q || !isRange(q.current) || !isRange(q.previous) || !Array.isArray(q.slugs) || !q.slugs.every((s) => typeof s === 'string')) return null;
  return { current: q.current, previous: q.previous, slugs: q.slugs };
}

/**
 * The second thread of a report (started by FactReader): its own read-only connection to the
 * session's database, which reads the parts it is asked for in one transaction, provided the
 * transaction sees what the asking one saw (the same snapshot mark). Its answers are counts and
 * categories only; a failure answers `null` with no detail, and the asker reads the parts itself.
 */
export function serveFactReads(port: MessagePort, init: FactReaderInit): void {
  const key = Buffer.from(init.key.buffer, init.key.byteOffset, init.key.byteLength);
  let db: Kysely<DB>;
  try {
    const sqlite = openKeyed(init.file, key, { readonly: true, fileMustExist: true });
    applyRequiredPragmas(sqlite);
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  } finally {
    key.fill(0);
  }
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (req: FactReadRequest) => {
    queue = queue.then(async () => {
      let facts: FactReadAnswer['facts'] = null;
      try {
        const q = queryOf(req);
        const parts = Array.isArray(req.parts) ? req.parts.filter(isFactPart) : [];
        if (q && parts.length === req.parts.length && typeof req.mark === 'string') {
          facts = await db.transaction().execute(async (trx) => ((await snapshotMark(trx)) === req.mark ? readFactParts(trx, q, parts) : null));
        }
      } catch {
        facts = null;
      }
      const answer: FactReadAnswer = { id: req.id, facts };
      port.postMessage(answer);
    });
  });
}
