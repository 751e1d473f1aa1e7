import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, AssessmentSummary, CaseDetail, CaseListRow, InstrumentSummary, Judgement, Reminder, RiskTemplate } from '../../core/contract';
import { addDays, localIsoDate } from '../../core/rules/calendar';
import type { Runtime } from '../../electron/api/types';
import { caseInput, defined } from '../helpers/casework';
import { TEST_TEMPLATE } from '../helpers/risk-template';
import { errorCode, ok, testRuntime } from '../helpers/runtime';
import { ADMIN } from '../helpers/temp';

let runtime: Runtime;
let close: () => Promise<void>;
let theCase: CaseDetail;

beforeAll(async () => {
  ({ runtime, close } = await testRuntime());
  await ok(runtime, 'session:setup', ADMIN);
  const kim = (
    await ok<{ id: number }>(runtime, 'users:create', {
      username: 'kim',
      displayName: 'Kim Handläggare',
      role: 'caseworker',
      passphrase: 'kims long passphrase',
    })
  ).id;
  await ok(runtime, 'users:create', { username: 'lea', displayName: 'Lea Teamledare', role: 'team_lead', passphrase: 'leas long passphrase' });
  await ok(runtime, 'users:create', { username: 'gun', displayName: 'Gun Granskare', role: 'auditor', passphrase: 'guns long passphrase' });
  // The case is Kim's, made by the team lead Lea: administrators do no casework.
  await ok(runtime, 'session:unlock', { username: 'lea', passphrase: 'leas long passphrase' });
  theCase = await ok<CaseDetail>(
    runtime,
    'cases:create',
    caseInput({
      assignedUserId: kim,
      honourContext: true,
      children: [{ name: 'Lilla Påhittad', birthYear: 2016, school: '', needs: '', placement: '' }],
      perpetrators: [
        {
          name: 'Förövare Ett (fiktiv)',
          relation: 'former_partner',
          collective: true,
          notes: '',
          areas: [{ municipalityCode: '0180', districtSlug: null, description: '' }],
        },
        {
          name: 'Förövare Två (fiktiv)',
          relation: 'sibling',
          collective: true,
          notes: '',
          areas: [{ municipalityCode: '1980', districtSlug: null, description: '' }],
        },
      ],
    }),
  );
});
afterAll(async () => close());

const as = (username: string, passphrase: string) => ok(runtime, 'session:unlock', { username, passphrase });
const asAdmin = () => as('admin', ADMIN.passphrase);
const asKim = () => as('kim', 'kims long passphrase');
/** A team lead works with cases and may also count audit rows (audit:verify). */
const asLea = () => as('lea', 'leas long passphrase');

async function auditedRows(call: () => Promise<unknown>): Promise<number> {
  const before = (await ok<{ rows: number }>(runtime, 'audit:verify')).rows;
  await call();
  const after = (await ok<{ rows: number }>(runtime, 'audit:verify')).rows;
  return after - before - 1;
}

function judgeAll(template: RiskTemplate, level: Judgement['level']): Judgement[] {
  return template.outputs.map((o) =>
    o.kind === 'level' ? { outputId: o.id, level, text: '', reason: 'Fiktivt skäl.' } : { outputId: o.id, level: null, text: 'Fiktiv text.', reason: '' },
  );
}

describe('risk:* through the API', () => {
  it('lists the built-in instruments for casework roles and not for the auditor', async () => {
    await asKim();
    const list = await ok<InstrumentSummary[]>(runtime, 'risk:instruments');
    expect(list.map((i) => i.templateId)).toEqual(['fristad-child', 'fristad-screening', 'fristad-spj-adult']);
    await as('gun', 'guns long passphrase');
    expect(await errorCode(runtime, 'risk:instruments')).toBe('forbidden');
    expect(await errorCode(runtime, 'risk:list', { caseId: theCase.id })).toBe('forbidden');
    await asAdmin();
  });

  it('imports an instrument file for team leads and administrators only; a bad file gets issues by path', async () => {
    await asKim();
    expect(await errorCode(runtime, 'risk:import-instrument', { json: JSON.stringify({ ...TEST_TEMPLATE, id: 'org-x' }) })).toBe('forbidden');
    await asAdmin();
    const bad = await runtime.invoke('risk:import-instrument', { json: JSON.stringify({ ...TEST_TEMPLATE, id: 'org-x', sections: [] }) });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/Nothing was imported/) });
    expect(bad.error.issues?.map((i) => i.path.join('.'))).toContain('sections');
    const syntax = await runtime.invoke('risk:import-instrument', { json: '{\n "id": oops }' });
    expect(!syntax.ok && syntax.error.issues).toEqual([{ path: [], message: 'json_syntax: line 2, column 8' }]);

    const imported = await ok<InstrumentSummary>(runtime, 'risk:import-instrument', { json: JSON.stringify({ ...TEST_TEMPLATE, id: 'org-x' }) });
    expect(imported).toMatchObject({ templateId: 'org-x', version: '1', source: 'imported', latest: true });
    expect(await ok<RiskTemplate>(runtime, 'risk:instrument', { templateId: 'org-x', version: '1' })).toEqual({ ...TEST_TEMPLATE, id: 'org-x' });
    expect(await errorCode(runtime, 'risk:import-instrument', { json: JSON.stringify({ ...TEST_TEMPLATE, id: 'org-x' }) })).toBe('not_allowed');
  });

  it('runs an assessment from draft to completion, and the case header and list follow', async () => {
    await asLea();
    const [p1, p2] = theCase.perpetrators.map((p) => p.id) as [number, number];
    const draft = await ok<Assessment>(runtime, 'risk:start', { caseId: theCase.id, childId: null, templateId: 'fristad-spj-adult', copyFromId: null });
    const template = await ok<RiskTemplate>(runtime, 'risk:instrument', { templateId: draft.templateId, version: draft.templateVersion });

    const answers = [
      { itemId: 'p.threats_to_kill', perpetratorId: null, value: 'yes' },
      { itemId: 'f.collective_mandate', perpetratorId: p1, value: 'yes' },
      { itemId: 'f.collective_mandate', perpetratorId: p2, value: 'yes' },
      { itemId: 'f.role', perpetratorId: p2, value: 'leading' },
    ];
    const saveInput = { id: draft.id, answers, judgements: [], survivorView: 'Fiktiv: hon tror att släkten letar efter henne.', nextReviewDate: null };
    expect(await auditedRows(() => ok(runtime, 'risk:save-draft', saveInput))).toBe(1);

    // Without the judgement: invalid_input, with the missing outputs as issues.
    const refused = await runtime.invoke('risk:complete', { id: draft.id });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('invalid_input');
    expect(new Set(refused.error.issues?.map((i) => i.path[1]))).toEqual(new Set(template.outputs.map((o) => o.id)));

    await ok(runtime, 'risk:save-draft', { ...saveInput, judgements: judgeAll(template, 'high') });
    const rows = await auditedRows(() => ok(runtime, 'risk:complete', { id: draft.id }));
    expect(rows).toBe(2);
    const done = await ok<Assessment>(runtime, 'risk:get', { id: draft.id });
    expect(done).toMatchObject({
      status: 'completed',
      headlineLevel: 'high',
      nextReviewDate: addDays(localIsoDate(new Date()), 14),
      answers,
      completedByName: 'Lea Teamledare',
    });
    expect(await errorCode(runtime, 'risk:save-draft', saveInput)).toBe('not_allowed');

    const header = await ok<CaseDetail>(runtime, 'cases:get', { id: theCase.id });
    expect(header.latestRisk).toMatchObject({ assessmentId: draft.id, level: 'high' });
    const list = await ok<{ rows: CaseListRow[] }>(runtime, 'cases:list', {
      query: '',
      status: 'open',
      assignedUserId: null,
      districtSlug: null,
      protectedOnly: false,
      honourOnly: false,
      openRemindersOnly: false,
      riskLevel: 'high',
      sort: 'risk_level',
      direction: 'desc',
      offset: 0,
      limit: 50,
    });
    expect(list.rows.map((r) => r.id)).toEqual([theCase.id]);
    const reminders = await ok<Reminder[]>(runtime, 'reminders:list', { caseId: theCase.id });
    expect(reminders).toEqual([expect.objectContaining({ kind: 'review', dueDate: done.nextReviewDate })]);

    // A new assessment as a copy of the last; the comparison shows what changed.
    const copy = await ok<Assessment>(runtime, 'risk:start', { caseId: theCase.id, childId: null, templateId: 'fristad-spj-adult', copyFromId: draft.id });
    expect(copy).toMatchObject({ copiedFromId: draft.id, answers, judgements: judgeAll(template, 'high') });
    await ok(runtime, 'risk:save-draft', {
      id: copy.id,
      answers: answers.map((a) => (a.itemId === 'f.role' ? { ...a, value: 'supporting' } : a)),
      judgements: judgeAll(template, 'medium'),
      survivorView: '',
      nextReviewDate: null,
    });
    await ok(runtime, 'risk:complete', { id: copy.id });
    const compared = await ok<{ rows: { itemId: string; perpetratorId: number | null; changed: boolean }[]; judgements: { changed: boolean }[] }>(
      runtime,
      'risk:compare',
      { leftId: draft.id, rightId: copy.id },
    );
    expect(compared.rows.filter((r) => r.changed).map((r) => [r.itemId, r.perpetratorId])).toEqual([['f.role', p2]]);
    expect(compared.judgements.every((j) => j.changed)).toBe(true);

    const history = await ok<AssessmentSummary[]>(runtime, 'risk:list', { caseId: theCase.id });
    expect(history.map((h) => [h.id, h.headlineLevel])).toEqual([
      [copy.id, 'medium'],
      [draft.id, 'high'],
    ]);
    expect((await ok<CaseDetail>(runtime, 'cases:get', { id: theCase.id })).latestRisk?.level).toBe('medium');
  });

  it('assesses a child on the child template, separately from the survivor', async () => {
    await asKim();
    const childId = defined(theCase.children[0]).id;
    expect(await errorCode(runtime, 'risk:start', { caseId: theCase.id, childId, templateId: 'fristad-spj-adult', copyFromId: null })).toBe('invalid_input');
    const draft = await ok<Assessment>(runtime, 'risk:start', { caseId: theCase.id, childId, templateId: 'fristad-child', copyFromId: null });
    const template = await ok<RiskTemplate>(runtime, 'risk:instrument', { templateId: 'fristad-child', version: draft.templateVersion });
    await ok(runtime, 'risk:save-draft', {
      id: draft.id,
      answers: [{ itemId: 'cp.abduction', perpetratorId: defined(theCase.perpetrators[0]).id, value: 'yes' }],
      judgements: judgeAll(template, 'high'),
      survivorView: 'Fiktiv: barnet säger att hon är rädd att bli hämtad från skolan.',
      nextReviewDate: null,
    });
    const done = await ok<Assessment>(runtime, 'risk:complete', { id: draft.id });
    expect(done).toMatchObject({ childId, childName: 'Lilla Påhittad', headlineLevel: 'high' });
    expect((await ok<CaseDetail>(runtime, 'cases:get', { id: theCase.id })).latestRisk?.level).toBe('medium');
  });

  it('audits every read: one row for get and list, two for a comparison, one for the instruments', async () => {
    await asLea();
    const history = await ok<AssessmentSummary[]>(runtime, 'risk:list', { caseId: theCase.id });
    const [a, b] = history.filter((h) => h.childId === null) as [AssessmentSummary, AssessmentSummary];
    expect(await auditedRows(() => ok(runtime, 'risk:get', { id: a.id }))).toBe(1);
    expect(await auditedRows(() => ok(runtime, 'risk:list', { caseId: theCase.id }))).toBe(1);
    expect(await auditedRows(() => ok(runtime, 'risk:compare', { leftId: b.id, rightId: a.id }))).toBe(2);
    expect(await auditedRows(() => ok(runtime, 'risk:instruments'))).toBe(1);
    expect(await auditedRows(() => ok(runtime, 'risk:instrument', { templateId: 'fristad-screening', version: '1' }))).toBe(1);
    expect(await auditedRows(() => errorCode(runtime, 'risk:get', { id: 999_999 }))).toBe(0);
  });
});
