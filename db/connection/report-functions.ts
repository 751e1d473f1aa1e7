import type { SqliteDb } from './open';

type AggregateOptions = Parameters<SqliteDb['aggregate']>[1];

// Reports count hundreds of thousands of rows into a few thousand groups. SQLite groups by sorting
// every row first, which at city scale costs more than reading them (in the benchmark the report's
// case groups took 0.23 s, 0.05 s of it reading); these aggregates count into a hash table instead.
// They see only what a report counts by (categories, dates, counts, case ids), never text a
// person wrote.

/** Name of the aggregate that counts rows by a key: tally(key TEXT) → JSON [[key, rows], …]. */
export const TALLY = 'tally';
/**
 * Name of the aggregate that counts distinct ids by each text of a JSON list:
 * tally_listed(list TEXT, id) → JSON [[text, ids], …]. A value that is not a JSON array lists nothing.
 */
export const TALLY_LISTED = 'tally_listed';

/** The distinct texts of a JSON array (none for anything else, or for text that is not JSON). */
export function textsOf(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string'))] : [];
  } catch {
    return [];
  }
}

interface Listed {
  ids: Map<string, Set<unknown>>;
  // Lists repeat (they are chosen from a few options): each is parsed once per query.
  parsed: Map<string, string[]>;
}

/** Adds the report aggregates (TALLY, TALLY_LISTED) to a connection; every connection that reads report facts needs them. */
export function registerReportFunctions(db: SqliteDb): void {
  // directOnly: never from a trigger or view a damaged or hostile file could hold.
  db.aggregate(TALLY, {
    directOnly: true,
    start: () => new Map<string, number>(),
    step: (counts: Map<string, number>, key: unknown) => {
      // A row without a key (NULL) is not counted, as count(x) does not count it.
      if (typeof key === 'string') counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    result: (counts: Map<string, number>) => JSON.stringify([...counts]),
  });
  db.aggregate(TALLY_LISTED, {
    directOnly: true,
    start: (): Listed => ({ ids: new Map(), parsed: new Map() }),
    step: (acc: Listed, list: unknown, id: unknown) => {
      if (typeof list !== 'string' || id === null) return;
      let texts = acc.parsed.get(list);
      if (!texts) acc.parsed.set(list, (texts = textsOf(list)));
      for (const text of texts) {
        let set = acc.ids.get(text);
        if (!set) acc.ids.set(text, (set = new Set()));
        set.add(id);
      }
    },
    result: (acc: Listed) => JSON.stringify([...acc.ids].map(([text, set]) => [text, set.size])),
    // The typings allow a step of one argument only; SQLite takes the arity from step's own (two).
  } as AggregateOptions);
}

/** The [key, count] pairs of a TALLY or TALLY_LISTED result (null: no rows were aggregated). */
export function tallied(result: string | null): [string, number][] {
  if (result === null) return [];
  const pairs: unknown = JSON.parse(result);
  if (!Array.isArray(pairs)) return [];
  return pairs.filter((p): p is [string, number] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number');
}
