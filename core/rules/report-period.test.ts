import { describe, expect, it } from 'vitest';
import { ReportInputSchema } from '../contract/reports';
import { daysInRange, resolvePeriod } from './report-period';

describe('resolvePeriod', () => {
  it('resolves a calendar year and the year before', () => {
    expect(resolvePeriod({ kind: 'year', year: 2025 })).toEqual({
      current: { from: '2025-01-01', to: '2025-12-31' },
      previous: { from: '2024-01-01', to: '2024-12-31' },
    });
  });

  it('resolves tertials as four months, the first one going back to the previous year', () => {
    expect(resolvePeriod({ kind: 'tertial', year: 2024, index: 1 })).toEqual({
      current: { from: '2024-01-01', to: '2024-04-30' },
      previous: { from: '2023-09-01', to: '2023-12-31' },
    });
    expect(resolvePeriod({ kind: 'tertial', year: 2024, index: 2 }).current).toEqual({ from: '2024-05-01', to: '2024-08-31' });
    expect(resolvePeriod({ kind: 'tertial', year: 2024, index: 3 })).toEqual({
      current: { from: '2024-09-01', to: '2024-12-31' },
      previous: { from: '2024-05-01', to: '2024-08-31' },
    });
  });

  it('resolves quarters, with leap years', () => {
    expect(resolvePeriod({ kind: 'quarter', year: 2024, index: 1 })).toEqual({
      current: { from: '2024-01-01', to: '2024-03-31' },
      previous: { from: '2023-10-01', to: '2023-12-31' },
    });
    expect(resolvePeriod({ kind: 'quarter', year: 2024, index: 2 }).current).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(resolvePeriod({ kind: 'quarter', year: 2025, index: 4 }).previous).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    expect(resolvePeriod({ kind: 'tertial', year: 2023, index: 1 }).current.to).toBe('2023-04-30');
  });

  it('gives a custom period a previous period of the same length just before', () => {
    const r = resolvePeriod({ kind: 'custom', from: '2024-03-01', to: '2024-03-10' });
    expect(r.previous).toEqual({ from: '2024-02-20', to: '2024-02-29' });
    expect(daysInRange(r.previous)).toBe(daysInRange(r.current));
    expect(resolvePeriod({ kind: 'custom', from: '2024-05-05', to: '2024-05-05' }).previous).toEqual({ from: '2024-05-04', to: '2024-05-04' });
  });

  it('refuses an index out of range', () => {
    expect(() => resolvePeriod({ kind: 'tertial', year: 2024, index: 4 })).toThrow();
    expect(() => resolvePeriod({ kind: 'quarter', year: 2024 })).toThrow();
  });
});

describe('ReportInputSchema', () => {
  const ok = (period: unknown) => ReportInputSchema.safeParse({ period, districtSlugs: [] }).success;
  it('accepts well-formed periods', () => {
    expect(ok({ kind: 'year', year: 2025 })).toBe(true);
    expect(ok({ kind: 'tertial', year: 2025, index: 3 })).toBe(true);
    expect(ok({ kind: 'quarter', year: 2025, index: 4 })).toBe(true);
    expect(ok({ kind: 'custom', from: '2025-01-01', to: '2025-02-01' })).toBe(true);
  });
  it('refuses missing, mixed or impossible fields', () => {
    expect(ok({ kind: 'year' })).toBe(false);
    expect(ok({ kind: 'tertial', year: 2025, index: 4 })).toBe(false);
    expect(ok({ kind: 'quarter', year: 2025 })).toBe(false);
    expect(ok({ kind: 'year', year: 2025, index: 1 })).toBe(false);
    expect(ok({ kind: 'custom', from: '2025-02-01', to: '2025-01-01' })).toBe(false);
    expect(ok({ kind: 'custom', from: '2025-02-01' })).toBe(false);
    expect(ok({ kind: 'custom', from: '2025-02-30', to: '2025-03-01' })).toBe(false);
    expect(ok({ kind: 'custom', from: '2000-01-01', to: '2020-01-01' })).toBe(false);
    expect(ok({ kind: 'year', year: 2025, from: '2025-01-01' })).toBe(false);
    expect(ReportInputSchema.safeParse({ period: { kind: 'year', year: 2025 }, districtSlugs: ['a', 'a'] }).success).toBe(false);
  });
});
