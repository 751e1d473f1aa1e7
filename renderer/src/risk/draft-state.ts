import type { Answer, ApiIssue, Assessment, Judgement, Perpetrator, RiskLevel, RiskTemplate } from '../../../core/contract';
import type { CompletionGap } from '../../../core/rules/risk-completion';
import { validationKey } from '../forms/field-errors';
import { pathOf } from '../forms/path-errors';
import type { PathErrors } from '../forms/path-errors';
import type { MessageKey } from '../i18n/translate';
import { answerKey, answerName } from './format';

export interface JudgementDraft {
  level: RiskLevel | null;
  text: string;
  reason: string;
}

/** What an assessment form holds while the caseworker works on it. */
export interface DraftState {
  answers: Readonly<Record<string, string>>;
  judgements: Readonly<Record<string, JudgementDraft>>;
  survivorView: string;
  /** The review date as typed; until `touched`, the form shows (and the API uses) the default. */
  review: { touched: boolean; value: string };
}

export const EMPTY_JUDGEMENT: JudgementDraft = { level: null, text: '', reason: '' };

export function initialDraft(assessment: Assessment): DraftState {
  return {
    answers: Object.fromEntries(assessment.answers.map((a) => [answerKey(a.itemId, a.perpetratorId), a.value])),
    judgements: Object.fromEntries(assessment.judgements.map((j) => [j.outputId, { level: j.level, text: j.text, reason: j.reason }])),
    survivorView: assessment.survivorView,
    review: { touched: assessment.nextReviewDate !== null, value: assessment.nextReviewDate ?? '' },
  };
}

/** The answers to send, in the template's order: only those given, per-perpetrator items once per perpetrator of the case. */
export function answersOf(template: RiskTemplate, answers: Readonly<Record<string, string>>, perpetrators: readonly Perpetrator[]): Answer[] {
  const out: Answer[] = [];
  for (const item of template.sections.flatMap((s) => s.items)) {
    const ids = item.perPerpetrator ? perpetrators.map((p) => p.id) : [null];
    for (const perpetratorId of ids) {
      const value = answers[answerKey(item.id, perpetratorId)];
      if (value !== undefined && value.trim() !== '') out.push({ itemId: item.id, perpetratorId, value });
    }
  }
  return out;
}

/** One judgement per output of the template: a level and its reason, or a text. */
export function judgementsOf(template: RiskTemplate, judgements: Readonly<Record<string, JudgementDraft>>): Judgement[] {
  return template.outputs.map((output) => {
    const j = judgements[output.id] ?? EMPTY_JUDGEMENT;
    return output.kind === 'level'
      ? { outputId: output.id, level: j.level, text: '', reason: j.reason }
      : { outputId: output.id, level: null, text: j.text, reason: '' };
  });
}

export function judgementName(outputId: string, field: 'level' | 'reason' | 'text'): string {
  return `judgements.${outputId}.${field}`;
}

function requiredKey(field: string | number | undefined): MessageKey {
  if (field === 'level') return 'risk.error_level_required';
  if (field === 'reason') return 'risk.error_reason_required';
  return 'risk.error_text_required';
}

/** What the judgement lacks, at its fields. */
export function gapErrors(gaps: readonly CompletionGap[]): PathErrors {
  const errors: PathErrors = {};
  for (const gap of gaps) errors[judgementName(gap.outputId, gap.field)] = requiredKey(gap.field);
  return errors;
}

/**
 * The API's (or the schema's) issues at the form's fields. Answers and judgements are sent as
 * arrays, so an index is turned back into the item or output it stands for; completing names the
 * output itself (['judgements', outputId, field]).
 */
export function issuesToErrors(issues: readonly ApiIssue[] | undefined, sentAnswers: readonly Answer[], sentJudgements: readonly Judgement[]): PathErrors {
  const errors: PathErrors = {};
  const put = (name: string, key: MessageKey): void => {
    if (errors[name] === undefined) errors[name] = key;
  };
  for (const issue of issues ?? []) {
    const [head, second, third] = issue.path;
    if (head === 'answers' && typeof second === 'number') {
      const answer = sentAnswers[second];
      if (answer) put(answerName(answer.itemId, answer.perpetratorId), validationKey(issue.message));
    } else if (head === 'judgements' && second !== undefined) {
      const outputId = typeof second === 'number' ? sentJudgements[second]?.outputId : second;
      if (outputId === undefined) continue;
      const field = third === 'reason' || third === 'text' ? third : 'level';
      put(judgementName(outputId, field), issue.message === 'required' ? requiredKey(field) : validationKey(issue.message));
    } else {
      const name = pathOf(...issue.path);
      if (name !== '') put(name, validationKey(issue.message));
    }
  }
  return errors;
}
