import { addDays, dayOfWeek, firstWeekdayOfMonth, nthWeekdayOfMonth } from './dates.ts';
import type { IsoDate } from './dates.ts';
import type { SchoolYear } from './school-year.ts';

/** Weekday names as written in profile calendars. */
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

/** A weekday name. */
export type Weekday = (typeof WEEKDAYS)[number];

/** What to do when a computed date is not a school day ("or next school day", montana-aim.md §5.1). */
export type DateAdjust = 'none' | 'next-school-day';

/** One calendar date rule, as data (profiles/montana/calendar.yaml). */
export type DateRule =
  | { rule: 'fixed'; month: number; day: number; adjust?: DateAdjust | undefined }
  | { rule: 'first-weekday-of-month'; month: number; weekday: Weekday; adjust?: DateAdjust | undefined }
  | {
      rule: 'nth-weekday-of-month';
      month: number;
      weekday: Weekday;
      n: number;
      adjust?: DateAdjust | undefined;
    }
  | { rule: 'offset'; from: string; days: number; adjust?: DateAdjust | undefined };

/** A collection's window rules: the part of a profile collection the date computation needs. */
export type CollectionWindowRules = {
  id: string;
  window: { opens: DateRule; closes: DateRule };
  milestones?: Record<string, DateRule> | undefined;
};

/** The calendar rules of a profile: named dates and collections. */
export type CalendarRules = {
  /** Month the school year starts in (Montana: July, montana-aim.md §5.1); months before it fall in the end year. */
  schoolYearStartMonth: number;
  dates: Record<string, DateRule>;
  collections: readonly CollectionWindowRules[];
};

/** Concrete dates of one collection in one school year. */
export type CollectionDates = {
  id: string;
  opens: IsoDate;
  closes: IsoDate;
  milestones: Record<string, IsoDate>;
};

/** All concrete dates of a profile's calendar in one school year. */
export type ComputedCalendar = {
  schoolYear: SchoolYear;
  dates: Record<string, IsoDate>;
  collections: CollectionDates[];
};

/** Decides whether a date is a school day; the default knows only weekends (no district calendar at hand). */
export type IsSchoolDay = (date: IsoDate) => boolean;

/** Monday to Friday: the fallback when no district or state holiday calendar is supplied. */
export const weekdaysAreSchoolDays: IsSchoolDay = (date) => {
  const d = dayOfWeek(date);
  return d !== 0 && d !== 6;
};

/** Thrown for rules that reference unknown or circular dates: the profile loader rejects those, so this is a bug. */
export class CalendarRuleError extends Error {
  override name = 'CalendarRuleError';
}

// A calendar with no school day in a year would spin forever; a school year has far fewer closed days than this.
const MAX_SKIP_DAYS = 366;

function calendarYear(schoolYear: SchoolYear, month: number, startMonth: number): number {
  return month >= startMonth ? schoolYear - 1 : schoolYear;
}

function nextSchoolDay(date: IsoDate, isSchoolDay: IsSchoolDay): IsoDate {
  let d = date;
  for (let i = 0; i < MAX_SKIP_DAYS; i++) {
    if (isSchoolDay(d)) return d;
    d = addDays(d, 1);
  }
  throw new CalendarRuleError(`no school day within ${MAX_SKIP_DAYS} days after ${date}`);
}

type Resolver = (name: string) => IsoDate;

function baseDate(rule: DateRule, schoolYear: SchoolYear, startMonth: number, resolve: Resolver): IsoDate {
  switch (rule.rule) {
    case 'fixed': {
      const year = calendarYear(schoolYear, rule.month, startMonth);
      return `${year}-${String(rule.month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`;
    }
    case 'first-weekday-of-month':
      return firstWeekdayOfMonth(
        calendarYear(schoolYear, rule.month, startMonth),
        rule.month,
        WEEKDAYS.indexOf(rule.weekday),
      );
    case 'nth-weekday-of-month': {
      const year = calendarYear(schoolYear, rule.month, startMonth);
      const date = nthWeekdayOfMonth(year, rule.month, WEEKDAYS.indexOf(rule.weekday), rule.n);
      if (date === null)
        throw new CalendarRuleError(`no ${rule.n}. ${rule.weekday} in ${year}-${rule.month}`);
      return date;
    }
    case 'offset':
      return addDays(resolve(rule.from), rule.days);
  }
}

/** Computes one rule's date in a school year; `resolve` supplies the named dates an offset starts from. */
export function computeDate(
  rule: DateRule,
  schoolYear: SchoolYear,
  startMonth: number,
  resolve: Resolver,
  isSchoolDay: IsSchoolDay = weekdaysAreSchoolDays,
): IsoDate {
  const date = baseDate(rule, schoolYear, startMonth, resolve);
  return rule.adjust === 'next-school-day' ? nextSchoolDay(date, isSchoolDay) : date;
}

/** Resolves every named date of a calendar, following offsets and rejecting unknown or circular references. */
export function computeNamedDates(
  rules: Pick<CalendarRules, 'dates' | 'schoolYearStartMonth'>,
  schoolYear: SchoolYear,
  isSchoolDay: IsSchoolDay = weekdaysAreSchoolDays,
): Record<string, IsoDate> {
  const done: Record<string, IsoDate> = {};
  const visiting = new Set<string>();
  const resolve = (name: string): IsoDate => {
    const known = done[name];
    if (known !== undefined) return known;
    const rule = rules.dates[name];
    if (rule === undefined) throw new CalendarRuleError(`unknown date "${name}"`);
    if (visiting.has(name)) throw new CalendarRuleError(`date "${name}" refers to itself`);
    visiting.add(name);
    const date = computeDate(rule, schoolYear, rules.schoolYearStartMonth, resolve, isSchoolDay);
    visiting.delete(name);
    done[name] = date;
    return date;
  };
  for (const name of Object.keys(rules.dates)) resolve(name);
  return done;
}

/** Concrete dates (ISO) of every named date and collection window of a calendar in one school year. */
export function computeCollectionDates(
  rules: CalendarRules,
  schoolYear: SchoolYear,
  isSchoolDay: IsSchoolDay = weekdaysAreSchoolDays,
): ComputedCalendar {
  const dates = computeNamedDates(rules, schoolYear, isSchoolDay);
  const resolve: Resolver = (name) => {
    const date = dates[name];
    if (date === undefined) throw new CalendarRuleError(`unknown date "${name}"`);
    return date;
  };
  const at = (rule: DateRule) =>
    computeDate(rule, schoolYear, rules.schoolYearStartMonth, resolve, isSchoolDay);
  const collections = rules.collections.map((c) => ({
    id: c.id,
    opens: at(c.window.opens),
    closes: at(c.window.closes),
    milestones: Object.fromEntries(Object.entries(c.milestones ?? {}).map(([k, r]) => [k, at(r)])),
  }));
  return { schoolYear, dates, collections };
}
