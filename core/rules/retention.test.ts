import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears, birthDayOfMonth, isOverdue, retentionDates, retentionVerdict, type RetentionFacts, type RetentionSettings } from './retention';

/** A valid personal identity number for a birth date YYYYMMDD (fictional serial), check digit computed. */
function pinFor(yyyymmdd: string, serial = '123'): string {
  const ten = `${yyyymmdd.slice(2)}${serial}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${yyyymmdd}-${serial}${(10 - (sum % 10)) % 10}`;
}

const rules: RetentionSettings = { years: 5, keepBirthDays: true, researchMunicipality: false };
const closed = (overrides: Partial<RetentionFacts> = {}): RetentionFacts => ({
  status: 'closed',
  lastEntryAt: '2019-06-10',
  survivorPin: pinFor('19850612'),
  childPlacedOutsideHome: false,
  decision: null,
  ...overrides,
});

describe('retention dates', () => {
  it('falls due N years after the last entry and must be done by the end of the following year', () => {
    expect(retentionDates('2019-06-10', 5)).toEqual({ dueAt: '2024-06-10', deadline: '2025-12-31' });
  });

  it('puts a last entry on 31 December due on 31 December, with the whole next year to purge', () => {
    expect(retentionDates('2019-12-31', 5)).toEqual({ dueAt: '2024-12-31', deadline: '2025-12-31' });
    expect(retentionDates('2020-01-01', 5)).toEqual({ dueAt: '2025-01-01', deadline: '2026-12-31' });
  });

  it('never counts less than full years from a leap day', () => {
    expect(addYears('2020-02-29', 5)).toBe('2025-03-01');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2020-02-28', 5)).toBe('2025-02-28');
  });

  it('with N = 0 is due on the day of the last entry', () => {
    expect(retentionDates('2024-03-15', 0)).toEqual({ dueAt: '2024-03-15', deadline: '2025-12-31' });
  });

  it('is overdue only after the deadline day', () => {
    const dates = retentionDates('2019-06-10', 5);
    expect(isOverdue(dates, '2025-12-31')).toBe(false);
    expect(isOverdue(dates, '2026-01-01')).toBe(true);
  });
});

describe('birth day of month', () => {
  it('reads the day of a personal identity number, and of a coordination number (day + 60)', () => {
    expect(birthDayOfMonth(pinFor('19850615'))).toBe(15);
    expect(birthDayOfMonth(pinFor('19850675'))).toBe(15);
    expect(birthDayOfMonth(pinFor('19850601'))).toBe(1);
  });

  it('cannot tell without a readable number', () => {
    expect(birthDayOfMonth(null)).toBeNull();
    expect(birthDayOfMonth('')).toBeNull();
    expect(birthDayOfMonth('19850615-0000')).toBeNull();
    expect(birthDayOfMonth('okänt')).toBeNull();
  });
});

describe('retention verdict', () => {
  it('never purges an open case, even long past due', () => {
    expect(retentionVerdict(closed({ status: 'open', lastEntryAt: '2001-01-01' }), rules, '2026-01-01')).toEqual({ kind: 'keep', reason: 'open', dates: null });
  });

  it('purges from the due date, not the day before', () => {
    expect(retentionVerdict(closed(), rules, '2024-06-09')).toMatchObject({ kind: 'keep', reason: 'not_due' });
    expect(retentionVerdict(closed(), rules, '2024-06-10')).toEqual({ kind: 'purge', decided: false, dueAt: '2024-06-10', deadline: '2025-12-31' });
  });

  it('crosses the year boundary on 31 December', () => {
    const facts = closed({ lastEntryAt: '2019-12-31' });
    expect(retentionVerdict(facts, rules, '2024-12-30').kind).toBe('keep');
    expect(retentionVerdict(facts, rules, '2024-12-31').kind).toBe('purge');
  });

  it('keeps a case whose last entry was on a leap day until 1 March five years on', () => {
    const facts = closed({ lastEntryAt: '2020-02-29' });
    expect(retentionVerdict(facts, rules, '2025-02-28').kind).toBe('keep');
    expect(retentionVerdict(facts, rules, '2025-03-01').kind).toBe('purge');
  });

  it('follows the number of years in the settings', () => {
    expect(retentionVerdict(closed(), { ...rules, years: 10 }, '2026-01-01')).toMatchObject({
      kind: 'keep',
      reason: 'not_due',
      dates: { dueAt: '2029-06-10' },
    });
  });

  it('keeps everything in a research municipality', () => {
    expect(retentionVerdict(closed({ lastEntryAt: '2001-01-01' }), { ...rules, researchMunicipality: true }, '2026-01-01')).toMatchObject({
      kind: 'keep',
      reason: 'research_municipality',
    });
  });

  it('keeps survivors born on the 5th, 15th and 25th, but not the 4th, 6th, 14th, 16th, 24th or 26th', () => {
    for (const day of ['05', '15', '25']) {
      expect(retentionVerdict(closed({ survivorPin: pinFor(`198506${day}`) }), rules, '2026-01-01')).toMatchObject({ kind: 'keep', reason: 'birth_day' });
    }
    for (const day of ['04', '06', '14', '16', '24', '26']) {
      expect(retentionVerdict(closed({ survivorPin: pinFor(`198506${day}`) }), rules, '2026-01-01').kind).toBe('purge');
    }
  });

  it('purges people born on those days when the setting is off', () => {
    expect(retentionVerdict(closed({ survivorPin: pinFor('19850615') }), { ...rules, keepBirthDays: false }, '2026-01-01').kind).toBe('purge');
  });

  it('asks a team lead when the birth day is unknown, only if the birth-day rule is on', () => {
    expect(retentionVerdict(closed({ survivorPin: null }), rules, '2026-01-01')).toMatchObject({ kind: 'manual', reasons: ['birth_day_unknown'] });
    expect(retentionVerdict(closed({ survivorPin: null }), { ...rules, keepBirthDays: false }, '2026-01-01').kind).toBe('purge');
  });

  it('asks a team lead when a child lives or is placed outside the home', () => {
    expect(retentionVerdict(closed({ childPlacedOutsideHome: true }), rules, '2026-01-01')).toMatchObject({ kind: 'manual', reasons: ['child_placed'] });
    expect(retentionVerdict(closed({ childPlacedOutsideHome: true, survivorPin: null }), rules, '2026-01-01')).toMatchObject({
      kind: 'manual',
      reasons: ['birth_day_unknown', 'child_placed'],
    });
  });

  it('keeps a kept-day survivor without asking, even with a child placed outside the home', () => {
    expect(retentionVerdict(closed({ childPlacedOutsideHome: true, survivorPin: pinFor('19850625') }), rules, '2026-01-01')).toMatchObject({
      kind: 'keep',
      reason: 'birth_day',
    });
  });

  it('does not flag a case that is not due yet', () => {
    expect(retentionVerdict(closed({ childPlacedOutsideHome: true }), rules, '2024-06-09')).toMatchObject({ kind: 'keep', reason: 'not_due' });
  });

  it('follows a team lead’s decision while the last entry is the one it was made on', () => {
    const purge = closed({ survivorPin: null, decision: { decision: 'purge', lastEntryAt: '2019-06-10' } });
    expect(retentionVerdict(purge, rules, '2026-01-01')).toMatchObject({ kind: 'purge', decided: true });
    const keep = closed({ childPlacedOutsideHome: true, decision: { decision: 'keep', lastEntryAt: '2019-06-10' } });
    expect(retentionVerdict(keep, rules, '2026-01-01')).toMatchObject({ kind: 'keep', reason: 'decided_keep' });
    const stale = closed({ childPlacedOutsideHome: true, lastEntryAt: '2020-01-10', decision: { decision: 'purge', lastEntryAt: '2019-06-10' } });
    expect(retentionVerdict(stale, rules, '2026-01-01')).toMatchObject({ kind: 'manual' });
  });

  it('ignores a decision on a case that needs none', () => {
    expect(retentionVerdict(closed({ decision: { decision: 'keep', lastEntryAt: '2019-06-10' } }), rules, '2026-01-01').kind).toBe('purge');
  });
});

const isoDate = fc
  .date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2080, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const settingsArb = fc.record({ years: fc.integer({ min: 0, max: 50 }), keepBirthDays: fc.boolean(), researchMunicipality: fc.boolean() });
const factsArb = fc.record({
  status: fc.constantFrom('open' as const, 'closed' as const),
  lastEntryAt: isoDate,
  survivorPin: fc.option(
    fc
      .tuple(fc.integer({ min: 1930, max: 2010 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => pinFor(`${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`)),
  ),
  childPlacedOutsideHome: fc.boolean(),
  decision: fc.option(fc.record({ decision: fc.constantFrom('purge' as const, 'keep' as const), lastEntryAt: isoDate })),
});

describe('retention verdict, for any case', () => {
  it('purges only closed, due cases outside a research municipality, never a kept birth day', () => {
    fc.assert(
      fc.property(factsArb, settingsArb, isoDate, (facts, settings, today) => {
        const verdict = retentionVerdict(facts, settings, today);
        if (verdict.kind !== 'purge') return;
        expect(facts.status).toBe('closed');
        expect(settings.researchMunicipality).toBe(false);
        expect(today >= verdict.dueAt).toBe(true);
        expect(verdict.dueAt > facts.lastEntryAt || settings.years === 0).toBe(true);
        if (settings.keepBirthDays) expect([5, 15, 25]).not.toContain(birthDayOfMonth(facts.survivorPin));
        if (settings.keepBirthDays && facts.survivorPin === null) expect(verdict.decided).toBe(true);
        if (facts.childPlacedOutsideHome) expect(verdict.decided).toBe(true);
      }),
    );
  });

  it('has a deadline at the end of the year after the due date, at least a year after it', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 50 }), (last, years) => {
        const { dueAt, deadline } = retentionDates(last, years);
        expect(Number(deadline.slice(0, 4))).toBe(Number(dueAt.slice(0, 4)) + 1);
        expect(deadline.slice(4)).toBe('-12-31');
        expect(Number(dueAt.slice(0, 4))).toBe(Number(last.slice(0, 4)) + years);
      }),
    );
  });

  it('is monotone in time: once purgeable, a case stays purgeable on every later day', () => {
    fc.assert(
      fc.property(factsArb, settingsArb, isoDate, isoDate, (facts, settings, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        if (retentionVerdict(facts, settings, early).kind === 'purge') expect(retentionVerdict(facts, settings, late).kind).toBe('purge');
      }),
    );
  });
});
