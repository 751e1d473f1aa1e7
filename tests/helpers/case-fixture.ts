import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export interface AreaFixture {
  municipalityCode?: string | null;
  districtSlug?: string | null;
}

export interface CaseFixtureOptions {
  status?: 'open' | 'closed';
  children?: string[];
  perpetrators?: { name?: string; areas: AreaFixture[] }[];
}

export interface CaseFixture {
  caseId: number;
  caseNumber: string;
  childIds: number[];
  perpetratorIds: number[];
}

let counter = 0;

/**
 * Inserts a case with children and perpetrators straight into the tables, for tests of the
 * domains around a case without going through cases:create. Names are obviously fictional.
 */
export async function insertCaseFixture(db: Kysely<DB>, userId: number, options: CaseFixtureOptions = {}): Promise<CaseFixture> {
  counter++;
  const now = new Date().toISOString();
  const caseNumber = `TEST-2026-${String(counter).padStart(4, '0')}-${Math.random().toString(36).slice(2, 8)}`;
  const c = await db
    .insertInto('cases')
    .values({
      case_number: caseNumber,
      status: options.status ?? 'open',
      closed_reason: options.status === 'closed' ? 'Testfall avslutat' : null,
      closed_at: options.status === 'closed' ? now : null,
      survivor_name: 'Testa Testsson',
      survivor_pin: null,
      survivor_gender: 'woman',
      survivor_birth_year: 1990,
      survivor_language: '',
      interpreter_needed: 0,
      safe_contact: '',
      protection_level: 'none',
      honour_context: 0,
      vulnerabilities: '[]',
      vulnerability_note: '',
      district_slug: null,
      assigned_user_id: userId,
      created_by: userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const childIds: number[] = [];
  for (const name of options.children ?? []) {
    const r = await db
      .insertInto('children')
      .values({ case_id: c.id, name, birth_year: 2018, school: '', needs: '', placement: '' })
      .returning('id')
      .executeTakeFirstOrThrow();
    childIds.push(r.id);
  }
  const perpetratorIds: number[] = [];
  for (const p of options.perpetrators ?? []) {
    const r = await db
      .insertInto('perpetrators')
      .values({ case_id: c.id, name: p.name ?? '', relation: 'former_partner', collective: 0, notes: '' })
      .returning('id')
      .executeTakeFirstOrThrow();
    perpetratorIds.push(r.id);
    for (const a of p.areas) await insertAreaFixture(db, r.id, a);
  }
  return { caseId: c.id, caseNumber, childIds, perpetratorIds };
}

/** Adds one known area to a perpetrator. */
export async function insertAreaFixture(db: Kysely<DB>, perpetratorId: number, area: AreaFixture): Promise<void> {
  await db
    .insertInto('perpetrator_areas')
    .values({ perpetrator_id: perpetratorId, municipality_code: area.municipalityCode ?? null, district_slug: area.districtSlug ?? null, description: '' })
    .execute();
}

/** Closes a case the way cases:close leaves it. */
export async function closeCaseFixture(db: Kysely<DB>, caseId: number): Promise<void> {
  await db
    .updateTable('cases')
    .set({ status: 'closed', closed_reason: 'Testfall avslutat', closed_at: new Date().toISOString() })
    .where('id', '=', caseId)
    .execute();
}
