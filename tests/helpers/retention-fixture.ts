import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** A valid personal identity number for a birth date YYYYMMDD (fictional serial), check digit computed. */
export function pinFor(yyyymmdd: string, serial = '123'): string {
  const nine = `${yyyymmdd.slice(2)}${serial}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${yyyymmdd}-${serial}${(10 - (sum % 10)) % 10}`;
}

/** Where a case's latest date is written; every other dated column holds an earlier date. */
export const LATEST_SOURCES = [
  'case_closed',
  'journal_note_date',
  'journal_signed',
  'move_created',
  'transition_date',
  'housing_end',
  'support_end',
  'assessment_completed',
  'assessment_review',
  'reminder_due',
  'reminder_done',
  'kompotten_date',
] as const;
export type LatestSource = (typeof LATEST_SOURCES)[number];

export interface RetentionCaseOptions {
  caseNumber: string;
  status?: 'open' | 'closed';
  /** The case's last entry, YYYY-MM-DD. */
  lastEntry: string;
  latestIn?: LatestSource;
  pin?: string | null;
  /** A child's placement text; non-empty means the child lives or is placed elsewhere. */
  childPlacement?: string;
  /** Text put in every free-text field, so a test can look for it afterwards. */
  canary?: string;
  /** Size of the journal note body, to make the case take pages in the file. */
  bodyBytes?: number;
  sharedWith?: number;
}

/** An early date every other column of the case gets. */
const EARLY = '2012-03-14';
const at = (day: string): string => `${day}T12:00:00.000Z`;

/**
 * A case with a row in every table that hangs off a case (children, perpetrators and their areas,
 * moves and transitions, housing steps, support, signed journal notes with a correction, reminders,
 * a completed assessment, a Kompotten request, a share), inserted straight into the tables so each
 * date is under the test's control. Names and texts are obviously fictional.
 */
export async function insertRetentionCase(db: Kysely<DB>, userId: number, o: RetentionCaseOptions): Promise<number> {
  const latest = o.latestIn ?? 'case_closed';
  const dateOf = (source: LatestSource): string => (source === latest ? o.lastEntry : EARLY);
  const canary = o.canary ?? 'FIKTIV';
  const status = o.status ?? 'closed';
  const closed = status === 'closed' ? at(dateOf('case_closed')) : null;
  const c = await db
    .insertInto('cases')
    .values({
      case_number: o.caseNumber,
      status,
      closed_reason: status === 'closed' ? `Avslutat ${canary}` : null,
      closed_at: closed,
      survivor_name: `Testa ${canary}`,
      survivor_pin: o.pin === undefined ? pinFor('19850612') : o.pin,
      survivor_gender: 'woman',
      survivor_birth_year: 1985,
      survivor_language: '',
      interpreter_needed: 0,
      safe_contact: `Ring ${canary}`,
      protection_level: 'skyddad_folkbokforing',
      honour_context: 1,
      vulnerabilities: '[]',
      vulnerability_note: canary,
      district_slug: null,
      assigned_user_id: userId,
      created_by: userId,
      created_at: at(EARLY),
      updated_at: at(EARLY),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const caseId = c.id;
  const child = await db
    .insertInto('children')
    .values({ case_id: caseId, name: `Barn ${canary}`, birth_year: 2015, school: canary, needs: canary, placement: o.childPlacement ?? '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const perpetrator = await db
    .insertInto('perpetrators')
    .values({ case_id: caseId, name: `Förövare ${canary}`, relation: 'former_partner', collective: 0, notes: canary })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('perpetrator_areas')
    .values({ perpetrator_id: perpetrator.id, municipality_code: '0180', district_slug: null, description: canary })
    .execute();
  const move = await db
    .insertInto('moves')
    .values({
      case_id: caseId,
      from_kind: null,
      from_code: null,
      to_kind: 'municipality',
      to_code: '1980',
      route: 'kompotten',
      status: 'completed',
      receiving_contact: canary,
      notes: canary,
      check_json: '{}',
      override_reason: null,
      created_by: userId,
      created_at: at(dateOf('move_created')),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('move_transitions')
    .values({ move_id: move.id, status: 'completed', date: dateOf('transition_date'), recorded_by: userId, recorded_at: at(EARLY) })
    .execute();
  for (const childId of [null, child.id]) {
    await db
      .insertInto('housing_steps')
      .values({
        case_id: caseId,
        child_id: childId,
        kind: 'protected_shelter',
        start_date: EARLY,
        end_date: dateOf('housing_end'),
        provider: canary,
        shelter_id: null,
        place_kind: null,
        place_code: null,
        cost_per_day: 1000,
        outcome: 'moved_on',
        obstacles: '[]',
        obstacle_note: canary,
        parallel: childId === null ? 0 : 1,
        permit_override_reason: null,
        created_by: userId,
        created_at: at(EARLY),
      })
      .execute();
  }
  await db
    .insertInto('support_items')
    .values({ case_id: caseId, kind: 'legal', agency: canary, status: 'done', start_date: EARLY, end_date: dateOf('support_end'), notes: canary })
    .execute();
  const body = canary.padEnd(o.bodyBytes ?? canary.length, ` ${canary}`);
  const note = await db
    .insertInto('journal_notes')
    .values({
      case_id: caseId,
      note_date: dateOf('journal_note_date'),
      body,
      status: 'signed',
      author_id: userId,
      created_at: at(EARLY),
      signed_at: at(dateOf('journal_signed')),
      corrects_note_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('journal_notes')
    .values({
      case_id: caseId,
      note_date: EARLY,
      body: `Rättelse ${canary}`,
      status: 'signed',
      author_id: userId,
      created_at: at(EARLY),
      signed_at: at(EARLY),
      corrects_note_id: note.id,
    })
    .execute();
  await db
    .insertInto('reminders')
    .values({
      case_id: caseId,
      kind: 'follow_up',
      due_date: dateOf('reminder_due'),
      note: canary,
      done_at: at(dateOf('reminder_done')),
      created_by: userId,
      created_at: at(EARLY),
    })
    .execute();
  const first = await db
    .insertInto('assessments')
    .values({
      case_id: caseId,
      child_id: null,
      template_id: 'screening',
      template_version: '1',
      status: 'completed',
      answers_json: '[]',
      judgements_json: '[]',
      survivor_view: canary,
      headline_level: 'high',
      next_review_date: dateOf('assessment_review'),
      copied_from_id: null,
      started_by: userId,
      started_at: at(EARLY),
      completed_by: userId,
      completed_at: at(dateOf('assessment_completed')),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('assessments')
    .values({
      case_id: caseId,
      child_id: child.id,
      template_id: 'child',
      template_version: '1',
      status: 'draft',
      answers_json: '[]',
      judgements_json: '[]',
      survivor_view: canary,
      headline_level: null,
      next_review_date: null,
      copied_from_id: first.id,
      started_by: userId,
      started_at: at(EARLY),
      completed_by: null,
      completed_at: null,
    })
    .execute();
  await db
    .insertInto('kompotten_requests')
    .values({
      direction: 'sent',
      counterpart_code: '1980',
      case_id: caseId,
      date: dateOf('kompotten_date'),
      outcome: 'accepted',
      notes: canary,
      created_by: userId,
      created_at: at(EARLY),
    })
    .execute();
  if (o.sharedWith !== undefined)
    await db
      .insertInto('case_shares')
      .values({ case_id: caseId, user_id: o.sharedWith, granted_by: userId, granted_at: at(EARLY) })
      .execute();
  return caseId;
}
