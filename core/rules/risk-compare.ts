import type { Answer, Judgement, LocalizedText, RiskLevel, RiskTemplate, TemplateItem } from '../contract/risk';

/** One assessment as the comparison sees it: its template version, answers and judgements. */
export interface CompareSide {
  template: RiskTemplate;
  answers: readonly Answer[];
  judgements: readonly Judgement[];
}

export interface AnswerDiffRow {
  itemId: string;
  /** Set on rows of items answered per perpetrator. */
  perpetratorId: number | null;
  label: LocalizedText;
  left: string | null;
  right: string | null;
  changed: boolean;
}

export interface JudgementDiffRow {
  outputId: string;
  label: LocalizedText;
  left: RiskLevel | null;
  right: RiskLevel | null;
  changed: boolean;
}

const key = (itemId: string, perpetratorId: number | null): string => `${itemId}\u0000${perpetratorId ?? ''}`;

function itemsInOrder(template: RiskTemplate): TemplateItem[] {
  return template.sections.flatMap((s) => s.items);
}

/**
 * The factor-by-factor difference of two assessments (usually an older one on the left). Rows
 * follow the right-hand template's order, then items only the left-hand template has (templates
 * may differ in version). Items answered per perpetrator get one row per perpetrator: each of
 * `perpetratorIds` (the case's perpetrators now) and any other perpetrator either side answered for.
 * A missing answer is null; a row is changed when the two values differ.
 */
export function compareAnswers(left: CompareSide, right: CompareSide, perpetratorIds: readonly number[]): AnswerDiffRow[] {
  const values = (answers: readonly Answer[]): Map<string, string> => new Map(answers.map((a) => [key(a.itemId, a.perpetratorId), a.value]));
  const l = values(left.answers);
  const r = values(right.answers);
  const items = new Map<string, TemplateItem>();
  for (const item of [...itemsInOrder(right.template), ...itemsInOrder(left.template)]) if (!items.has(item.id)) items.set(item.id, item);

  const answeredPerpetrators = (itemId: string): number[] =>
    [...left.answers, ...right.answers].flatMap((a) => (a.itemId === itemId && a.perpetratorId !== null ? [a.perpetratorId] : []));

  const rows: AnswerDiffRow[] = [];
  for (const item of items.values()) {
    const ids = item.perPerpetrator ? [...new Set([...perpetratorIds, ...answeredPerpetrators(item.id).sort((a, b) => a - b)])] : [null];
    for (const perpetratorId of ids) {
      const k = key(item.id, perpetratorId);
      const lv = l.get(k) ?? null;
      const rv = r.get(k) ?? null;
      rows.push({ itemId: item.id, perpetratorId, label: item.label, left: lv, right: rv, changed: lv !== rv });
    }
  }
  return rows;
}

/** The judged levels side by side, one row per level output of either template. */
export function compareJudgements(left: CompareSide, right: CompareSide): JudgementDiffRow[] {
  const outputs = new Map<string, LocalizedText>();
  for (const o of [...right.template.outputs, ...left.template.outputs]) if (o.kind === 'level' && !outputs.has(o.id)) outputs.set(o.id, o.label);
  const level = (side: CompareSide, id: string): RiskLevel | null => side.judgements.find((j) => j.outputId === id)?.level ?? null;
  return [...outputs].map(([outputId, label]) => {
    const lv = level(left, outputId);
    const rv = level(right, outputId);
    return { outputId, label, left: lv, right: rv, changed: lv !== rv };
  });
}
