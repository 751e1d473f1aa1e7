import { sql } from 'kysely';
import type { ReadDb } from '../handles';

/** Formats PREFIX-YYYY-NNNN; the sequence grows past four digits rather than wrapping. */
export function formatCaseNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The next free case number for a prefix and year. Numbers are a running count and never carry
 * anything about the person. Call it inside the transaction that inserts the case.
 */
export async function nextCaseNumber(db: ReadDb, prefix: string, year: number): Promise<string> {
  const stem = `${prefix}-${year}-`;
  // A range on the unique index instead of LIKE, so the prefix needs no escaping; the numeric
  // maximum, because "…-10000" sorts before "…-9999" as text.
  const row = await db
    .selectFrom('cases')
    .select(sql<number | null>`max(cast(substr(case_number, ${stem.length + 1}) as integer))`.as('last'))
    .where('case_number', '>=', stem)
    .where('case_number', '<', `${prefix}-${year}.`)
    .executeTakeFirst();
  return formatCaseNumber(prefix, year, Number(row?.last ?? 0) + 1);
}
