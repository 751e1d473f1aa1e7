import { describe, expect, it } from 'vitest';
import type { Judgement } from '../contract/risk';
import { completionGaps, headlineLevel, headlineOutput, missingOutputIds } from './risk-completion';
import { TEST_TEMPLATE } from '../../tests/helpers/risk-template';

const j = (outputId: string, level: Judgement['level'], reason = '', text = ''): Judgement => ({ outputId, level, reason, text });

describe('risk completion', () => {
  it('lists every output when nothing is judged', () => {
    expect(missingOutputIds(TEST_TEMPLATE, [])).toEqual(['long_term', 'acute', 'measures']);
    expect(completionGaps(TEST_TEMPLATE, [])).toEqual([
      { outputId: 'long_term', field: 'level' },
      { outputId: 'long_term', field: 'reason' },
      { outputId: 'acute', field: 'level' },
      { outputId: 'acute', field: 'reason' },
      { outputId: 'measures', field: 'text' },
    ]);
  });

  it('needs a reason as well as a level, and a reason of more than spaces', () => {
    const gaps = completionGaps(TEST_TEMPLATE, [
      j('long_term', 'low', 'Inga hot senaste året'),
      j('acute', 'high', '   '),
      j('measures', null, '', 'Skyddat boende'),
    ]);
    expect(gaps).toEqual([{ outputId: 'acute', field: 'reason' }]);
    expect(missingOutputIds(TEST_TEMPLATE, [j('long_term', null, 'skäl'), j('acute', 'high', 'skäl'), j('measures', null, '', 'x')])).toEqual(['long_term']);
  });

  it('is complete when every output is judged with a reason', () => {
    expect(missingOutputIds(TEST_TEMPLATE, [j('long_term', 'low', 'a'), j('acute', 'medium', 'b'), j('measures', null, '', 'c')])).toEqual([]);
  });

  it('takes the headline output, else the first level output', () => {
    expect(headlineOutput(TEST_TEMPLATE)?.id).toBe('acute');
    const noHeadline = { ...TEST_TEMPLATE, outputs: TEST_TEMPLATE.outputs.map((o) => ({ ...o, headline: undefined })) };
    expect(headlineOutput(noHeadline)?.id).toBe('long_term');
    expect(headlineLevel(TEST_TEMPLATE, [j('long_term', 'low', 'a'), j('acute', 'high', 'b')])).toBe('high');
    expect(headlineLevel(TEST_TEMPLATE, [j('long_term', 'low', 'a')])).toBeNull();
  });
});
