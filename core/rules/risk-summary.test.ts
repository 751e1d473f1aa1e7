import { describe, expect, it } from 'vitest';
import type { Answer } from '../contract/risk';
import { summarizeRisk } from './risk-summary';
import { TEST_TEMPLATE } from '../../tests/helpers/risk-template';

const once = (itemId: string, value: string): Answer => ({ itemId, perpetratorId: null, value });
const per = (itemId: string, perpetratorId: number, value: string): Answer => ({ itemId, perpetratorId, value });

describe('risk summary (support only)', () => {
  it('counts nothing present and every factor unanswered without answers; text items are not factors', () => {
    const s = summarizeRisk(TEST_TEMPLATE, [], [1, 2]);
    expect(s.factors).toBe(6);
    expect(s.unanswered).toBe(6);
    expect(s.present).toBe(0);
    expect(s.weightedScore).toBe(0);
    expect(s.maxWeightedScore).toBe(2 + 1 + 1 + 1 + 3 + 0);
    expect(s.sections.map((x) => x.factors)).toEqual([3, 2, 1]);
  });

  it('counts present, absent and unknown per section with weights and scale degrees', () => {
    const s = summarizeRisk(
      TEST_TEMPLATE,
      [once('threats', 'yes'), once('escalation', 'unknown'), once('frequency', 'sometimes'), once('notes', 'fri text'), once('support', 'yes')],
      [],
    );
    const pattern = s.sections[0];
    expect(pattern).toMatchObject({ present: 2, unknown: 1, absent: 0, unanswered: 0, weightedScore: 2.5, maxWeightedScore: 4 });
    // A protective factor with weight 0 is counted but adds no points.
    expect(s.sections[2]).toMatchObject({ present: 1, weightedScore: 0 });
  });

  it('reads a zero-scored option as absent and an unscored one as unknown', () => {
    expect(summarizeRisk(TEST_TEMPLATE, [once('frequency', 'once')], []).sections[0]?.absent).toBe(1);
    expect(summarizeRisk(TEST_TEMPLATE, [once('frequency', 'unknown')], []).sections[0]?.unknown).toBe(1);
    expect(summarizeRisk(TEST_TEMPLATE, [once('frequency', 'no-such-option')], []).sections[0]?.unanswered).toBe(3);
  });

  it('counts a per-perpetrator factor once when present for any perpetrator, and per perpetrator too', () => {
    const s = summarizeRisk(
      TEST_TEMPLATE,
      [per('prior', 1, 'yes'), per('prior', 2, 'no'), per('orders', 2, 'yes'), per('orders', 1, 'unknown'), per('prior', 99, 'yes')],
      [1, 2],
    );
    expect(s.sections[1]).toMatchObject({ factors: 2, present: 2, weightedScore: 4 });
    expect(s.perPerpetrator).toEqual([
      { perpetratorId: 1, present: 1, unknown: 1, weightedScore: 1 },
      { perpetratorId: 2, present: 1, unknown: 0, weightedScore: 3 },
    ]);
  });
});
