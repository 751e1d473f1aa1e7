import { sql, type Insertable } from 'kysely';
import type { ReadDb, WriteDb } from '../handles';
import type { KompottenMember, KompottenRequest } from '../../core/contract';
import { accessibleCases, type CaseReader } from '../access/case-access';
import type { KompottenRequestsTable } from '../schema';

export type NewKompottenRequest = Insertable<KompottenRequestsTable>;

const byName = new Intl.Collator('sv');

/** The team's own list of member municipalities, by name in Swedish order. */
export async function listKompottenMembers(db: ReadDb): Promise<KompottenMember[]> {
  const rows = await db
    .selectFrom('kompotten_members as k')
    .innerJoin('municipalities as m', 'm.code', 'k.municipality_code')
    .select(['k.municipality_code as municipalityCode', 'm.name as municipalityName', 'k.contact'])
    .execute();
  return rows.sort((a, b) => byName.compare(a.municipalityName, b.municipalityName));
}

/** Adds a member municipality, or updates its contact when it is already one. */
export async function upsertKompottenMember(db: WriteDb, municipalityCode: string, contact: string, at: Date): Promise<void> {
  await db
    .insertInto('kompotten_members')
    .values({ municipality_code: municipalityCode, contact, added_at: at.toISOString() })
    .onConflict((oc) => oc.column('municipality_code').doUpdateSet({ contact }))
    .execute();
}

/** Removes a municipality from the list; true when it was on it. */
export async function deleteKompottenMember(db: WriteDb, municipalityCode: string): Promise<boolean> {
  const r = await db.deleteFrom('kompotten_members').where('municipality_code', '=', municipalityCode).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

function requestsQuery(db: ReadDb) {
  return db
    .selectFrom('kompotten_requests as r')
    .innerJoin('municipalities as m', 'm.code', 'r.counterpart_code')
    .leftJoin('cases as c', 'c.id', 'r.case_id')
    .select([
      'r.id',
      'r.direction',
      'r.counterpart_code as counterpartCode',
      'm.name as counterpartName',
      'r.case_id as caseId',
      'c.case_number as caseNumber',
      'r.date',
      'r.outcome',
      'r.notes',
    ]);
}

type RequestQueryRow = Awaited<ReturnType<ReturnType<typeof requestsQuery>['executeTakeFirstOrThrow']>>;

/** Maps a ledger row to the contract type. */
export function toKompottenRequest(r: RequestQueryRow): KompottenRequest {
  return {
    id: r.id,
    direction: r.direction,
    counterpartCode: r.counterpartCode,
    counterpartName: r.counterpartName,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    date: r.date,
    outcome: r.outcome,
    notes: r.notes,
  };
}

/**
 * The ledger, newest first: one case's requests, or, when caseId is null, those recorded without
 * a case and those of the cases the reader may open.
 */
export async function listKompottenRequests(db: ReadDb, caseId: number | null, reader: CaseReader): Promise<KompottenRequest[]> {
  let q = requestsQuery(db);
  if (caseId !== null) q = q.where('r.case_id', '=', caseId);
  else q = q.where(sql<boolean>`(r.case_id IS NULL OR ${accessibleCases(reader, 'c')})`);
  const rows = await q.orderBy('r.date', 'desc').orderBy('r.id', 'desc').execute();
  return rows.map(toKompottenRequest);
}

/** One ledger row, or undefined. */
export async function findKompottenRequest(db: ReadDb, id: number): Promise<KompottenRequest | undefined> {
  const row = await requestsQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toKompottenRequest(row) : undefined;
}

/** Adds a ledger row and returns its id. */
export async function insertKompottenRequest(db: WriteDb, request: NewKompottenRequest): Promise<number> {
  const r = await db.insertInto('kompotten_requests').values(request).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Records a request's outcome and notes. */
export async function updateKompottenRequest(db: WriteDb, id: number, change: { outcome: KompottenRequest['outcome']; notes: string }): Promise<void> {
  await db.updateTable('kompotten_requests').set(change).where('id', '=', id).execute();
}
