import { buildOrganization, calendarDates } from '@bitterroot/core';
import type { DistrictSeed, IsoDate, OrgCalendar, Organization } from '@bitterroot/core';

/** A school's calendar for one year with its instructional days. */
export interface SchoolCalendar {
  calendar: OrgCalendar;
  dates: IsoDate[];
}

/** Looks up organisations and calendars per school year, computing each year once. */
export interface CalendarBook {
  org(year: number): Organization;
  regular(schoolNumber: string, year: number): SchoolCalendar;
}

/** Number of instructional days in [from, to], both inclusive. */
export function daysBetween(cal: SchoolCalendar, from: IsoDate, to: IsoDate): number {
  return Math.max(0, upperBound(cal.dates, to) - lowerBound(cal.dates, from));
}

/** The first instructional day on or after `date` (the last day if none). */
export function schoolDayOnOrAfter(cal: SchoolCalendar, date: IsoDate): IsoDate {
  return cal.dates[Math.min(lowerBound(cal.dates, date), cal.dates.length - 1)]!;
}

function lowerBound(a: IsoDate[], x: IsoDate): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (a[m]! < x) lo = m + 1;
    else hi = m;
  }
  return lo;
}

function upperBound(a: IsoDate[], x: IsoDate): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (a[m]! <= x) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/** A calendar book over the district list; calendars sharing a rule share one day list. */
export function makeCalendarBook(seeds: DistrictSeed[]): CalendarBook {
  const orgs = new Map<number, Organization>();
  const byYear = new Map<number, Map<string, SchoolCalendar>>();
  const dayLists = new Map<string, IsoDate[]>();
  const org = (year: number): Organization => {
    let o = orgs.get(year);
    if (!o) {
      o = buildOrganization(seeds, year);
      orgs.set(year, o);
    }
    return o;
  };
  return {
    org,
    regular(schoolNumber, year) {
      let m = byYear.get(year);
      if (!m) {
        m = new Map();
        for (const c of org(year).calendars) {
          if (c.type !== 'R') continue;
          const key = `${c.startDate}|${c.daysPerWeek}|${c.instructionalDays}`;
          let dates = dayLists.get(key);
          if (!dates) dayLists.set(key, (dates = calendarDates(c)));
          m.set(c.schoolNumber, { calendar: c, dates });
        }
        byYear.set(year, m);
      }
      const cal = m.get(schoolNumber);
      if (!cal) throw new Error(`no regular calendar for school ${schoolNumber} in ${year}`);
      return cal;
    },
  };
}
