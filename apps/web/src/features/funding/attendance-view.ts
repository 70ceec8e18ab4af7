import type { DistrictAnbReport, School } from '@bitterroot/contracts';
import type { SortOrder, SortValue } from '../../lib/sort.ts';
import { sortRows } from '../../lib/sort.ts';
import { rate } from './funding-format.ts';

/** A district's EOY attendance as the ANB report carries it. */
export type Attendance = DistrictAnbReport['attendance'];

/** One school's chronic absence. */
export interface SchoolAttendanceRow {
  schoolNumber: string;
  name: string | null;
  students: number;
  chronic: number;
  /** Chronically absent ÷ students judged; null without students. */
  rate: number | null;
}

/** Columns the schools table sorts by. */
export type AttendanceSortKey = 'schoolNumber' | 'name' | 'students' | 'chronic' | 'rate';

/** The district's headline figures: EOY rate Σ present ÷ Σ enrolled and the chronic absence rate. */
export function attendanceHeadline(a: Attendance): {
  eoyRate: number | null;
  chronicRate: number | null;
} {
  // The server sends the EOY rate (montana-facts.md §3.10); it is recomputed only when absent.
  return {
    eoyRate: a.rate ?? rate(a.daysPresent, a.daysEnrolled),
    chronicRate: rate(a.chronicallyAbsent, a.students),
  };
}

/** Schools with names and chronic absence rates, sorted. */
export function schoolAttendanceRows(
  a: Attendance,
  schools: readonly School[],
  sort: AttendanceSortKey,
  order: SortOrder,
): SchoolAttendanceRow[] {
  const names = new Map(schools.map((s) => [s.schoolNumber, s.name]));
  const rows = a.schools.map((s) => ({
    ...s,
    name: names.get(s.schoolNumber) ?? null,
    rate: rate(s.chronic, s.students),
  }));
  return sortRows(rows, (r): SortValue => r[sort], order);
}
