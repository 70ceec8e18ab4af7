import { addDays, dayOfWeek, firstWeekdayOfMonth } from '../dates.ts';
import type { IsoDate } from '../dates.ts';
import type { SchoolYear } from '../school-year.ts';
import type { CalendarType, OrgCalendar } from './types.ts';

/** Inputs that fix a calendar's dates; everything else is derived. */
export interface CalendarRule {
  type: CalendarType;
  schoolYear: SchoolYear;
  firstDay: IsoDate;
  daysPerWeek: 4 | 5;
  instructionalDays: number;
}

function nthWeekday(year: number, month: number, weekday: number, n: number): IsoDate {
  return addDays(firstWeekdayOfMonth(year, month, weekday), 7 * (n - 1));
}

/** Non-instructional weekdays of a regular year: Labor Day, Thanksgiving, winter and spring break, two Monday holidays. */
function regularBreaks(schoolYear: SchoolYear): Set<IsoDate> {
  const y0 = schoolYear - 1;
  const off = new Set<IsoDate>([
    nthWeekday(y0, 9, 1, 1),
    nthWeekday(schoolYear, 1, 1, 3),
    nthWeekday(schoolYear, 2, 1, 3),
  ]);
  const thanksgiving = nthWeekday(y0, 11, 4, 4);
  for (let d = -1; d <= 1; d++) off.add(addDays(thanksgiving, d));
  for (let d = `${y0}-12-22`; d <= `${schoolYear}-01-02`; d = addDays(d, 1)) off.add(d);
  const spring = nthWeekday(schoolYear, 3, 1, 3);
  for (let d = 0; d < 5; d++) off.add(addDays(spring, d));
  return off;
}

/** Every instructional day of a calendar rule, in order; `R` skips breaks, `J` (summer) does not. */
export function instructionalDates(rule: CalendarRule): IsoDate[] {
  const off = rule.type === 'R' ? regularBreaks(rule.schoolYear) : new Set<IsoDate>();
  const lastWeekday = rule.daysPerWeek === 4 ? 4 : 5;
  const days: IsoDate[] = [];
  for (let d = rule.firstDay; days.length < rule.instructionalDays; d = addDays(d, 1)) {
    const w = dayOfWeek(d);
    if (w >= 1 && w <= lastWeekday && !off.has(d)) days.push(d);
  }
  return days;
}

/** The instructional days of a built calendar (recomputed from its rule, so nothing large is stored). */
export function calendarDates(calendar: OrgCalendar): IsoDate[] {
  return instructionalDates({
    type: calendar.type,
    schoolYear: calendar.schoolYear,
    firstDay: calendar.startDate,
    daysPerWeek: calendar.daysPerWeek,
    instructionalDays: calendar.instructionalDays,
  });
}

/**
 * The regular-year rule for a district. Variation is keyed to the district's position so it is
 * deterministic: start mid/late August, 175–180 days on five-day weeks, or 144–148 longer days on the
 * four-day weeks common in small rural districts (minimum hours still met: montana-aim.md §1.4).
 */
export function regularRule(schoolYear: SchoolYear, districtIndex: number, enrollment: number): CalendarRule {
  const fourDay = enrollment < 150 && districtIndex % 2 === 0;
  const firstWed = firstWeekdayOfMonth(schoolYear - 1, 8, 3);
  return {
    type: 'R',
    schoolYear,
    firstDay: addDays(firstWed, 14 + 7 * (districtIndex % 3)),
    daysPerWeek: fourDay ? 4 : 5,
    instructionalDays: fourDay ? 144 + (districtIndex % 5) : 175 + (districtIndex % 6),
  };
}

/** The Jumpstart summer rule: 16 four-day-week days from the second Monday of July before the year. */
export function jumpstartRule(schoolYear: SchoolYear): CalendarRule {
  return {
    type: 'J',
    schoolYear,
    firstDay: nthWeekday(schoolYear - 1, 7, 1, 2),
    daysPerWeek: 4,
    instructionalDays: 16,
  };
}
