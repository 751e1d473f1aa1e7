import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListCasesInputSchema, SaveDraftInputSchema, type Assessment, type Judgement, type RiskTemplate } from '../../core/contract';
import { addDays, localIsoDate } from '../../core/rules/calendar';
import { DbError } from '../../db/errors';
import type { WorkerState } from '../../worker/worker-state';
import { casesOps } from '../../app/cases';
import { journalOps } from '../../app/journal';
import { peopleOps } from '../../app/people';
import { riskOps } from '../../app/risk';
import { updateAssessmentDraft } from '../../db/repositories/assessments';
import { setSetting } from '../../db/repositories/settings';
import { addUser, auditCount, auditTail, defined, failureOf, freshWorker, loginAs } from '../helpers/casework';
import { closeCaseFixture, insertCaseFixture, type CaseFixture } from '../helpers/case-fixture';
import { TEST_TEMPLATE } from '../helpers/risk-template';

let w: WorkerState;
let cleanup: () => void;
let userId: number;

beforeAll(async () => {
  ({ w, cleanup } = await freshWorker());
  await addUser(w, 'kim', 'caseworker', 'Kim Handläggare (fiktiv)');
  // Casework is a team lead's here: administrators see no case content.
  await addUser(w, 'tove', 'team_lead', 'Tove Gruppledare (fiktiv)');
  await loginAs(w, 'tove');
  userId = w.active.requireSession().user.id;
});
afterAll(() => cleanup());

const db = () => w.active.requireSession().db;
const today = () => localIsoDate(new Date());

async function newCase(options: Parameters<typeof insertCaseFixture>[2] = {}): Promise<CaseFixture> {
  return insertCaseFixture(db(), userId, { perpetrators: [{ areas: [] }, { areas: [] }], children: ['Barn Testsson'], ...options });
}

const start = (caseId: number, templateId = 'fristad-spj-adult', childId: number | null = null, copyFromId: number | null = null, now?: Date) =>
  riskOps['risk:start'](w, { caseId, childId, templateId, copyFromId }, now);

const save = (a: Pick<Assessment, 'id'> & Partial<Pick<Assessment, 'answers' | 'judgements' | 'survivorView' | 'nextReviewDate'>>) =>
  riskOps['risk:save-draft'](w, SaveDraftInputSchema.parse({ answers: [], judgements: [], survivorView: '', nextReviewDate: null, ...a }));

/** A full judgement of every output of a template, each level `level`. */
function judgeAll(template: RiskTemplate, level: Judgement['level']): Judgement[] {
  return template.outputs.map((o) =>
    o.kind === 'level'
      ? { outputId: o.id, level, text: '', reason: 'Fiktivt skäl för bedömningen.' }
      : { outputId: o.id, level: null, text: 'Fiktiv text.', reason: '' },
  );
}

const instrument = (templateId: string, version = '1') => riskOps['risk:instrument'](w, { templateId, version });

/** The DbError a promise rejects with, with its issues. */
async function refusal(p: Promise<unknown>): Promise<DbError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DbError) return err;
    throw err;
  }
  throw new Error('expected the operation to fail');
}

async function completed(
  caseId: number,
  level: Judgement['level'],
  options: { templateId?: string; childId?: number | null; now?: Date; answers?: Assessment['answers'] } = {},
): Promise<Assessment> {
  const templateId = options.templateId ?? 'fristad-spj-adult';
  const draft = await start(caseId, templateId, options.childId ?? null, null, options.now);
  const template = await instrument(templateId, draft.templateVersion);
  await save({ id: draft.id, answers: options.answers ?? [], judgements: judgeAll(template, level) });
  return riskOps['risk:complete'](w, { id: draft.id }, options.now);
}

describe('built-in instruments', () => {
  it('are installed on setup, each the latest version of its template, and reading them is audited', async () => {
    const list = await riskOps['risk:instruments'](w, {});
    expect(list.map((i) => [i.templateId, i.source, i.latest, i.target])).toEqual([
      ['fristad-child', 'builtin', true, 'child'],
      ['fristad-screening', 'builtin', true, 'adult'],
      ['fristad-spj-adult', 'builtin', true, 'adult'],
    ]);
    expect((await auditTail(w, 1))[0]).toMatchObject({ action: 'read', entity: 'risk_instruments' });
    const spj = await instrument('fristad-spj-adult');
    expect(spj.sections.map((s) => s.id)).toEqual(['pattern', 'perpetrators', 'vulnerability']);
    expect((await auditTail(w, 1))[0]).toMatchObject({ action: 'read', entity: 'risk_instrument', entity_id: 'fristad-spj-adult@1' });
    expect((await failureOf(instrument('fristad-spj-adult', '9'))).code).toBe('not_found');
  });

  it('are not installed twice when the store is unlocked again', async () => {
    await loginAs(w, 'tove');
    expect(await db().selectFrom('risk_instruments').select('id').execute()).toHaveLength(3);
  });
});

describe('starting and saving a draft', () => {
  it('starts a draft on the latest version, audited as a create', async () => {
    const c = await newCase();
    const draft = await start(c.caseId);
    expect(draft).toMatchObject({
      caseId: c.caseId,
      childId: null,
      templateId: 'fristad-spj-adult',
      templateVersion: '1',
      status: 'draft',
      answers: [],
      judgements: [],
      completedAt: null,
    });
    expect(draft.startedByName).toBe('Tove Gruppledare (fiktiv)');
    expect((await auditTail(w, 1))[0]).toMatchObject({ action: 'create', entity: 'assessment', entity_id: String(draft.id) });
  });

  it('saves answers per perpetrator of the case, the survivor’s own view and judgements in progress', async () => {
    const c = await newCase();
    const draft = await start(c.caseId);
    const [p1, p2] = c.perpetratorIds as [number, number];
    const saved = await save({
      id: draft.id,
      answers: [
        { itemId: 'p.strangulation', perpetratorId: null, value: 'yes' },
        { itemId: 'p.recency', perpetratorId: null, value: 'within_month' },
        { itemId: 'f.honour_attitudes', perpetratorId: p1, value: 'yes' },
        { itemId: 'f.honour_attitudes', perpetratorId: p2, value: 'unknown' },
        { itemId: 'f.role', perpetratorId: p2, value: 'supporting' },
        { itemId: 'v.notes', perpetratorId: null, value: '' },
      ],
      judgements: [{ outputId: 'acute_risk', level: 'high', text: '', reason: '' }],
      survivorView: 'Fiktiv: hon är mest rädd för brodern.',
    });
    expect(saved.answers).toHaveLength(5);
    expect(saved.survivorView).toBe('Fiktiv: hon är mest rädd för brodern.');
    expect(saved.headlineLevel).toBe('high');
    expect((await auditTail(w, 1))[0]).toMatchObject({ action: 'update', entity: 'assessment', entity_id: String(draft.id) });
    expect(await riskOps['risk:get'](w, { id: draft.id })).toEqual(saved);
    expect((await auditTail(w, 1))[0]).toMatchObject({ action: 'read', entity: 'assessment', entity_id: String(draft.id) });
  });

  it('refuses answers that do not fit the template or the case, naming each, and writes nothing', async () => {
    const c = await newCase();
    const other = await newCase();
    const draft = await start(c.caseId);
    const before = await auditCount(w);
    const cases: [Assessment['answers'][number], string][] = [
      [{ itemId: 'no.such.item', perpetratorId: null, value: 'yes' }, 'unknown_item'],
      [{ itemId: 'f.prior_violence', perpetratorId: defined(other.perpetratorIds[0]), value: 'yes' }, 'unknown_perpetrator'],
      [{ itemId: 'f.prior_violence', perpetratorId: null, value: 'yes' }, 'perpetrator_required'],
      [{ itemId: 'p.escalation', perpetratorId: defined(c.perpetratorIds[0]), value: 'yes' }, 'perpetrator_not_allowed'],
      [{ itemId: 'p.escalation', perpetratorId: null, value: 'perhaps' }, 'invalid_value'],
    ];
    for (const [answer, message] of cases) {
      const err = await refusal(save({ id: draft.id, answers: [answer] }));
      expect(err.code).toBe('invalid_input');
      expect(err.issues).toEqual([expect.objectContaining({ message })]);
      expect(err.message).not.toContain('perhaps');
    }
    const unknownOutput = await refusal(save({ id: draft.id, judgements: [{ outputId: 'nonsense', level: 'low', text: '', reason: '' }] }));
    expect(unknownOutput.issues).toEqual([{ path: ['judgements', 0, 'outputId'], message: 'unknown_output' }]);
    expect(await auditCount(w)).toBe(before);
    expect((await riskOps['risk:get'](w, { id: draft.id })).answers).toEqual([]);
  });

  it('refuses a child template for the survivor and an adult template for a child', async () => {
    const c = await newCase();
    const adultForChild = await refusal(start(c.caseId, 'fristad-spj-adult', defined(c.childIds[0])));
    expect(adultForChild.code).toBe('invalid_input');
    expect(adultForChild.issues).toEqual([{ path: ['templateId'], message: 'template_target_mismatch' }]);
    expect((await failureOf(start(c.caseId, 'fristad-child'))).code).toBe('invalid_input');
    const other = await newCase();
    expect((await failureOf(start(c.caseId, 'fristad-child', defined(other.childIds[0])))).code).toBe('invalid_input');
    expect((await failureOf(start(c.caseId, 'no-such-template'))).code).toBe('not_found');
  });

  it('refuses changes on a closed case, while its history can still be read', async () => {
    const c = await newCase();
    const draft = await start(c.caseId);
    await closeCaseFixture(db(), c.caseId);
    expect((await failureOf(start(c.caseId))).code).toBe('not_allowed');
    expect((await failureOf(save({ id: draft.id }))).code).toBe('not_allowed');
    expect((await failureOf(riskOps['risk:complete'](w, { id: draft.id }))).code).toBe('not_allowed');
    expect(await riskOps['risk:list'](w, { caseId: c.caseId })).toHaveLength(1);
  });
});

describe('completing an assessment', () => {
  it('is refused without the judgement, listing every missing output, and changes nothing', async () => {
    const c = await newCase();
    const draft = await start(c.caseId);
    await save({
      id: draft.id,
      judgements: [
        { outputId: 'acute_risk', level: 'high', text: '', reason: '  ' },
        { outputId: 'scenarios', level: null, text: 'Fiktivt scenario', reason: '' },
      ],
    });
    const before = await auditCount(w);
    const err = await refusal(riskOps['risk:complete'](w, { id: draft.id }));
    expect(err.code).toBe('invalid_input');
    expect(err.issues).toEqual([
      { path: ['judgements', 'acute_risk', 'reason'], message: 'required' },
      { path: ['judgements', 'long_term_risk', 'level'], message: 'required' },
      { path: ['judgements', 'long_term_risk', 'reason'], message: 'required' },
      { path: ['judgements', 'severity', 'level'], message: 'required' },
      { path: ['judgements', 'severity', 'reason'], message: 'required' },
      { path: ['judgements', 'likely_targets', 'text'], message: 'required' },
      { path: ['judgements', 'protective_measures', 'text'], message: 'required' },
    ]);
    expect(await auditCount(w)).toBe(before);
    expect((await riskOps['risk:get'](w, { id: draft.id })).status).toBe('draft');
    expect((await casesOps['cases:get'](w, { id: c.caseId })).latestRisk).toBeNull();
  });

  it('sets the case’s current level and leaves a review reminder at the default date for the headline level', async () => {
    const c = await newCase();
    const done = await completed(c.caseId, 'high');
    // Completion and its reminder, audited in the same transaction.
    const audited = await db().selectFrom('audit_log').select(['action', 'entity', 'entity_id']).orderBy('seq', 'desc').limit(2).execute();
    expect(audited.reverse()).toEqual([
      { action: 'sign', entity: 'assessment', entity_id: String(done.id) },
      { action: 'create', entity: 'reminder', entity_id: expect.any(String) },
    ]);
    expect(done).toMatchObject({
      status: 'completed',
      headlineLevel: 'high',
      nextReviewDate: addDays(today(), 14),
      completedByName: 'Tove Gruppledare (fiktiv)',
    });
    const header = await casesOps['cases:get'](w, { id: c.caseId });
    expect(header.latestRisk).toEqual({ assessmentId: done.id, level: 'high', assessedAt: done.completedAt, nextReviewDate: addDays(today(), 14) });
    const reminders = await journalOps['reminders:list'](w, { caseId: c.caseId });
    expect(reminders).toEqual([
      expect.objectContaining({ kind: 'review', dueDate: addDays(today(), 14), doneAt: null, note: `Ompröva riskbedömning #${done.id}` }),
    ]);
  });

  it('uses the review-day settings, and a review date the caseworker chose', async () => {
    await setSetting(db(), 'review_days_medium', 21);
    await setSetting(db(), 'review_days_low', 120);
    const c = await newCase();
    expect((await completed(c.caseId, 'medium')).nextReviewDate).toBe(addDays(today(), 21));
    expect((await completed(c.caseId, 'low')).nextReviewDate).toBe(addDays(today(), 120));
    await setSetting(db(), 'review_days_medium', 30);
    await setSetting(db(), 'review_days_low', 90);

    const chosen = await start(c.caseId);
    const template = await instrument('fristad-spj-adult');
    await save({ id: chosen.id, judgements: judgeAll(template, 'medium'), nextReviewDate: addDays(today(), 7) });
    expect((await riskOps['risk:complete'](w, { id: chosen.id })).nextReviewDate).toBe(addDays(today(), 7));

    const past = await start(c.caseId);
    await save({ id: past.id, judgements: judgeAll(template, 'medium'), nextReviewDate: addDays(today(), -1) });
    const err = await refusal(riskOps['risk:complete'](w, { id: past.id }));
    expect(err.issues).toEqual([{ path: ['nextReviewDate'], message: 'review_date_past' }]);
  });

  it('makes the assessment read-only: saving or completing again is not allowed, even straight in the database', async () => {
    const c = await newCase();
    const done = await completed(c.caseId, 'low');
    const before = await auditCount(w);
    const again = await refusal(save({ id: done.id }));
    expect(again.code).toBe('not_allowed');
    expect((await failureOf(riskOps['risk:complete'](w, { id: done.id }))).code).toBe('not_allowed');
    const direct = await refusal(
      updateAssessmentDraft(db(), done.id, { answers: [], judgements: [], survivorView: '', nextReviewDate: null, headlineLevel: null }),
    );
    expect(direct.code).toBe('not_allowed');
    expect(direct.message).not.toMatch(/SQL|trigger|UPDATE/i);
    expect(await auditCount(w)).toBe(before);
    expect(await riskOps['risk:get'](w, { id: done.id })).toMatchObject({ status: 'completed', headlineLevel: 'low' });
  });

  it('closes the review reminder of the person’s previous assessment when a new one is completed', async () => {
    const c = await newCase();
    const first = await completed(c.caseId, 'high');
    const second = await completed(c.caseId, 'medium');
    const reminders = await journalOps['reminders:list'](w, { caseId: c.caseId });
    const review = (id: number) => reminders.find((r) => r.note === `Ompröva riskbedömning #${id}`);
    expect(review(first.id)?.doneAt).not.toBeNull();
    expect(review(second.id)).toMatchObject({ doneAt: null, dueDate: addDays(today(), 30) });
    expect((await casesOps['cases:get'](w, { id: c.caseId })).latestRisk?.level).toBe('medium');
  });

  it('keeps a child’s assessments apart: they leave the case’s level alone and have their own reminders', async () => {
    const c = await newCase();
    const survivor = await completed(c.caseId, 'low');
    const childId = defined(c.childIds[0]);
    const child = await completed(c.caseId, 'high', { templateId: 'fristad-child', childId });
    expect(child).toMatchObject({
      childId,
      childName: 'Barn Testsson',
      templateId: 'fristad-child',
      headlineLevel: 'high',
      nextReviewDate: addDays(today(), 14),
    });
    expect((await casesOps['cases:get'](w, { id: c.caseId })).latestRisk).toMatchObject({ assessmentId: survivor.id, level: 'low' });
    const reminders = await journalOps['reminders:list'](w, { caseId: c.caseId });
    expect(reminders.map((r) => r.note).sort()).toEqual([`Ompröva riskbedömning #${child.id} (barn)`, `Ompröva riskbedömning #${survivor.id}`].sort());
    // A new survivor assessment does not close the child's review.
    await completed(c.caseId, 'low');
    const after = await journalOps['reminders:list'](w, { caseId: c.caseId });
    expect(after.find((r) => r.note.endsWith('(barn)'))?.doneAt).toBeNull();
  });

  it('feeds the case list’s risk filter, sorting and overdue reviews', async () => {
    const overdue = await newCase();
    const longAgo = new Date(Date.now() - 100 * 86_400_000);
    await completed(overdue.caseId, 'high', { now: longAgo });
    const current = await newCase();
    await completed(current.caseId, 'high');
    const list = (overrides: Record<string, unknown>) =>
      casesOps['cases:list'](
        w,
        ListCasesInputSchema.parse({
          query: '',
          status: 'open',
          assignedUserId: null,
          districtSlug: null,
          protectedOnly: false,
          honourOnly: false,
          openRemindersOnly: false,
          sort: 'case_number',
          direction: 'asc',
          offset: 0,
          limit: 500,
          ...overrides,
        }),
      );
    const high = (await list({ riskLevel: 'high' })).rows.map((r) => r.id);
    expect(high).toEqual(expect.arrayContaining([overdue.caseId, current.caseId]));
    const overdueRows = (await list({ overdueReviewOnly: true })).rows;
    expect(overdueRows.map((r) => r.id)).toContain(overdue.caseId);
    expect(overdueRows.map((r) => r.id)).not.toContain(current.caseId);
    expect(overdueRows.find((r) => r.id === overdue.caseId)).toMatchObject({
      riskLevel: 'high',
      reviewOverdue: true,
      nextReviewDate: addDays(localIsoDate(longAgo), 14),
    });
  });
});

describe('copies, history and comparison', () => {
  it('starts a new draft as a copy of the person’s last assessment, answers and judgements included', async () => {
    const c = await newCase();
    const [p1] = c.perpetratorIds as [number];
    const template = await instrument('fristad-spj-adult');
    const first = await completed(c.caseId, 'high', {
      answers: [
        { itemId: 'p.threats_to_kill', perpetratorId: null, value: 'yes' },
        { itemId: 'f.breached_orders', perpetratorId: p1, value: 'yes' },
      ],
    });
    const copy = await start(c.caseId, 'fristad-spj-adult', null, first.id);
    expect(copy).toMatchObject({
      status: 'draft',
      copiedFromId: first.id,
      answers: first.answers,
      judgements: judgeAll(template, 'high'),
      survivorView: '',
      nextReviewDate: null,
    });
    expect(copy.id).not.toBe(first.id);

    const other = await newCase();
    const refused = await refusal(start(other.caseId, 'fristad-spj-adult', null, first.id));
    expect(refused).toMatchObject({ code: 'invalid_input', issues: [{ path: ['copyFromId'], message: 'copy_from_other_person' }] });
    expect((await failureOf(start(c.caseId, 'fristad-child', defined(c.childIds[0]), first.id))).code).toBe('invalid_input');
  });

  it('leaves out answers about a perpetrator removed from the case from drafts, but not from completed assessments', async () => {
    const c = await newCase();
    const [p1, p2] = c.perpetratorIds as [number, number];
    const answers = [
      { itemId: 'f.prior_violence', perpetratorId: p1, value: 'yes' },
      { itemId: 'f.prior_violence', perpetratorId: p2, value: 'no' },
    ];
    const done = await completed(c.caseId, 'medium', { answers });
    const draft = await start(c.caseId);
    await save({ id: draft.id, answers });
    await peopleOps['people:remove-perpetrator'](w, { id: p2 });
    expect((await riskOps['risk:get'](w, { id: draft.id })).answers).toEqual([answers[0]]);
    expect((await riskOps['risk:get'](w, { id: done.id })).answers).toEqual(answers);
    const copy = await start(c.caseId, 'fristad-spj-adult', null, done.id);
    expect(copy.answers).toEqual([answers[0]]);
  });

  it('lists the case’s history newest first, with each output’s level', async () => {
    const c = await newCase();
    const day = 86_400_000;
    const a = await completed(c.caseId, 'high', { now: new Date(Date.now() - 60 * day) });
    const b = await completed(c.caseId, 'medium', { now: new Date(Date.now() - 20 * day) });
    const draft = await start(c.caseId, 'fristad-spj-adult', null, b.id);
    const child = await completed(c.caseId, 'low', { templateId: 'fristad-child', childId: defined(c.childIds[0]), now: new Date(Date.now() - 40 * day) });
    const history = await riskOps['risk:list'](w, { caseId: c.caseId });
    expect(history.map((h) => h.id)).toEqual([draft.id, b.id, child.id, a.id]);
    expect(history.find((h) => h.id === a.id)?.levels).toEqual([
      { outputId: 'acute_risk', label: expect.any(Object), level: 'high' },
      { outputId: 'long_term_risk', label: expect.any(Object), level: 'high' },
      { outputId: 'severity', label: expect.any(Object), level: 'high' },
    ]);
    expect(history[0]).not.toHaveProperty('answers');
    expect((await auditTail(w, 1))[0]).toMatchObject({ action: 'read', entity: 'assessments', entity_id: String(c.caseId) });
    expect((await casesOps['cases:get'](w, { id: c.caseId })).latestRisk).toMatchObject({ assessmentId: b.id, level: 'medium' });
  });

  it('compares two assessments of the same person factor by factor, audited as two reads', async () => {
    const c = await newCase();
    const [p1, p2] = c.perpetratorIds as [number, number];
    const left = await completed(c.caseId, 'high', {
      answers: [
        { itemId: 'p.stalking', perpetratorId: null, value: 'yes' },
        { itemId: 'f.can_locate', perpetratorId: p1, value: 'yes' },
      ],
    });
    const right = await completed(c.caseId, 'medium', {
      answers: [
        { itemId: 'p.stalking', perpetratorId: null, value: 'yes' },
        { itemId: 'f.can_locate', perpetratorId: p1, value: 'no' },
      ],
    });
    const result = await riskOps['risk:compare'](w, { leftId: left.id, rightId: right.id });
    expect(result.left.id).toBe(left.id);
    expect(result.right.id).toBe(right.id);
    const row = (itemId: string, perpetratorId: number | null = null) => result.rows.find((r) => r.itemId === itemId && r.perpetratorId === perpetratorId);
    expect(row('p.stalking')).toMatchObject({ left: 'yes', right: 'yes', changed: false });
    expect(row('f.can_locate', p1)).toMatchObject({ left: 'yes', right: 'no', changed: true });
    expect(row('f.can_locate', p2)).toMatchObject({ left: null, right: null, changed: false });
    expect(result.rows.filter((r) => r.changed)).toHaveLength(1);
    expect(result.judgements.find((j) => j.outputId === 'acute_risk')).toMatchObject({ left: 'high', right: 'medium', changed: true });
    expect((await auditTail(w, 2)).map((r) => [r.action, r.entity, r.entity_id])).toEqual([
      ['read', 'assessment', String(left.id)],
      ['read', 'assessment', String(right.id)],
    ]);
    const child = await start(c.caseId, 'fristad-child', defined(c.childIds[0]));
    expect((await failureOf(riskOps['risk:compare'](w, { leftId: left.id, rightId: child.id }))).code).toBe('invalid_input');
  });
});

describe('imported instruments', () => {
  const file = (overrides: Partial<RiskTemplate> = {}) => JSON.stringify({ ...TEST_TEMPLATE, id: 'org-instrument', ...overrides });

  it('are versioned: an old assessment keeps the version it was made with, new ones use the newest', async () => {
    const v1 = await riskOps['risk:import-instrument'](w, { json: file() });
    expect(v1).toEqual({ templateId: 'org-instrument', version: '1', title: TEST_TEMPLATE.title, target: 'adult', source: 'imported', latest: true });
    expect((await auditTail(w, 1))[0]).toMatchObject({ action: 'create', entity: 'risk_instrument' });
    const c = await newCase();
    const old = await completed(c.caseId, 'high', { templateId: 'org-instrument', answers: [{ itemId: 'threats', perpetratorId: null, value: 'yes' }] });

    const v2Template: RiskTemplate = {
      ...TEST_TEMPLATE,
      id: 'org-instrument',
      version: '1.10',
      sections: [
        { id: 'only', title: { sv: 'Ny sektion' }, items: [{ id: 'new_item', kind: 'yes_no_unknown', label: { sv: 'Ny fråga' }, perPerpetrator: false }] },
      ],
    };
    await riskOps['risk:import-instrument'](w, { json: JSON.stringify(v2Template) });
    await riskOps['risk:import-instrument'](w, { json: file({ version: '1.9' }) });
    const list = await riskOps['risk:instruments'](w, {});
    expect(list.filter((i) => i.templateId === 'org-instrument').map((i) => [i.version, i.latest])).toEqual([
      ['1.10', true],
      ['1.9', false],
      ['1', false],
    ]);

    expect(await riskOps['risk:get'](w, { id: old.id })).toMatchObject({
      templateVersion: '1',
      answers: [{ itemId: 'threats', perpetratorId: null, value: 'yes' }],
    });
    expect(await instrument('org-instrument', '1')).toEqual({ ...TEST_TEMPLATE, id: 'org-instrument' });
    const fresh = await start(c.caseId, 'org-instrument', null, old.id);
    expect(fresh.templateVersion).toBe('1.10');
    // The old answers do not fit the new version's items: the copy leaves them out.
    expect(fresh.answers).toEqual([]);
    const history = await riskOps['risk:list'](w, { caseId: c.caseId });
    expect(history.find((h) => h.id === old.id)?.templateVersion).toBe('1');
  });

  it('refuses a version already installed, a reserved id, and a change of target, writing nothing', async () => {
    const before = await auditCount(w);
    const count = async () => (await db().selectFrom('risk_instruments').select('id').execute()).length;
    const installed = await count();
    expect((await failureOf(riskOps['risk:import-instrument'](w, { json: file() }))).code).toBe('not_allowed');
    expect((await failureOf(riskOps['risk:import-instrument'](w, { json: file({ version: '1.0' }) }))).code).toBe('not_allowed');
    const reserved = await refusal(riskOps['risk:import-instrument'](w, { json: file({ id: 'fristad-screening', version: '99' }) }));
    expect(reserved).toMatchObject({ code: 'not_allowed', issues: [{ path: ['id'], message: 'template_id_reserved' }] });
    const target = await refusal(riskOps['risk:import-instrument'](w, { json: file({ version: '5', target: 'child' }) }));
    expect(target).toMatchObject({ code: 'not_allowed', issues: [{ path: ['target'], message: 'target_differs_from_earlier_version' }] });
    expect(await count()).toBe(installed);
    expect(await auditCount(w)).toBe(before);
  });

  it('rejects a bad file with a message and the issues by path', async () => {
    const broken = { ...TEST_TEMPLATE, id: 'Bad Id', outputs: [{ id: 'x', kind: 'text', label: { en: 'X' }, headline: true }] };
    const err = await refusal(riskOps['risk:import-instrument'](w, { json: JSON.stringify(broken) }));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(/problems.*Nothing was imported/);
    expect(err.issues).toEqual(
      expect.arrayContaining([
        { path: ['id'], message: 'template_id_format' },
        expect.objectContaining({ path: ['outputs', 0, 'headline'], message: 'headline_must_be_level' }),
        expect.objectContaining({ path: ['outputs'], message: 'needs_level_output' }),
      ]),
    );
    const syntax = await refusal(riskOps['risk:import-instrument'](w, { json: '{"format": ' }));
    expect(syntax.code).toBe('invalid_input');
  });

  it('may be imported by a team lead or administrator only', async () => {
    await addUser(w, 'lead', 'team_lead');
    await loginAs(w, 'kim');
    expect((await failureOf(riskOps['risk:import-instrument'](w, { json: file({ version: '7' }) }))).code).toBe('forbidden');
    await loginAs(w, 'lead');
    expect((await riskOps['risk:import-instrument'](w, { json: file({ version: '7' }) })).version).toBe('7');
    await loginAs(w, 'tove');
  });
});
