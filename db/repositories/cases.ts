import type { Insertable, Selectable } from 'kysely';
import type { ReadDb, WriteDb } from '../handles';
import type { z } from 'zod';
import { VULNERABILITIES, type CaseDetail, type RiskLevel, type CreateCaseInputSchema } from '../../core/contract';
import type { CasesTable } from '../schema';

export type CaseRow = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
/** The editable fields of a case, as the contract hands them over after parsing. */
export type CaseFields = Omit<z.output<typeof CreateCaseInputSchema>, 'children' | 'perpetrators'>;
/** A case row with the names the detail view shows next to its ids. */
export type CaseRowWithNames = CaseRow & { district_name: string | null; assigned_user_name: string | null };

/** Maps the editable fields to their columns: booleans as 0/1, vulnerabilities as a JSON array. */
export function caseFieldsToRow(f: CaseFields): Omit<NewCase, 'case_number' | 'status' | 'created_by' | 'created_at' | 'updated_at'> {
  return {
    survivor_name: f.survivor.name,
    survivor_pin: f.survivor.personalIdentityNumber,
    survivor_gender: f.survivor.gender,
    survivor_birth_year: f.survivor.birthYear,
    survivor_language: f.survivor.language,
    interpreter_needed: f.survivor.interpreterNeeded ? 1 : 0,
    safe_contact: f.survivor.safeContact,
    protection_level: f.protectionLevel,
    honour_context: f.honourContext ? 1 : 0,
    vulnerabilities: JSON.stringify(f.vulnerabilities),
    vulnerability_note: f.vulnerabilityNote,
    district_slug: f.districtSlug,
    assigned_user_id: f.assignedUserId,
  };
}

/** Reads the stored vulnerability list, keeping only ids the contract knows. */
export function parseVulnerabilities(json: string): CaseDetail['vulnerabilities'] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return VULNERABILITIES.filter((v) => value.includes(v));
  } catch {
    return [];
  }
}

function isRiskLevel(v: string | null): v is RiskLevel {
  return v === 'low' || v === 'medium' || v === 'high';
}

/** Maps a case row to the detail's own fields; people are added by the caller. */
export function toCaseHeader(row: CaseRowWithNames): Omit<CaseDetail, 'children' | 'perpetrators' | 'reveal'> {
  return {
    id: row.id,
    caseNumber: row.case_number,
    status: row.status === 'closed' ? 'closed' : 'open',
    closedReason: row.closed_reason,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    survivor: {
      name: row.survivor_name,
      personalIdentityNumber: row.survivor_pin,
      gender: row.survivor_gender,
      birthYear: row.survivor_birth_year,
      language: row.survivor_language,
      interpreterNeeded: row.interpreter_needed === 1,
      safeContact: row.safe_contact,
    },
    protectionLevel: row.protection_level,
    honourContext: row.honour_context === 1,
    vulnerabilities: parseVulnerabilities(row.vulnerabilities),
    vulnerabilityNote: row.vulnerability_note,
    districtSlug: row.district_slug,
    districtName: row.district_name,
    assignedUser: row.assigned_user_id !== null && row.assigned_user_name !== null ? { id: row.assigned_user_id, displayName: row.assigned_user_name } : null,
    latestRisk:
      row.risk_assessment_id !== null && row.risk_assessed_at !== null && isRiskLevel(row.risk_level)
        ? { assessmentId: row.risk_assessment_id, level: row.risk_level, assessedAt: row.risk_assessed_at, nextReviewDate: row.next_review_date }
        : null,
  };
}

/** Inserts a case and returns its id. */
export async function insertCase(db: WriteDb, values: NewCase): Promise<number> {
  const r = await db.insertInto('cases').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The case with its district name and assigned user's display name, or undefined. */
export async function findCaseWithNames(db: ReadDb, id: number): Promise<CaseRowWithNames | undefined> {
  return db
    .selectFrom('cases as c')
    .leftJoin('districts as d', 'd.slug', 'c.district_slug')
    .leftJoin('users as u', 'u.id', 'c.assigned_user_id')
    .selectAll('c')
    .select(['d.name as district_name', 'u.display_name as assigned_user_name'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** Just enough of a case to decide whether it may change. */
export async function findCaseState(
  db: ReadDb,
  id: number,
): Promise<Pick<CaseRow, 'id' | 'status' | 'assigned_user_id' | 'safe_contact' | 'district_slug'> | undefined> {
  return db.selectFrom('cases').select(['id', 'status', 'assigned_user_id', 'safe_contact', 'district_slug']).where('id', '=', id).executeTakeFirst();
}

/** Replaces the editable fields and stamps the change. */
export async function updateCaseFields(db: WriteDb, id: number, fields: CaseFields, at: Date): Promise<void> {
  await db
    .updateTable('cases')
    .set({ ...caseFieldsToRow(fields), updated_at: at.toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Stamps a case as changed, e.g. when one of its people changed. */
export async function touchCase(db: WriteDb, id: number, at: Date): Promise<void> {
  await db.updateTable('cases').set({ updated_at: at.toISOString() }).where('id', '=', id).execute();
}

/** Closes a case with the reason the caseworker gave. */
export async function closeCase(db: ReadDb, id: number, reason: string, at: Date): Promise<void> {
  const iso = at.toISOString();
  await db.updateTable('cases').set({ status: 'closed', closed_reason: reason, closed_at: iso, updated_at: iso }).where('id', '=', id).execute();
}

/** Reopens a case; the closing fields are cleared (the audit log keeps that it was closed). */
export async function reopenCase(db: ReadDb, id: number, at: Date): Promise<void> {
  await db.updateTable('cases').set({ status: 'open', closed_reason: null, closed_at: null, updated_at: at.toISOString() }).where('id', '=', id).execute();
}
