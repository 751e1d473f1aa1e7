import { describe, expect, it } from 'vitest';
import { REVIEW_DAYS_DEFAULT } from '../contract/settings';
import { defaultReviewDate, reviewDaysFor } from './review-date';

const defaults = { reviewDaysHigh: REVIEW_DAYS_DEFAULT.high, reviewDaysMedium: REVIEW_DAYS_DEFAULT.medium, reviewDaysLow: REVIEW_DAYS_DEFAULT.low };

describe('review date', () => {
  it('defaults to 14, 30 and 90 days for high, medium and low', () => {
    expect(defaultReviewDate('2026-03-01', 'high', defaults)).toBe('2026-03-15');
    expect(defaultReviewDate('2026-03-01', 'medium', defaults)).toBe('2026-03-31');
    expect(defaultReviewDate('2026-03-01', 'low', defaults)).toBe('2026-05-30');
  });

  it('follows the settings', () => {
    const s = { reviewDaysHigh: 7, reviewDaysMedium: 21, reviewDaysLow: 180 };
    expect(reviewDaysFor('high', s)).toBe(7);
    expect(reviewDaysFor('medium', s)).toBe(21);
    expect(defaultReviewDate('2026-12-20', 'high', s)).toBe('2026-12-27');
    expect(defaultReviewDate('2026-12-20', 'low', s)).toBe('2027-06-18');
  });

  it('crosses a leap day correctly', () => {
    expect(defaultReviewDate('2028-02-20', 'high', defaults)).toBe('2028-03-05');
  });
});
