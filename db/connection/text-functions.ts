import { svSortKey } from '../../core/rules/swedish-order';
// The driver's type, not open.ts's alias: open.ts registers these functions, so importing it back would be a cycle.
import type Database from 'better-sqlite3-multiple-ciphers';

type SqliteDb = Database.Database;

/** sv_sort_key(text) → the key of core/rules/swedish-order.ts; migration 0011's triggers keep cases.survivor_name_key with it. */
export const SV_SORT_KEY = 'sv_sort_key';
/** nfc(text) → the text in Unicode normal form C; migration 0011 rewrote stored text with it. */
export const NFC = 'nfc';

/**
 * Adds the text functions to a connection. Every connection that writes cases needs them (a
 * trigger calls sv_sort_key), and every one that sorts names by them. Not directOnly: triggers
 * call them. Both are pure, deterministic and see only the text they are given.
 */
export function registerTextFunctions(db: SqliteDb): void {
  const text = (f: (s: string) => string) => (v: unknown) => (typeof v === 'string' ? f(v) : v);
  db.function(SV_SORT_KEY, { deterministic: true }, text(svSortKey));
  db.function(
    NFC,
    { deterministic: true },
    text((s) => s.normalize('NFC')),
  );
}
