import { describe, expect, it } from 'vitest';
import { computeCollectionDates, computeNamedDates, CalendarRuleError } from './calendar-rules.ts';
import type { CalendarRules, DateRule } from './calendar-rules.ts';
import { nthWeekdayOfMonth } from './dates.ts';

// The count-date rules of montana-aim.md §5.1, written the way profiles/montana/calendar.yaml writes them.
const fall: DateRule = {
  rule: 'first-weekday-of-month',
  month: 10,
  weekday: 'monday',
  adjust: 'next-school-day',
};
const spring: DateRule = {
  rule: 'first-weekday-of-month',
  month: 2,
  weekday: 'monday',
  adjust: 'next-school-day',
};

const rules: CalendarRules = {
  schoolYearStartMonth: 7,
  dates: {
    'fall-count-date': fall,
    'spring-count-date': spring,
    'school-year-start': { rule: 'fixed', month: 7, day: 1 },
    'school-year-end': { rule: 'fixed', month: 6, day: 30 },
    'fall-count-locked': { rule: 'fixed', month: 12, day: 31 },
  },
  collections: [
    {
      id: 'fall-count',
      window: {
        opens: { rule: 'offset', from: 'fall-count-date', days: 1 },
        closes: { rule: 'offset', from: 'fall-count-date', days: 16 },
      },
    },
    {
      id: 'eoy',
      window: {
        opens: { rule: 'nth-weekday-of-month', month: 5, weekday: 'monday', n: 2 },
        closes: { rule: 'nth-weekday-of-month', month: 6, weekday: 'friday', n: 3 },
      },
      milestones: { corrections: { rule: 'fixed', month: 6, day: 30 } },
    },
  ],
};

describe('count dates (montana-aim.md §5.1 examples)', () => {
  it.each([
    [2025, '2024-10-07', '2025-02-03'],
    [2026, '2025-10-06', '2026-02-02'],
    [2024, '2023-10-02', '2024-02-05'],
  ])('school year %i: fall %s, spring %s', (year, fallDate, springDate) => {
    const dates = computeNamedDates(rules, year);
    expect(dates['fall-count-date']).toBe(fallDate);
    expect(dates['spring-count-date']).toBe(springDate);
  });

  it('places July–December in the start year and January–June in the end year', () => {
    const dates = computeNamedDates(rules, 2025);
    expect(dates['school-year-start']).toBe('2024-07-01');
    expect(dates['school-year-end']).toBe('2025-06-30');
    expect(dates['fall-count-locked']).toBe('2024-12-31');
  });

  it('moves a count date on a holiday to the next school day', () => {
    const closed = new Set(['2024-10-07']);
    const dates = computeNamedDates(
      rules,
      2025,
      (d) => !closed.has(d) && new Date(`${d}T00:00:00Z`).getUTCDay() % 6 !== 0,
    );
    expect(dates['fall-count-date']).toBe('2024-10-08');
  });

  it('skips a closed Monday and the weekend after a closed Friday', () => {
    const closed = new Set(['2025-02-03', '2025-02-04', '2025-02-05', '2025-02-06', '2025-02-07']);
    const isSchoolDay = (d: string) => !closed.has(d) && new Date(`${d}T00:00:00Z`).getUTCDay() % 6 !== 0;
    expect(computeNamedDates(rules, 2025, isSchoolDay)['spring-count-date']).toBe('2025-02-10');
  });
});

describe('collection windows', () => {
  it('offsets follow the adjusted count date (fall window 2025-26: Oct 7–22, §5.2)', () => {
    const fallCount = computeCollectionDates(rules, 2026).collections.find((c) => c.id === 'fall-count');
    expect(fallCount).toMatchObject({ opens: '2025-10-07', closes: '2025-10-22' });
    const shifted = computeCollectionDates(
      rules,
      2026,
      (d) => d !== '2025-10-06' && new Date(`${d}T00:00:00Z`).getUTCDay() % 6 !== 0,
    );
    expect(shifted.collections[0]).toMatchObject({ opens: '2025-10-08', closes: '2025-10-23' });
  });

  it.each([
    [2024, '2024-05-13', '2024-06-21'],
    [2025, '2025-05-12', '2025-06-20'],
    [2026, '2026-05-11', '2026-06-19'],
  ])('EOY %i opens %s and is due %s (§5.2 dates seen)', (year, opens, closes) => {
    const eoy = computeCollectionDates(rules, year).collections.find((c) => c.id === 'eoy');
    expect(eoy).toEqual({ id: 'eoy', opens, closes, milestones: { corrections: `${year}-06-30` } });
  });

  it('reports unknown and circular references as bugs', () => {
    const bad: CalendarRules = {
      ...rules,
      dates: { a: { rule: 'offset', from: 'b', days: 1 }, b: { rule: 'offset', from: 'a', days: 1 } },
    };
    expect(() => computeNamedDates(bad, 2025)).toThrow(CalendarRuleError);
    const unknown: CalendarRules = { ...rules, dates: { a: { rule: 'offset', from: 'nope', days: 1 } } };
    expect(() => computeNamedDates(unknown, 2025)).toThrow(/unknown date "nope"/);
  });
});

describe('nthWeekdayOfMonth', () => {
  it('returns null for a fifth weekday the month lacks', () => {
    expect(nthWeekdayOfMonth(2025, 2, 1, 4)).toBe('2025-02-24');
    expect(nthWeekdayOfMonth(2025, 2, 1, 5)).toBeNull();
  });
});
