import type { RiskLevel } from '../contract/risk';
import { addDays } from './calendar';

/** The settings that say how long a judged level lasts before it is reviewed. */
export interface ReviewDaySettings {
  reviewDaysHigh: number;
  reviewDaysMedium: number;
  reviewDaysLow: number;
}

/** Days until the review of an assessment judged at `level` (high 14, medium 30, low 90 unless set otherwise). */
export function reviewDaysFor(level: RiskLevel, settings: ReviewDaySettings): number {
  switch (level) {
    case 'high':
      return settings.reviewDaysHigh;
    case 'medium':
      return settings.reviewDaysMedium;
    case 'low':
      return settings.reviewDaysLow;
  }
}

/** The default next review date: the completion date (YYYY-MM-DD) plus the days for the headline level. */
export function defaultReviewDate(completedOn: string, level: RiskLevel, settings: ReviewDaySettings): string {
  return addDays(completedOn, reviewDaysFor(level, settings));
}
