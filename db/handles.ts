import type { Kysely } from 'kysely';
import type { DB } from './schema';

declare const writeBrand: unique symbol;

/** A handle that may read: any connection or transaction, the fact reader's read-only one included. */
export type ReadDb = Kysely<DB>;

/**
 * A handle that may write: the session's connection or a transaction on it. Only the Store and
 * the operation wrappers brand one, so a read-only handle cannot be handed to a writer.
 */
export type WriteDb = Kysely<DB> & { readonly [writeBrand]: true };

/** Brands a handle as writable; for the Store and the transaction wrappers that open one. */
export function writable(db: Kysely<DB>): WriteDb {
  return db as WriteDb;
}
