import { screen } from '@testing-library/react';
import type { Assessment, AssessmentSummary, CaseDetail, ChannelOutput, InstrumentSummary, Judgement, RiskTemplate } from '../../core/contract';
import { headlineLevel } from '../../core/rules/risk-completion';
import { compareAnswers, compareJudgements } from '../../core/rules/risk-compare';
import { completionGaps } from '../../core/rules/risk-completion';
import { openCase } from '../../renderer/src/casework/casework-store';
import { useLanguageStore } from '../../renderer/src/i18n/language-store';
import { caseDetail, caseRow, caseworkBridge } from './casework-fixtures';
import type { FakeBridge } from './fake-bridge';
import { CASEWORKER } from './fixtures';
import { button, renderApp } from './render-app';

// Fictional people and an invented template; the wording is ours, for tests only.

export const ADULT_TEMPLATE: RiskTemplate = {
  format: 'fristad-risk-instrument',
  id: 'test-adult',
  version: '2',
  title: { sv: 'Testbedömning vuxen', en: 'Test assessment adult' },
  description: { sv: 'En påhittad mall för tester.', en: 'An invented template for tests.' },
  target: 'adult',
  sections: [
    {
      id: 'pattern',
      title: { sv: 'Våldets mönster', en: 'Pattern of violence' },
      items: [
        { id: 'threats', kind: 'yes_no_unknown', label: { sv: 'Hot om att döda', en: 'Threats to kill' }, perPerpetrator: false },
        {
          id: 'frequency',
          kind: 'scale',
          label: { sv: 'Hur ofta', en: 'How often' },
          perPerpetrator: false,
          options: [
            { value: 'never', label: { sv: 'Aldrig', en: 'Never' }, score: 0 },
            { value: 'monthly', label: { sv: 'Varje månad', en: 'Monthly' }, score: 1 },
            { value: 'weekly', label: { sv: 'Varje vecka', en: 'Weekly' }, score: 2 },
            { value: 'unknown', label: { sv: 'Vet inte', en: "Don't know" } },
          ],
        },
        { id: 'notes', kind: 'text', label: { sv: 'Anteckningar om mönstret', en: 'Notes on the pattern' }, perPerpetrator: false },
      ],
    },
    {
      id: 'perpetrators',
      title: { sv: 'Förövarna', en: 'The perpetrators' },
      items: [
        { id: 'prior', kind: 'yes_no_unknown', label: { sv: 'Tidigare våld', en: 'Earlier violence' }, perPerpetrator: true },
        { id: 'orders', kind: 'yes_no_unknown', label: { sv: 'Bryter mot kontaktförbud', en: 'Breaks restraining orders' }, perPerpetrator: true },
      ],
    },
  ],
  outputs: [
    { id: 'acute', kind: 'level', label: { sv: 'Akut risk', en: 'Acute risk' }, headline: true },
    { id: 'long_term', kind: 'level', label: { sv: 'Långsiktig risk', en: 'Long-term risk' } },
    { id: 'measures', kind: 'text', label: { sv: 'Skyddsåtgärder', en: 'Protective measures' } },
  ],
};

export const CHILD_TEMPLATE: RiskTemplate = {
  format: 'fristad-risk-instrument',
  id: 'test-child',
  version: '1',
  title: { sv: 'Testbedömning barn', en: 'Test assessment child' },
  target: 'child',
  sections: [
    {
      id: 'child',
      title: { sv: 'Barnet', en: 'The child' },
      items: [{ id: 'afraid', kind: 'yes_no_unknown', label: { sv: 'Barnet är rädd', en: 'The child is afraid' }, perPerpetrator: false }],
    },
  ],
  outputs: [{ id: 'acute', kind: 'level', label: { sv: 'Akut risk', en: 'Acute risk' }, headline: true }],
};

export const INSTRUMENTS: InstrumentSummary[] = [
  { templateId: 'test-adult', version: '2', title: ADULT_TEMPLATE.title, target: 'adult', source: 'builtin', latest: true },
  { templateId: 'test-adult', version: '1', title: ADULT_TEMPLATE.title, target: 'adult', source: 'builtin', latest: false },
  { templateId: 'test-child', version: '1', title: CHILD_TEMPLATE.title, target: 'child', source: 'imported', latest: true },
];

/** A case with two perpetrators (one without a name) and one child. */
export function riskCase(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return caseDetail({
    honourContext: true,
    children: [{ id: 21, caseId: 3, name: 'Alva Testsson', birthYear: 2016, school: '', needs: '', placement: '' }],
    perpetrators: [
      { id: 31, caseId: 3, name: 'Karl Påhittsson', relation: 'former_partner', collective: false, notes: '', areas: [] },
      { id: 32, caseId: 3, name: '', relation: 'relative', collective: true, notes: '', areas: [] },
    ],
    ...overrides,
  });
}

export function assessment(overrides: Partial<Assessment> & { id: number }): Assessment {
  return {
    caseId: 3,
    childId: null,
    childName: null,
    templateId: 'test-adult',
    templateVersion: '2',
    templateTitle: ADULT_TEMPLATE.title,
    status: 'draft',
    startedAt: '2026-03-01T09:00:00.000Z',
    startedByName: CASEWORKER.displayName,
    completedAt: null,
    completedByName: null,
    copiedFromId: null,
    answers: [],
    judgements: [],
    survivorView: '',
    headlineLevel: null,
    nextReviewDate: null,
    ...overrides,
  };
}

export function templateOf(a: Pick<Assessment, 'templateId'>): RiskTemplate {
  return a.templateId === CHILD_TEMPLATE.id ? CHILD_TEMPLATE : ADULT_TEMPLATE;
}

export function toSummary(a: Assessment): AssessmentSummary {
  const { answers: _answers, judgements, ...rest } = a;
  return {
    ...rest,
    levels: templateOf(a)
      .outputs.filter((o) => o.kind === 'level')
      .map((o) => ({ outputId: o.id, label: o.label, level: judgements.find((j) => j.outputId === o.id)?.level ?? null })),
  };
}

export function judged(acute: 'low' | 'medium' | 'high', longTerm: 'low' | 'medium' | 'high'): Judgement[] {
  return [
    { outputId: 'acute', level: acute, text: '', reason: 'Motiverat' },
    { outputId: 'long_term', level: longTerm, text: '', reason: 'Motiverat' },
    { outputId: 'measures', level: null, text: 'Skyddat boende', reason: '' },
  ];
}

/**
 * The risk channels as the API answers them, over a list the test starts from: drafts are saved,
 * completing checks the judgement (and answers with the gaps as the API does), compare uses the
 * same rules as the API.
 */
export function statefulRisk(bridge: FakeBridge, initial: Assessment[] = []) {
  const state = { assessments: [...initial], nextId: 100 };
  const find = (id: number): Assessment => {
    const a = state.assessments.find((x) => x.id === id);
    if (!a) throw new Error(`no assessment ${id}`);
    return a;
  };
  const replace = (a: Assessment): Assessment => {
    state.assessments = state.assessments.map((x) => (x.id === a.id ? a : x));
    return a;
  };
  bridge
    .ok('risk:instruments', INSTRUMENTS)
    .on('risk:instrument', (input) => ({ ok: true, result: input.templateId === CHILD_TEMPLATE.id ? CHILD_TEMPLATE : ADULT_TEMPLATE }))
    .on('risk:list', () => ({ ok: true, result: state.assessments.map(toSummary) }))
    .on('risk:get', (input) => ({ ok: true, result: find(input.id) }))
    .on('risk:start', (input) => {
      state.nextId += 1;
      const source = input.copyFromId ? find(input.copyFromId) : null;
      const created = assessment({
        id: state.nextId,
        childId: input.childId ?? null,
        childName: input.childId ? 'Alva Testsson' : null,
        templateId: input.templateId,
        templateTitle: input.templateId === CHILD_TEMPLATE.id ? CHILD_TEMPLATE.title : ADULT_TEMPLATE.title,
        templateVersion: input.templateId === CHILD_TEMPLATE.id ? '1' : '2',
        startedAt: `2026-04-0${Math.min(9, state.nextId - 100)}T09:00:00.000Z`,
        copiedFromId: input.copyFromId ?? null,
        answers: source?.answers ?? [],
        judgements: source?.judgements ?? [],
      });
      state.assessments.push(created);
      return { ok: true, result: created };
    })
    .on('risk:save-draft', (input) => {
      const a = find(input.id);
      return {
        ok: true,
        result: replace({
          ...a,
          answers: input.answers.map((x) => ({ ...x, perpetratorId: x.perpetratorId ?? null })),
          judgements: input.judgements.map((j) => ({ ...j, level: j.level ?? null })),
          survivorView: input.survivorView,
          nextReviewDate: input.nextReviewDate ?? null,
        }),
      };
    })
    .on('risk:complete', (input) => {
      const a = find(input.id);
      const gaps = completionGaps(templateOf(a), a.judgements);
      if (gaps.length > 0) {
        return {
          ok: false,
          error: {
            code: 'invalid_input',
            message: 'The judgement is not complete.',
            issues: gaps.map((g) => ({ path: ['judgements', g.outputId, g.field], message: 'required' })),
          },
        };
      }
      return {
        ok: true,
        result: replace({
          ...a,
          status: 'completed',
          completedAt: '2026-04-10T10:00:00.000Z',
          completedByName: CASEWORKER.displayName,
          headlineLevel: headlineLevel(templateOf(a), a.judgements),
          nextReviewDate: a.nextReviewDate ?? '2026-04-24',
        }),
      };
    })
    .on('risk:compare', (input): { ok: true; result: ChannelOutput<'risk:compare'> } => {
      const left = find(input.leftId);
      const right = find(input.rightId);
      const side = (a: Assessment) => ({ template: templateOf(a), answers: a.answers, judgements: a.judgements });
      return {
        ok: true,
        result: {
          left: toSummary(left),
          right: toSummary(right),
          rows: compareAnswers(side(left), side(right), [31, 32]),
          judgements: compareJudgements(side(left), side(right)),
        },
      };
    });
  return state;
}

/** Opens a case in the case view (in the current language) with the risk channels answering from `initial`. */
export async function openRiskCase(initial: Assessment[] = [], detail: CaseDetail = riskCase(), setup?: (bridge: FakeBridge) => void) {
  const bridge = caseworkBridge(CASEWORKER)
    .ok('cases:list', { total: 1, rows: [caseRow(2)] })
    .ok('cases:get', detail);
  const state = statefulRisk(bridge, initial);
  setup?.(bridge);
  const app = renderApp();
  const english = useLanguageStore.getState().language === 'en';
  await screen.findByRole('heading', { name: `${english ? 'Welcome' : 'Välkommen'}, Cecilia Exempelsson` });
  openCase(detail.id);
  await app.user.click(button(english ? 'Cases' : 'Ärenden'));
  await screen.findByRole('heading', { level: 1, name: `${detail.caseNumber} – ${detail.survivor.name}` });
  return { bridge, state, ...app };
}

/** The risk section's group for one person, by its heading. */
export async function personGroup(name: string | RegExp): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { level: 3, name });
  const section = heading.closest('section');
  if (!section) throw new Error('no person section');
  return section;
}

/** The open assessment panel. */
export async function assessmentPanel(): Promise<HTMLElement> {
  const form = await screen.findByRole('form', { name: 'Riskbedömning' }).catch(() => null);
  const panel = (form ?? (await screen.findByText(/Bedömningen är slutförd och kan inte ändras/))).closest('.risk-panel');
  if (!(panel instanceof HTMLElement)) throw new Error('no assessment panel');
  return panel;
}
