import { z } from 'zod';
import type { ReadDb, WriteDb } from '../handles';
import type { Selectable } from 'kysely';
import {
  AnswerSchema,
  JudgementSchema,
  type Answer,
  type Assessment,
  type AssessmentSummary,
  type Judgement,
  type RiskLevel,
  type RiskTemplate,
} from '../../core/contract';
import { DbError } from '../errors';
import type { AssessmentsTable } from '../schema';

export type AssessmentRow = Selectable<AssessmentsTable>;
export type AssessmentRowWithNames = AssessmentRow & { child_name: string | null; started_by_name: string; completed_by_name: string | null };

const StoredAnswers = z.array(AnswerSchema);
const StoredJudgements = z.array(JudgementSchema);

/** The answers stored with an assessment. */
export function parseAnswers(json: string): Answer[] {
  const r = StoredAnswers.safeParse(safeJson(json));
  if (!r.success) throw new DbError('internal', 'A stored risk assessment could not be read.');
  return r.data;
}

/** The judgements stored with an assessment. */
export function parseJudgements(json: string): Judgement[] {
  const r = StoredJudgements.safeParse(safeJson(json));
  if (!r.success) throw new DbError('internal', 'A stored risk assessment could not be read.');
  return r.data;
}

function safeJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function asLevel(v: string | null): RiskLevel | null {
  return v === 'low' || v === 'medium' || v === 'high' ? v : null;
}

function base(row: AssessmentRowWithNames, template: RiskTemplate): Omit<Assessment, 'answers' | 'judgements'> {
  return {
    id: row.id,
    caseId: row.case_id,
    childId: row.child_id,
    childName: row.child_name,
    templateId: row.template_id,
    templateVersion: row.template_version,
    templateTitle: template.title,
    status: row.status === 'completed' ? 'completed' : 'draft',
    startedAt: row.started_at,
    startedByName: row.started_by_name,
    completedAt: row.completed_at,
    completedByName: row.completed_by_name,
    copiedFromId: row.copied_from_id,
    survivorView: row.survivor_view,
    headlineLevel: asLevel(row.headline_level),
    nextReviewDate: row.next_review_date,
  };
}

/** Maps a row and the template version it was made with to the contract type. */
export function toAssessment(row: AssessmentRowWithNames, template: RiskTemplate, answers: Answer[] = parseAnswers(row.answers_json)): Assessment {
  return { ...base(row, template), answers, judgements: parseJudgements(row.judgements_json) };
}

/** The history row: the assessment without answers, with the judged level of each level output. */
export function toAssessmentSummary(row: AssessmentRowWithNames, template: RiskTemplate): AssessmentSummary {
  const judgements = parseJudgements(row.judgements_json);
  return {
    ...base(row, template),
    levels: template.outputs
      .filter((o) => o.kind === 'level')
      .map((o) => ({ outputId: o.id, label: o.label, level: judgements.find((j) => j.outputId === o.id)?.level ?? null })),
  };
}

function withNames(db: ReadDb) {
  return db
    .selectFrom('assessments as a')
    .leftJoin('children as ch', 'ch.id', 'a.child_id')
    .innerJoin('users as su', 'su.id', 'a.started_by')
    .leftJoin('users as cu', 'cu.id', 'a.completed_by')
    .selectAll('a')
    .select(['ch.name as child_name', 'su.display_name as started_by_name', 'cu.display_name as completed_by_name']);
}

/** One assessment with the names around it, or undefined. */
export async function findAssessment(db: ReadDb, id: number): Promise<AssessmentRowWithNames | undefined> {
  return withNames(db).where('a.id', '=', id).executeTakeFirst();
}

/**
 * A case's assessments, the survivor's and each child's: newest first, by completion (drafts by
 * when they were started, and before completed ones of the same moment).
 */
export async function listAssessmentsOfCase(db: ReadDb, caseId: number): Promise<AssessmentRowWithNames[]> {
  return withNames(db)
    .where('a.case_id', '=', caseId)
    .orderBy((eb) => eb.fn.coalesce('a.completed_at', 'a.started_at'), 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

/** The completed assessments of one person of a case (the survivor when childId is null), oldest first. */
export async function completedIdsOfPerson(db: ReadDb, caseId: number, childId: number | null): Promise<number[]> {
  let q = db.selectFrom('assessments').select('id').where('case_id', '=', caseId).where('status', '=', 'completed');
  q = childId === null ? q.where('child_id', 'is', null) : q.where('child_id', '=', childId);
  const rows = await q.orderBy('completed_at').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Starts a draft and returns its id. */
export async function insertAssessment(
  db: ReadDb,
  a: {
    caseId: number;
    childId: number | null;
    templateId: string;
    templateVersion: string;
    answers: Answer[];
    judgements: Judgement[];
    headlineLevel: RiskLevel | null;
    copiedFromId: number | null;
    startedBy: number;
    at: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto('assessments')
    .values({
      case_id: a.caseId,
      child_id: a.childId,
      template_id: a.templateId,
      template_version: a.templateVersion,
      status: 'draft',
      answers_json: JSON.stringify(a.answers),
      judgements_json: JSON.stringify(a.judgements),
      survivor_view: '',
      headline_level: a.headlineLevel,
      next_review_date: null,
      copied_from_id: a.copiedFromId,
      started_by: a.startedBy,
      started_at: a.at.toISOString(),
      completed_by: null,
      completed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** True when SQLite refused the change because the assessment is completed (the read-only trigger). */
function isReadOnlyRefusal(err: unknown): boolean {
  return err instanceof Error && err.message.includes('completed assessments are read-only');
}

/** Runs an update of an assessment, turning the read-only trigger's refusal into not_allowed without SQL text. */
async function guarded(update: () => Promise<unknown>): Promise<void> {
  try {
    await update();
  } catch (err) {
    if (isReadOnlyRefusal(err))
      throw new DbError('not_allowed', 'A completed assessment cannot be changed. Start a new assessment as a copy of it.').because('assessment_completed');
    throw err;
  }
}

/** Replaces a draft's content. */
export async function updateAssessmentDraft(
  db: ReadDb,
  id: number,
  d: { answers: Answer[]; judgements: Judgement[]; survivorView: string; nextReviewDate: string | null; headlineLevel: RiskLevel | null },
): Promise<void> {
  await guarded(() =>
    db
      .updateTable('assessments')
      .set({
        answers_json: JSON.stringify(d.answers),
        judgements_json: JSON.stringify(d.judgements),
        survivor_view: d.survivorView,
        next_review_date: d.nextReviewDate,
        headline_level: d.headlineLevel,
      })
      .where('id', '=', id)
      .execute(),
  );
}

/** Completes a draft in one statement: after it, the trigger keeps the row read-only. */
export async function completeAssessmentRow(
  db: ReadDb,
  id: number,
  c: { answers: Answer[]; headlineLevel: RiskLevel; nextReviewDate: string; completedBy: number; at: Date },
): Promise<void> {
  await guarded(() =>
    db
      .updateTable('assessments')
      .set({
        status: 'completed',
        answers_json: JSON.stringify(c.answers),
        headline_level: c.headlineLevel,
        next_review_date: c.nextReviewDate,
        completed_by: c.completedBy,
        completed_at: c.at.toISOString(),
      })
      .where('id', '=', id)
      .execute(),
  );
}

/** Keeps the case's current judged level (for the header, list filters and sorting) in step. */
export async function setCaseLatestRisk(
  db: WriteDb,
  caseId: number,
  r: { assessmentId: number; level: RiskLevel; at: Date; nextReviewDate: string },
): Promise<void> {
  await db
    .updateTable('cases')
    .set({ risk_level: r.level, risk_assessed_at: r.at.toISOString(), risk_assessment_id: r.assessmentId, next_review_date: r.nextReviewDate })
    .where('id', '=', caseId)
    .execute();
}

/** The note of the review reminder an assessment leaves; the same text finds it again later. */
export function reviewReminderNote(assessmentId: number, forChild: boolean): string {
  return forChild ? `Ompröva riskbedömning #${assessmentId} (barn)` : `Ompröva riskbedömning #${assessmentId}`;
}

/** Open review reminders of a case left by the given assessments (a newer assessment of the person supersedes them). */
export async function openReviewReminderIds(db: ReadDb, caseId: number, notes: readonly string[]): Promise<number[]> {
  if (notes.length === 0) return [];
  const rows = await db
    .selectFrom('reminders')
    .select('id')
    .where('case_id', '=', caseId)
    .where('kind', '=', 'review')
    .where('done_at', 'is', null)
    .where('note', 'in', notes)
    .execute();
  return rows.map((r) => r.id);
}
