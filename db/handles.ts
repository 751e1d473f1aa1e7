import type { Kysely } from 'kysely';
import type { DB } from './schema';

declare const readBrand: unique symbol;
declare const writeBrand: unique symbol;

/**
 * A handle that may read: any connection or transaction the Store or a wrapper opened, the fact
 * reader's read-only one included. Branded, so an unbranded `Kysely<DB>` reaches no repository.
 */
export type ReadDb = Kysely<DB> & { readonly [readBrand]: true };

/**
 * A handle that may write: the session's connection or a transaction on it. Only the Store and
 * the operation wrappers brand one, so a read-only handle cannot be handed to a writer. A writer
 * may read, so it is a `ReadDb` too.
 */
export type WriteDb = ReadDb & { readonly [writeBrand]: true };

/** Brands a handle as readable only; for the fact reader's read-only connection. */
export function readable(db: Kysely<DB>): ReadDb {
  return db as ReadDb;
}

/** Brands a handle as writable; for the Store and the transaction wrappers that open one. */
export function writable(db: Kysely<DB>): WriteDb {
  return db as WriteDb;
}
