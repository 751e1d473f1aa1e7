import { describe, expect, it } from 'vitest';
import type { Answer, Judgement, RiskTemplate } from '../contract/risk';
import { compareAnswers, compareJudgements } from './risk-compare';
import { TEST_TEMPLATE } from '../../tests/helpers/risk-template';

const a = (itemId: string, value: string, perpetratorId: number | null = null): Answer => ({ itemId, perpetratorId, value });
const j = (outputId: string, level: Judgement['level']): Judgement => ({ outputId, level, reason: 'skäl', text: '' });

describe('risk comparison', () => {
  it('marks which factors changed, per perpetrator too', () => {
    const left = { template: TEST_TEMPLATE, answers: [a('threats', 'no'), a('escalation', 'yes'), a('prior', 'no', 1)], judgements: [] };
    const right = {
      template: TEST_TEMPLATE,
      answers: [a('threats', 'yes'), a('escalation', 'yes'), a('prior', 'yes', 1), a('prior', 'yes', 3)],
      judgements: [],
    };
    const rows = compareAnswers(left, right, [1, 2]);
    const row = (itemId: string, perpetratorId: number | null = null) => rows.find((r) => r.itemId === itemId && r.perpetratorId === perpetratorId);
    expect(row('threats')).toMatchObject({ left: 'no', right: 'yes', changed: true });
    expect(row('escalation')).toMatchObject({ left: 'yes', right: 'yes', changed: false });
    expect(row('prior', 1)).toMatchObject({ left: 'no', right: 'yes', changed: true });
    expect(row('prior', 2)).toMatchObject({ left: null, right: null, changed: false });
    // A perpetrator no longer on the case still shows where an answer names him.
    expect(row('prior', 3)).toMatchObject({ left: null, right: 'yes', changed: true });
    expect(rows.filter((r) => r.itemId === 'orders').map((r) => r.perpetratorId)).toEqual([1, 2]);
  });

  it('keeps items that only one version of the template has', () => {
    const v2: RiskTemplate = {
      ...TEST_TEMPLATE,
      version: '2',
      sections: [
        { id: 'new', title: { en: 'New' }, items: [{ id: 'stalking', kind: 'yes_no_unknown', label: { en: 'Stalking' }, perPerpetrator: false }] },
        ...TEST_TEMPLATE.sections,
      ],
    };
    const rows = compareAnswers(
      { template: TEST_TEMPLATE, answers: [a('threats', 'yes')], judgements: [] },
      { template: v2, answers: [a('stalking', 'yes')], judgements: [] },
      [],
    );
    expect(rows[0]).toMatchObject({ itemId: 'stalking', left: null, right: 'yes', changed: true });
    expect(rows.find((r) => r.itemId === 'threats')).toMatchObject({ left: 'yes', right: null, changed: true });
  });

  it('compares the judged levels of every level output', () => {
    const rows = compareJudgements(
      { template: TEST_TEMPLATE, answers: [], judgements: [j('acute', 'high'), j('long_term', 'medium')] },
      { template: TEST_TEMPLATE, answers: [], judgements: [j('acute', 'medium'), j('long_term', 'medium')] },
    );
    expect(rows).toEqual([
      { outputId: 'long_term', label: { en: 'Long-term risk' }, left: 'medium', right: 'medium', changed: false },
      { outputId: 'acute', label: { en: 'Acute risk' }, left: 'high', right: 'medium', changed: true },
    ]);
  });
});
