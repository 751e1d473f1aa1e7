import type { Judgement, OutputField, RiskLevel, RiskTemplate } from '../contract/risk';

/** One thing a completion still lacks: the level or reason of a level output, or a text output's text. */
export interface CompletionGap {
  outputId: string;
  field: 'level' | 'reason' | 'text';
}

/**
 * What must be filled in before an assessment can be completed. The caseworker's judgement is
 * the assessment: every level output needs a level AND a written reason, every text output its
 * text. A supporting summary never fills a gap.
 */
export function completionGaps(template: RiskTemplate, judgements: readonly Judgement[]): CompletionGap[] {
  const byId = new Map(judgements.map((j) => [j.outputId, j]));
  const gaps: CompletionGap[] = [];
  for (const output of template.outputs) {
    const j = byId.get(output.id);
    if (output.kind === 'level') {
      if (!j || j.level === null) gaps.push({ outputId: output.id, field: 'level' });
      if (!j || j.reason.trim() === '') gaps.push({ outputId: output.id, field: 'reason' });
    } else if (!j || j.text.trim() === '') {
      gaps.push({ outputId: output.id, field: 'text' });
    }
  }
  return gaps;
}

/** The ids of the outputs that still lack something, in the template's order. */
export function missingOutputIds(template: RiskTemplate, judgements: readonly Judgement[]): string[] {
  return [...new Set(completionGaps(template, judgements).map((g) => g.outputId))];
}

/** The output whose level is shown in the case header: the one marked headline, else the first level output. */
export function headlineOutput(template: RiskTemplate): OutputField | undefined {
  return template.outputs.find((o) => o.headline === true && o.kind === 'level') ?? template.outputs.find((o) => o.kind === 'level');
}

/** The judged headline level, or null while it is not judged. */
export function headlineLevel(template: RiskTemplate, judgements: readonly Judgement[]): RiskLevel | null {
  const output = headlineOutput(template);
  if (!output) return null;
  return judgements.find((j) => j.outputId === output.id)?.level ?? null;
}
