import { describe, expect, it } from 'vitest';
import type { Answer, Judgement } from '../contract/risk';
import { TEST_TEMPLATE } from '../../tests/helpers/risk-template';
import { carryOver, checkAnswers, checkJudgements } from './risk-answers';

const a = (itemId: string, value: string, perpetratorId: number | null = null): Answer => ({ itemId, perpetratorId, value });
const j = (outputId: string, level: Judgement['level'], text = '', reason = ''): Judgement => ({ outputId, level, text, reason });

describe('answers against a template', () => {
  it('keeps valid answers and drops empty ones', () => {
    const r = checkAnswers(
      TEST_TEMPLATE,
      [a('threats', 'yes'), a('frequency', 'often'), a('notes', '  fri text '), a('prior', 'no', 7), a('escalation', '')],
      [7],
    );
    expect(r.issues).toEqual([]);
    expect(r.answers).toEqual([a('threats', 'yes'), a('frequency', 'often'), a('notes', 'fri text'), a('prior', 'no', 7)]);
  });

  it('names every answer that does not fit, by path', () => {
    const r = checkAnswers(
      TEST_TEMPLATE,
      [
        a('nope', 'yes'),
        a('prior', 'yes'),
        a('prior', 'yes', 8),
        a('threats', 'yes', 7),
        a('threats', 'maybe'),
        a('frequency', 'always'),
        a('escalation', 'no'),
        a('escalation', 'yes'),
      ],
      [7],
    );
    expect(r.issues).toEqual([
      { path: ['answers', 0, 'itemId'], message: 'unknown_item' },
      { path: ['answers', 1, 'perpetratorId'], message: 'perpetrator_required' },
      { path: ['answers', 2, 'perpetratorId'], message: 'unknown_perpetrator' },
      { path: ['answers', 3, 'perpetratorId'], message: 'perpetrator_not_allowed' },
      { path: ['answers', 4, 'value'], message: 'invalid_value' },
      { path: ['answers', 5, 'value'], message: 'invalid_value' },
      { path: ['answers', 7], message: 'duplicate_answer' },
    ]);
  });

  it('checks judgements against the outputs', () => {
    const r = checkJudgements(TEST_TEMPLATE, [j('acute', 'high', '', ' skäl '), j('ghost', 'low'), j('measures', 'low'), j('acute', 'low')]);
    expect(r.judgements).toEqual([j('acute', 'high', '', 'skäl')]);
    expect(r.issues).toEqual([
      { path: ['judgements', 1, 'outputId'], message: 'unknown_output' },
      { path: ['judgements', 2, 'level'], message: 'level_not_allowed' },
      { path: ['judgements', 3, 'outputId'], message: 'duplicate_judgement' },
    ]);
  });

  it('carries over only what still fits the template and the perpetrators', () => {
    const r = carryOver(
      TEST_TEMPLATE,
      [a('threats', 'yes'), a('removed_item', 'yes'), a('prior', 'yes', 7), a('prior', 'yes', 9)],
      [j('acute', 'high', '', 'skäl'), j('old_output', 'low')],
      [7],
    );
    expect(r.answers).toEqual([a('threats', 'yes'), a('prior', 'yes', 7)]);
    expect(r.judgements).toEqual([j('acute', 'high', '', 'skäl')]);
  });
});
