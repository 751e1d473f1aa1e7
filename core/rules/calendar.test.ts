import { describe, expect, it } from 'vitest';
import { addDays, endOfIsoWeek, localIsoDate } from './calendar';

describe('calendar', () => {
  it('gives the local date, not the UTC one', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localIsoDate(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('ends the week on Sunday, Monday first', () => {
    expect(endOfIsoWeek('2026-03-02')).toBe('2026-03-08'); // Monday
    expect(endOfIsoWeek('2026-03-07')).toBe('2026-03-08'); // Saturday
    expect(endOfIsoWeek('2026-03-08')).toBe('2026-03-08'); // Sunday
    expect(endOfIsoWeek('2026-12-30')).toBe('2027-01-03'); // across the year
  });
});
