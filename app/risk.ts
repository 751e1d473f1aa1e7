import { INSTRUMENT_ADMINS } from '../core/contract';
import { type ReadDb, writable } from '../db/handles';
import type { z } from 'zod';
import type {
  Assessment,
  AssessmentSummary,
  ByCaseInput,
  ByIdInput,
  CompareResultSchema,
  InstrumentSummary,
  riskChannels,
  RiskTemplate,
  SaveDraftInputSchema,
  StartAssessmentInputSchema,
} from '../core/contract';
import { localIsoDate } from '../core/rules/calendar';
import { readInstrumentFile } from '../core/rules/instrument-file';
import { compareVersions } from '../core/rules/instrument-version';
import { carryOver, checkAnswers, checkJudgements, type AnswerIssue } from '../core/rules/risk-answers';
import { compareAnswers, compareJudgements } from '../core/rules/risk-compare';
import { completionGaps, headlineLevel } from '../core/rules/risk-completion';
import { defaultReviewDate } from '../core/rules/review-date';
import { BUILTIN_TEMPLATE_PREFIX } from '../seeds/instruments';
import { DbError } from '../db/errors';
import type { Empty, WorkerState } from './state';
import { inTransaction } from './unit-of-work';
import {
  completeAssessmentRow,
  completedIdsOfPerson,
  findAssessment,
  insertAssessment,
  listAssessmentsOfCase,
  openReviewReminderIds,
  parseAnswers,
  parseJudgements,
  reviewReminderNote,
  setCaseLatestRisk,
  toAssessment,
  toAssessmentSummary,
  updateAssessmentDraft,
  type AssessmentRowWithNames,
} from '../db/repositories/assessments';
import { appendAudit, type AuditSink } from '../db/repositories/audit-log';
import { touchCase } from '../db/repositories/cases';
import { listPerpetrators } from '../db/repositories/perpetrators';
import { completeReminder, insertReminder } from '../db/repositories/reminders';
import {
  findLatestInstrumentRow,
  insertInstrument,
  listVersions,
  listInstrumentRows,
  parseStoredTemplate,
  TemplateCache,
  toInstrumentSummary,
} from '../db/repositories/risk-instruments';
import { requireChildOfCase } from './case-guards';
import { requireCase, requireOpenCase } from './case-rules';

type InstrumentInput = z.output<(typeof riskChannels)['risk:instrument']['input']>;
type ImportInput = z.output<(typeof riskChannels)['risk:import-instrument']['input']>;
type CompareInput = z.output<(typeof riskChannels)['risk:compare']['input']>;
type CompareResult = z.output<typeof CompareResultSchema>;

async function requireAssessment(db: ReadDb, id: number): Promise<AssessmentRowWithNames> {
  const row = await findAssessment(db, id);
  if (!row) throw new DbError('not_found', 'The risk assessment does not exist. Reload the case.').because('assessment_missing');
  return row;
}

async function perpetratorIdsOf(db: ReadDb, caseId: number): Promise<number[]> {
  return (await listPerpetrators(db, caseId)).map((p) => p.id);
}

function refuseIssues(issues: AnswerIssue[], message: string): void {
  if (issues.length > 0) throw new DbError('invalid_input', message, undefined, issues).because('answers_invalid', { count: issues.length });
}

/**
 * The answers a draft shows: those of perpetrators removed from the case since are left out, so
 * the draft can be saved back as it is. A completed assessment keeps every answer it was made with.
 */
function visibleAnswers(row: AssessmentRowWithNames, perpetratorIds: readonly number[]) {
  const answers = parseAnswers(row.answers_json);
  if (row.status === 'completed') return answers;
  const known = new Set(perpetratorIds);
  return answers.filter((a) => a.perpetratorId === null || known.has(a.perpetratorId));
}

async function assessmentOf(db: ReadDb, id: number, templates: TemplateCache): Promise<Assessment> {
  const row = await requireAssessment(db, id);
  const template = await templates.get(row.template_id, row.template_version);
  return toAssessment(row, template, visibleAnswers(row, await perpetratorIdsOf(db, row.case_id)));
}

/** An assessment that may still change: a draft on an open case. */
async function requireDraft(db: ReadDb, id: number): Promise<AssessmentRowWithNames> {
  const row = await requireAssessment(db, id);
  if (row.status === 'completed')
    throw new DbError('not_allowed', 'A completed assessment cannot be changed. Start a new assessment as a copy of it.').because('assessment_completed');
  await requireOpenCase(db, row.case_id);
  return row;
}

/** A known case's assessments (summaries) with the read's audit row; inside the caller's transaction. */
export async function readAssessmentsOfCase(w: WorkerState, trx: ReadDb, caseId: number, audit: AuditSink = appendAudit): Promise<AssessmentSummary[]> {
  const s = w.active.requireSession();
  const templates = new TemplateCache(trx);
  const summaries: AssessmentSummary[] = [];
  for (const row of await listAssessmentsOfCase(trx, caseId))
    summaries.push(toAssessmentSummary(row, await templates.get(row.template_id, row.template_version)));
  await audit(trx, { userId: s.user.id, role: s.user.role, action: 'read', entity: 'assessments', entityId: caseId });
  return summaries;
}

/**
 * Risk assessments: instrument templates as data (built-in and imported, versioned), assessments of
 * the survivor and of each child (draft → completed, read-only after), history and comparison.
 * Every read and write is audited in the transaction that does it.
 *
 * `now` exists for the demo data, which builds histories in the past; the worker never passes it.
 */
export const riskOps = {
  'risk:instruments': inTransaction(async ({ trx, audit }, _: Empty): Promise<InstrumentSummary[]> => {
    const rows = await listInstrumentRows(trx);
    await audit({ action: 'read', entity: 'risk_instruments' });
    // Rows come newest version first within each template.
    return rows.map((row, i) => toInstrumentSummary(row, parseStoredTemplate(row.json), rows[i - 1]?.template_id !== row.template_id));
  }),

  'risk:instrument': inTransaction(async ({ trx, audit }, input: InstrumentInput): Promise<RiskTemplate> => {
    const template = await new TemplateCache(trx).get(input.templateId, input.version);
    await audit({ action: 'read', entity: 'risk_instrument', entityId: `${input.templateId}@${input.version}` });
    return template;
  }),

  /**
   * Adds an organisation's instrument file: JSON syntax, then the template schema, then the
   * version rules. Any failure answers with what is wrong and writes nothing.
   */
  'risk:import-instrument': async (w: WorkerState, input: ImportInput, now: Date = new Date()): Promise<InstrumentSummary> => {
    const s = w.active.requireSession(INSTRUMENT_ADMINS);
    const file = readInstrumentFile(input.json);
    if (!file.ok) throw new DbError('invalid_input', file.message, undefined, file.issues).because('instrument_file_invalid');
    const template = file.template;
    if (template.id.startsWith(BUILTIN_TEMPLATE_PREFIX)) {
      throw new DbError(
        'not_allowed',
        `Template ids starting with "${BUILTIN_TEMPLATE_PREFIX}" belong to the templates that come with Fristad. Give your instrument its own id.`,
        undefined,
        [{ path: ['id'], message: 'template_id_reserved' }],
      ).because('instrument_builtin_prefix', { prefix: BUILTIN_TEMPLATE_PREFIX });
    }
    return s.db.transaction().execute(async (tx) => {
      const trx = writable(tx);
      const versions = await listVersions(trx, template.id);
      // "1.0" and "1" are the same version: the newest must always be clear.
      if (versions.some((v) => compareVersions(v, template.version) === 0)) {
        throw new DbError('not_allowed', 'That version of the instrument is already installed. Give the file a new version number.', undefined, [
          { path: ['version'], message: 'version_exists' },
        ]).because('instrument_version_exists');
      }
      const latest = await findLatestInstrumentRow(trx, template.id);
      if (latest) {
        const earlier = parseStoredTemplate(latest.json);
        if (earlier.target !== template.target) {
          throw new DbError(
            'not_allowed',
            'A new version must assess the same person as the earlier versions (adult or child). Give the file another template id.',
            undefined,
            [{ path: ['target'], message: 'target_differs_from_earlier_version' }],
          ).because('instrument_person_changed');
        }
      }
      const id = await insertInstrument(trx, { template, source: 'imported', at: now, by: s.user.id });
      await appendAudit(trx, { userId: s.user.id, role: s.user.role, action: 'create', entity: 'risk_instrument', entityId: id });
      const newest = await findLatestInstrumentRow(trx, template.id);
      return toInstrumentSummary({ source: 'imported' }, template, newest?.id === id);
    });
  },

  'risk:list': inTransaction(async ({ w, trx }, input: z.output<typeof ByCaseInput>): Promise<AssessmentSummary[]> => {
    await requireCase(trx, input.caseId);
    return readAssessmentsOfCase(w, trx, input.caseId);
  }),

  'risk:get': inTransaction(async ({ trx, audit }, input: z.output<typeof ByIdInput>): Promise<Assessment> => {
    const assessment = await assessmentOf(trx, input.id, new TemplateCache(trx));
    await audit({ action: 'read', entity: 'assessment', entityId: input.id });
    return assessment;
  }),

  /**
   * Starts a draft on the newest version of the template, for the survivor (an adult template) or
   * one child (a child template); optionally as a copy of an earlier assessment of the same person.
   */
  'risk:start': inTransaction(async ({ trx, user, audit }, input: z.output<typeof StartAssessmentInputSchema>, now: Date = new Date()): Promise<Assessment> => {
    await requireOpenCase(trx, input.caseId);
    if (input.childId !== null) await requireChildOfCase(trx, input.childId, input.caseId);
    const latest = await findLatestInstrumentRow(trx, input.templateId);
    if (!latest) throw new DbError('not_found', 'That risk instrument is not installed. Choose one from the list.').because('instrument_missing');
    const template = parseStoredTemplate(latest.json);
    const wanted = input.childId === null ? 'adult' : 'child';
    if (template.target !== wanted) {
      throw new DbError(
        'invalid_input',
        wanted === 'child'
          ? 'That instrument assesses an adult. Choose a template for children.'
          : 'That instrument assesses a child. Choose a template for the adult survivor.',
        undefined,
        [{ path: ['templateId'], message: 'template_target_mismatch' }],
      ).because(wanted === 'child' ? 'template_target_adult' : 'template_target_child');
    }
    let answers: Assessment['answers'] = [];
    let judgements: Assessment['judgements'] = [];
    if (input.copyFromId !== null) {
      const source = await findAssessment(trx, input.copyFromId);
      if (!source) throw new DbError('not_found', 'The assessment to copy does not exist. Reload the case.').because('copy_source_missing');
      if (source.case_id !== input.caseId || source.child_id !== input.childId) {
        throw new DbError('invalid_input', 'Only an earlier assessment of the same person can be copied.', undefined, [
          { path: ['copyFromId'], message: 'copy_from_other_person' },
        ]).because('copy_other_person');
      }
      ({ answers, judgements } = carryOver(
        template,
        parseAnswers(source.answers_json),
        parseJudgements(source.judgements_json),
        await perpetratorIdsOf(trx, input.caseId),
      ));
    }
    const id = await insertAssessment(trx, {
      caseId: input.caseId,
      childId: input.childId,
      templateId: template.id,
      templateVersion: template.version,
      answers,
      judgements,
      headlineLevel: headlineLevel(template, judgements),
      copiedFromId: input.copyFromId,
      startedBy: user.id,
      at: now,
    });
    await audit({ action: 'create', entity: 'assessment', entityId: id });
    return assessmentOf(trx, id, new TemplateCache(trx));
  }),

  'risk:save-draft': inTransaction(async ({ trx, audit }, input: z.output<typeof SaveDraftInputSchema>): Promise<Assessment> => {
    const row = await requireDraft(trx, input.id);
    const templates = new TemplateCache(trx);
    const template = await templates.get(row.template_id, row.template_version);
    const a = checkAnswers(template, input.answers, await perpetratorIdsOf(trx, row.case_id));
    const j = checkJudgements(template, input.judgements);
    refuseIssues([...a.issues, ...j.issues], 'Some answers or judgements do not fit this instrument or this case. Check the marked items.');
    await updateAssessmentDraft(trx, input.id, {
      answers: a.answers,
      judgements: j.judgements,
      survivorView: input.survivorView,
      nextReviewDate: input.nextReviewDate,
      headlineLevel: headlineLevel(template, j.judgements),
    });
    await audit({ action: 'update', entity: 'assessment', entityId: input.id });
    return assessmentOf(trx, input.id, templates);
  }),

  /**
   * Completes a draft. The judgement is required: without a level and a reason for every level
   * output and the text of every text output, the answer is invalid_input with one issue per gap
   * (path ['judgements', outputId, 'level' | 'reason' | 'text'], message 'required'). Completing
   * makes the assessment read-only, sets the review date (the caseworker's, else the default for
   * the headline level), leaves a review reminder for that date (closing the reminder of the
   * person's previous assessment), and for the survivor updates the case's current risk level.
   */
  'risk:complete': inTransaction(async ({ w, trx, user, audit }, input: z.output<typeof ByIdInput>, now: Date = new Date()): Promise<Assessment> => {
    const settings = await w.active.readSettings(trx);
    const row = await requireDraft(trx, input.id);
    const templates = new TemplateCache(trx);
    const template = await templates.get(row.template_id, row.template_version);
    const judgements = parseJudgements(row.judgements_json);
    const gaps = completionGaps(template, judgements);
    if (gaps.length > 0) {
      throw new DbError(
        'invalid_input',
        `The judgement is not complete (${gaps.length} ${gaps.length === 1 ? 'thing is' : 'things are'} missing). Give a level and a reason for every risk judgement, and fill in every text field of the judgement.`,
        undefined,
        gaps.map((g) => ({ path: ['judgements', g.outputId, g.field], message: 'required' })),
      ).because('judgement_incomplete', { count: gaps.length });
    }
    const level = headlineLevel(template, judgements);
    if (level === null) throw new DbError('internal', 'The judged level could not be read. Try again.');
    const today = localIsoDate(now);
    if (row.next_review_date !== null && row.next_review_date < today) {
      throw new DbError('invalid_input', 'The next review date has passed. Choose a later date, or clear it to use the default.', undefined, [
        { path: ['nextReviewDate'], message: 'review_date_past' },
      ]).because('review_date_past');
    }
    const nextReviewDate = row.next_review_date ?? defaultReviewDate(today, level, settings);
    const earlier = await completedIdsOfPerson(trx, row.case_id, row.child_id);
    const forChild = row.child_id !== null;

    await completeAssessmentRow(trx, input.id, {
      answers: visibleAnswers(row, await perpetratorIdsOf(trx, row.case_id)),
      headlineLevel: level,
      nextReviewDate,
      completedBy: user.id,
      at: now,
    });
    if (!forChild) await setCaseLatestRisk(trx, row.case_id, { assessmentId: input.id, level, at: now, nextReviewDate });
    await touchCase(trx, row.case_id, now);
    await audit({ action: 'sign', entity: 'assessment', entityId: input.id });

    // The person's previous review is done now; the new one becomes a reminder.
    for (const id of await openReviewReminderIds(
      trx,
      row.case_id,
      earlier.map((e) => reviewReminderNote(e, forChild)),
    )) {
      await completeReminder(trx, id, now);
      await audit({ action: 'update', entity: 'reminder', entityId: id });
    }
    const reminderId = await insertReminder(trx, {
      caseId: row.case_id,
      kind: 'review',
      dueDate: nextReviewDate,
      note: reviewReminderNote(input.id, forChild),
      createdBy: user.id,
      at: now,
    });
    await audit({ action: 'create', entity: 'reminder', entityId: reminderId });
    return assessmentOf(trx, input.id, templates);
  }),

  /** Two assessments of the same person side by side: which factors and judged levels changed. */
  'risk:compare': inTransaction(async ({ trx, audit }, input: CompareInput): Promise<CompareResult> => {
    const left = await requireAssessment(trx, input.leftId);
    const right = await requireAssessment(trx, input.rightId);
    if (left.case_id !== right.case_id || left.child_id !== right.child_id) {
      throw new DbError('invalid_input', 'Only assessments of the same person can be compared.', undefined, [
        { path: ['rightId'], message: 'compare_other_person' },
      ]).because('compare_other_person');
    }
    const templates = new TemplateCache(trx);
    const perpetratorIds = await perpetratorIdsOf(trx, left.case_id);
    const side = async (row: AssessmentRowWithNames) => ({
      template: await templates.get(row.template_id, row.template_version),
      answers: visibleAnswers(row, perpetratorIds),
      judgements: parseJudgements(row.judgements_json),
    });
    const l = await side(left);
    const r = await side(right);
    await audit({ action: 'read', entity: 'assessment', entityId: input.leftId });
    await audit({ action: 'read', entity: 'assessment', entityId: input.rightId });
    return {
      left: toAssessmentSummary(left, l.template),
      right: toAssessmentSummary(right, r.template),
      rows: compareAnswers(l, r, perpetratorIds),
      judgements: compareJudgements(l, r),
    };
  }),
} as const;
