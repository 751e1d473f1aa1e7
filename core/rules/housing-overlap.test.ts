import { describe, expect, it } from 'vitest';
import { overlappingSteps, spansOverlap, validSpan, type StepSpan } from './housing-overlap';

const step = (id: number, startDate: string, endDate: string | null, extra: Partial<StepSpan> = {}): StepSpan => ({
  id,
  childId: null,
  startDate,
  endDate,
  parallel: false,
  ...extra,
});

describe('housing-chain overlap', () => {
  it('lets a step start on the day the previous one ends', () => {
    expect(spansOverlap(step(1, '2026-01-01', '2026-02-01'), step(2, '2026-02-01', null))).toBe(false);
  });
  it('finds overlaps, including with an open step', () => {
    const existing = [step(1, '2026-01-01', '2026-02-01'), step(2, '2026-02-01', null)];
    expect(overlappingSteps(step(3, '2026-01-15', '2026-01-20'), existing).map((s) => s.id)).toEqual([1]);
    expect(overlappingSteps(step(3, '2026-05-01', null), existing).map((s) => s.id)).toEqual([2]);
  });
  it('allows parallel steps and separates each child’s chain', () => {
    const existing = [step(1, '2026-01-01', null)];
    expect(overlappingSteps(step(2, '2026-01-10', null, { parallel: true }), existing)).toEqual([]);
    expect(overlappingSteps(step(2, '2026-01-10', null, { childId: 7 }), existing)).toEqual([]);
    expect(overlappingSteps(step(2, '2026-01-10', null), [step(1, '2026-01-01', null, { parallel: true })])).toEqual([]);
  });
  it('ignores the step itself when it is being changed, and rejects an end before the start', () => {
    expect(overlappingSteps(step(1, '2026-01-05', null), [step(1, '2026-01-01', null)])).toEqual([]);
    expect(validSpan({ startDate: '2026-02-01', endDate: '2026-01-01' })).toBe(false);
  });
});
