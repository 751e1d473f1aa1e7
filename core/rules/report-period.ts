import { addDays } from './calendar';

/** What the rule needs of a validated period (see ReportPeriodSchema). */
export interface PeriodSpec {
  kind: 'year' | 'tertial' | 'quarter' | 'custom';
  year?: number;
  index?: number;
  from?: string;
  to?: string;
}

/** Inclusive calendar dates, YYYY-MM-DD. */
export interface DateRange {
  from: string;
  to: string;
}

export interface ResolvedPeriod {
  current: DateRange;
  previous: DateRange;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The last day of a month (1–12). */
function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthsRange(year: number, firstMonth: number, months: number): DateRange {
  return { from: `${year}-${pad(firstMonth)}-01`, to: lastDayOf(year, firstMonth + months - 1) };
}

/** Days in an inclusive range. */
export function daysInRange(r: DateRange): number {
  return Math.round((Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`)) / 86_400_000) + 1;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`A ${what} is needed for this period.`);
  return value;
}

/**
 * A period's dates and the previous period's: a year; a tertial (four months: Jan–Apr, May–Aug,
 * Sep–Dec); a quarter; or custom dates, whose previous period is as many days just before.
 */
export function resolvePeriod(p: PeriodSpec): ResolvedPeriod {
  switch (p.kind) {
    case 'year': {
      const year = need(p.year, 'year');
      return { current: monthsRange(year, 1, 12), previous: monthsRange(year - 1, 1, 12) };
    }
    case 'tertial':
    case 'quarter': {
      const year = need(p.year, 'year');
      const index = need(p.index, 'index');
      const [months, count] = p.kind === 'tertial' ? [4, 3] : [3, 4];
      if (index < 1 || index > count) throw new Error(`A ${p.kind} is numbered 1 to ${count}.`);
      const prevYear = index === 1 ? year - 1 : year;
      const prevIndex = index === 1 ? count : index - 1;
      return { current: monthsRange(year, (index - 1) * months + 1, months), previous: monthsRange(prevYear, (prevIndex - 1) * months + 1, months) };
    }
    case 'custom': {
      const current = { from: need(p.from, 'start date'), to: need(p.to, 'end date') };
      if (current.from > current.to) throw new Error('The period ends before it starts.');
      const prevTo = addDays(current.from, -1);
      return { current, previous: { from: addDays(prevTo, 1 - daysInRange(current)), to: prevTo } };
    }
  }
}
