import type { Answer, Judgement, RiskTemplate, TemplateItem } from '../contract/risk';

/** What is wrong with one answer or judgement: a path into the input and a message code (never a value). */
export interface AnswerIssue {
  path: (string | number)[];
  message: string;
}

const YES_NO_UNKNOWN = new Set(['yes', 'no', 'unknown']);

function itemsById(template: RiskTemplate): Map<string, TemplateItem> {
  return new Map(template.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));
}

/** True when the value is one the item accepts (any text for free-text items). */
export function isValidValue(item: TemplateItem, value: string): boolean {
  if (item.kind === 'yes_no_unknown') return YES_NO_UNKNOWN.has(value);
  if (item.kind === 'scale') return (item.options ?? []).some((o) => o.value === value);
  return true;
}

/**
 * Checks answers against the template version and the case's perpetrators. An empty value means
 * "not answered" and is dropped. Anything else that does not fit is an issue: an item the template
 * does not have, a per-perpetrator item without a perpetrator of the case (or a once-only item
 * with one), a value the item does not offer, or the same item answered twice for the same person.
 */
export function checkAnswers(
  template: RiskTemplate,
  answers: readonly Answer[],
  perpetratorIds: readonly number[],
): { answers: Answer[]; issues: AnswerIssue[] } {
  const items = itemsById(template);
  const perpetrators = new Set(perpetratorIds);
  const seen = new Set<string>();
  const kept: Answer[] = [];
  const issues: AnswerIssue[] = [];
  answers.forEach((a, i) => {
    const item = items.get(a.itemId);
    if (!item) return void issues.push({ path: ['answers', i, 'itemId'], message: 'unknown_item' });
    if (item.perPerpetrator && a.perpetratorId === null) return void issues.push({ path: ['answers', i, 'perpetratorId'], message: 'perpetrator_required' });
    if (item.perPerpetrator && a.perpetratorId !== null && !perpetrators.has(a.perpetratorId)) {
      return void issues.push({ path: ['answers', i, 'perpetratorId'], message: 'unknown_perpetrator' });
    }
    if (!item.perPerpetrator && a.perpetratorId !== null)
      return void issues.push({ path: ['answers', i, 'perpetratorId'], message: 'perpetrator_not_allowed' });
    const value = a.value.trim();
    if (value === '') return;
    if (!isValidValue(item, value)) return void issues.push({ path: ['answers', i, 'value'], message: 'invalid_value' });
    const key = `${a.itemId}\u0000${a.perpetratorId ?? ''}`;
    if (seen.has(key)) return void issues.push({ path: ['answers', i], message: 'duplicate_answer' });
    seen.add(key);
    kept.push({ itemId: a.itemId, perpetratorId: a.perpetratorId, value });
  });
  return { answers: kept, issues };
}

/** Checks judgements against the template's outputs: known outputs, each once, and no level on a text output. */
export function checkJudgements(template: RiskTemplate, judgements: readonly Judgement[]): { judgements: Judgement[]; issues: AnswerIssue[] } {
  const outputs = new Map(template.outputs.map((o) => [o.id, o]));
  const seen = new Set<string>();
  const kept: Judgement[] = [];
  const issues: AnswerIssue[] = [];
  judgements.forEach((j, i) => {
    const output = outputs.get(j.outputId);
    if (!output) return void issues.push({ path: ['judgements', i, 'outputId'], message: 'unknown_output' });
    if (seen.has(j.outputId)) return void issues.push({ path: ['judgements', i, 'outputId'], message: 'duplicate_judgement' });
    if (output.kind === 'text' && j.level !== null) return void issues.push({ path: ['judgements', i, 'level'], message: 'level_not_allowed' });
    seen.add(j.outputId);
    kept.push({ outputId: j.outputId, level: j.level, text: j.text.trim(), reason: j.reason.trim() });
  });
  return { judgements: kept, issues };
}

/**
 * What a new draft keeps from an earlier assessment of the same person: the answers and judgements
 * that still fit the (possibly newer) template and the case's current perpetrators. The rest is
 * left out quietly: the caseworker answers those afresh.
 */
export function carryOver(
  template: RiskTemplate,
  answers: readonly Answer[],
  judgements: readonly Judgement[],
  perpetratorIds: readonly number[],
): { answers: Answer[]; judgements: Judgement[] } {
  const fittingAnswers = answers.filter((a) => checkAnswers(template, [a], perpetratorIds).issues.length === 0);
  return {
    answers: checkAnswers(template, fittingAnswers, perpetratorIds).answers,
    judgements: checkJudgements(
      template,
      judgements.filter((j) => checkJudgements(template, [j]).issues.length === 0),
    ).judgements,
  };
}
