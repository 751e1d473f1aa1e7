/**
 * Gallring: when a closed case's records must be purged, and when they are kept.
 *
 * - A closed case falls due N years (setting, default 5) after its last entry and must be gone by
 *   31 December of the year after the one it falls due in. It may be purged from the due date.
 * - Open cases are never purged, and a research municipality keeps everything.
 * - With the birth-day setting on, a survivor born on the 5th, 15th or 25th of a month is kept for
 *   research (dagbarn). The day comes from the personal identity number; a case without a readable
 *   one cannot be judged, and purging is the one mistake that cannot be undone, so it goes to a
 *   team lead (who may know the date of birth from elsewhere) instead of being purged or kept silently.
 * - A child living or placed somewhere else than with the survivor (the child's placement text) means
 *   the case may hold records that other rules protect: a team lead decides.
 * - A team lead's decision on a flagged case holds while the case's last entry is the one it was made
 *   on; a later entry makes it a new question.
 *
 * Dates are local calendar dates, YYYY-MM-DD, compared as strings.
 */
import { RETENTION_BIRTH_DAYS, type RetentionKeepReason, type RetentionManualReason } from '../contract/retention';
import { checkPersonalIdentityNumber } from './personal-identity-number';

export interface RetentionSettings {
  /** Years after the last entry; 0 is accepted here (the settings allow 1–50). */
  years: number;
  keepBirthDays: boolean;
  researchMunicipality: boolean;
}

export interface RetentionDecision {
  decision: 'purge' | 'keep';
  /** The case's last entry when the decision was made. */
  lastEntryAt: string;
}

export interface RetentionFacts {
  status: 'open' | 'closed';
  /** The latest date of anything recorded in the case, YYYY-MM-DD. */
  lastEntryAt: string;
  survivorPin: string | null;
  childPlacedOutsideHome: boolean;
  decision: RetentionDecision | null;
}

export interface RetentionDates {
  dueAt: string;
  deadline: string;
}

export type RetentionVerdict =
  | ({ kind: 'purge'; decided: boolean } & RetentionDates)
  | { kind: 'keep'; reason: RetentionKeepReason; dates: RetentionDates | null }
  | ({ kind: 'manual'; reasons: RetentionManualReason[] } & RetentionDates);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The date `years` calendar years after a YYYY-MM-DD date; 29 February becomes 1 March, so never less than full years. */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const t = new Date(0);
  // Not Date.UTC: it reads years below 100 as 19xx.
  t.setUTCFullYear(y + years, m - 1, d);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** When a case with this last entry falls due, and the 31 December after the year it falls due in. */
export function retentionDates(lastEntryAt: string, years: number): RetentionDates {
  const dueAt = addYears(lastEntryAt, years);
  const dueYear = Number(dueAt.slice(0, 4));
  return { dueAt, deadline: `${pad(dueYear + 1, 4)}-12-31` };
}

/** The day of the month a personal identity number gives (coordination numbers add 60), or null when it cannot be read. */
export function birthDayOfMonth(pin: string | null): number | null {
  if (pin === null || pin.trim() === '') return null;
  const checked = checkPersonalIdentityNumber(pin);
  if (!checked.ok) return null;
  const day = Number(checked.normalized.slice(6, 8));
  return day > 60 ? day - 60 : day;
}

/** Whether a case is purged, kept (and why) or needs a team lead's decision, on the local date `today`. */
export function retentionVerdict(facts: RetentionFacts, settings: RetentionSettings, today: string): RetentionVerdict {
  if (facts.status === 'open') return { kind: 'keep', reason: 'open', dates: null };
  const dates = retentionDates(facts.lastEntryAt, settings.years);
  if (settings.researchMunicipality) return { kind: 'keep', reason: 'research_municipality', dates };
  if (today < dates.dueAt) return { kind: 'keep', reason: 'not_due', dates };

  const reasons: RetentionManualReason[] = [];
  if (settings.keepBirthDays) {
    const day = birthDayOfMonth(facts.survivorPin);
    if (day === null) reasons.push('birth_day_unknown');
    else if ((RETENTION_BIRTH_DAYS as readonly number[]).includes(day)) return { kind: 'keep', reason: 'birth_day', dates };
  }
  if (facts.childPlacedOutsideHome) reasons.push('child_placed');
  if (reasons.length === 0) return { kind: 'purge', decided: false, ...dates };

  const decision = facts.decision?.lastEntryAt === facts.lastEntryAt ? facts.decision : null;
  if (decision?.decision === 'keep') return { kind: 'keep', reason: 'decided_keep', dates };
  if (decision?.decision === 'purge') return { kind: 'purge', decided: true, ...dates };
  return { kind: 'manual', reasons, ...dates };
}

/** True when a due case is past the date it had to be purged by. */
export function isOverdue(dates: RetentionDates, today: string): boolean {
  return today > dates.deadline;
}
