import type { IsoDate, OrgSchool } from '@bitterroot/core';
import { addDays } from '@bitterroot/core';
import { daysBetween, schoolDayOnOrAfter } from './calendar-book.ts';
import type { SchoolCalendar } from './calendar-book.ts';
import type { GenContext } from './context.ts';
import { yearFeatures, yearOutcome } from './features.ts';
import type { YearFeatures } from './features.ts';
import { DROPOUT_CODES, covers } from './history.ts';
import type { Rng } from './prng.ts';
import type { Entry } from './simulate.ts';
import type { Student } from './student.ts';

/** A defect planted in a record, described for the manifest. */
export interface PlantedDefect {
  kind: string;
  column: string;
  description: string;
}

/** One current-year enrollment of a student at a school calendar. */
export interface Enrollment {
  student: Student;
  localId: string;
  districtNumber: string;
  school: OrgSchool;
  cal: SchoolCalendar;
  grade: number;
  startDate: IsoDate;
  startStatus: string;
  endDate: IsoDate;
  endStatus: string;
  dropoutReason: string;
  diploma: boolean;
  daysEnrolled: number;
  daysAbsent: number;
  features: YearFeatures;
  defect?: PlantedDefect;
}

/** Picks a receiving school for an in-state move: another generated district teaching the grade. */
export type DestinationPicker = (rng: Rng, fromDistrict: string, grade: number) => OrgSchool | null;

// Reasons are free text in the layout (drop_out_reason); Montana's reason list is a GAP.
const DROPOUT_REASONS = ['Attendance', 'Academic', 'Employment', 'Family', 'Unknown whereabouts'];

function span(e: Omit<Enrollment, 'daysEnrolled' | 'daysAbsent'>): Enrollment {
  const daysEnrolled = daysBetween(e.cal, e.startDate, e.endDate);
  return {
    ...e,
    daysEnrolled,
    daysAbsent: Math.min(daysEnrolled, Math.round(daysEnrolled * e.features.absenceRate)),
  };
}

/** Enrollments of one current student: the year at this school, and a second one when they move mid-year. */
export function currentEnrollments(
  ctx: GenContext,
  rng: Rng,
  entry: Entry,
  school: OrgSchool,
  localId: string,
  pickDestination: DestinationPicker,
  plantOverlap: () => boolean,
): { here: Enrollment[]; elsewhere: Enrollment[] } {
  const s = entry.student;
  const cal = ctx.book.regular(school.schoolNumber, ctx.schoolYear);
  const n = cal.dates.length;
  const startIdx = entry.midYear ? rng.int(10, Math.floor(n * 0.7)) : 0;
  const features = yearFeatures(rng, s, s.grade);
  let outcome = yearOutcome(rng, s, s.grade, features, 0.04);
  const leaves = outcome === 'dropout' || outcome === 'move-out-state' || outcome === 'move-in-state';
  if (leaves && startIdx + 5 > n - 3) outcome = 'continue';
  const endIdx = leaves && outcome !== 'continue' ? rng.int(startIdx + 5, n - 3) : n - 1;
  const endStatus =
    outcome === 'graduate'
      ? rng.chance(0.04)
        ? '410'
        : '400'
      : outcome === 'dropout'
        ? rng.pick(DROPOUT_CODES)
        : outcome === 'move-out-state'
          ? '210'
          : outcome === 'move-in-state'
            ? '200'
            : '160';
  const first = span({
    student: s,
    localId,
    districtNumber: school.districtNumber,
    school,
    cal,
    grade: s.grade,
    startDate: cal.dates[startIdx]!,
    startStatus: entry.startStatus,
    endDate: cal.dates[endIdx]!,
    endStatus,
    dropoutReason: outcome === 'dropout' ? rng.pick(DROPOUT_REASONS) : '',
    diploma: outcome === 'graduate',
    features,
  });
  if (outcome !== 'move-in-state') return { here: [first], elsewhere: [] };
  // A move within Montana: the sending row ends with 200; the receiving row starts 04 a few days later.
  const within = (ctx.schoolsByDistrict.get(school.districtNumber) ?? []).filter(
    (o) => o !== school && covers(o, s.grade),
  );
  const dest =
    within.length > 0 && rng.chance(0.25)
      ? rng.pick(within)
      : pickDestination(rng, school.districtNumber, s.grade);
  if (!dest) return { here: [{ ...first, endStatus: '210' }], elsewhere: [] };
  const destCal = ctx.book.regular(dest.schoolNumber, ctx.schoolYear);
  const overlap = dest.districtNumber !== school.districtNumber && plantOverlap();
  const start = overlap
    ? schoolDayOnOrAfter(destCal, addDays(first.endDate, -rng.int(7, 20)))
    : schoolDayOnOrAfter(destCal, addDays(first.endDate, rng.int(1, 10)));
  const second = span({
    ...first,
    localId: dest.districtNumber === school.districtNumber ? localId : '',
    districtNumber: dest.districtNumber,
    school: dest,
    cal: destCal,
    startDate: start,
    startStatus: s.military ? '40' : '04',
    endDate: destCal.dates[destCal.dates.length - 1]!,
    endStatus: '160',
    dropoutReason: '',
    ...(overlap
      ? {
          defect: {
            kind: 'overlapping-primary-enrollment',
            column: 'start_date',
            description: `primary enrollment starts ${start}, before the enrollment in district ${school.districtNumber} ended ${first.endDate}`,
          },
        }
      : {}),
  });
  if (start > second.endDate) return { here: [{ ...first, endStatus: '210' }], elsewhere: [] };
  return dest.districtNumber === school.districtNumber
    ? { here: [first, second], elsewhere: [] }
    : { here: [first], elsewhere: [second] };
}
