import type { Insertable, Selectable } from 'kysely';
import type { ReadDb, WriteDb } from '../handles';
import type { SupportItem } from '../../core/contract';
import type { SupportItemsTable } from '../schema';

export type SupportItemRow = Selectable<SupportItemsTable>;
export type NewSupportItem = Insertable<SupportItemsTable>;

/** Maps a support-plan row to the contract type. */
export function toSupportItem(row: SupportItemRow): SupportItem {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    agency: row.agency,
    status: row.status,
    startDate: row.start_date,
    endDate: row.end_date,
    notes: row.notes,
  };
}

/** A case's support plan in the order the items were added. */
export async function listSupportItemRows(db: ReadDb, caseId: number): Promise<SupportItemRow[]> {
  return db.selectFrom('support_items').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** One item, or undefined. */
export async function findSupportItemRow(db: ReadDb, id: number): Promise<SupportItemRow | undefined> {
  return db.selectFrom('support_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts an item and returns the stored row. */
export async function insertSupportItem(db: WriteDb, item: NewSupportItem): Promise<SupportItemRow> {
  return db.insertInto('support_items').values(item).returningAll().executeTakeFirstOrThrow();
}

/** Replaces an item's fields and returns the stored row. */
export async function updateSupportItem(db: WriteDb, id: number, item: Omit<NewSupportItem, 'id' | 'case_id'>): Promise<SupportItemRow> {
  return db.updateTable('support_items').set(item).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
