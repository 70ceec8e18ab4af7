/**
 * Reads the inputs of the funding and attendance measures from the live record tables (a preview; certified
 * snapshots: snapshot-counts.repository.ts), one set-based statement each, mapped to the core input types.
 */
import { sql } from 'kysely';
import type { ChronicAbsenceRow, CountDateRow, CountKind, GradeCode } from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';

/** A count-date row, or the state ID and place of one whose student has no birth date (age rules need it). */
export type CountRead =
  { kind: 'row'; row: CountDateRow } | { kind: 'no-birth-date'; row: Omit<CountDateRow, 'birthDate'> };

/** One enrollment's EOY attendance values. */
export type AttendanceRead = ChronicAbsenceRow & { serviceType: string; daysPresent: number };

// Static, trusted names per count (the two tables are the same shape, montana-aim.md §2.4).
const TABLES = {
  fall: {
    table: 'fall_count',
    hours: 'fall_aggregate_hours',
    absent: 'fall_absent',
    exclude: 'exclude_fall_anb',
  },
  spring: {
    table: 'spring_count',
    hours: 'spring_aggregate_hours',
    absent: 'spring_absent',
    exclude: 'exclude_spring_anb',
  },
} as const;

/** A count-date row as both the live and the snapshot statements select it. */
export type RawCount = {
  state_id: string;
  district_number: string;
  school_number: string;
  grade_level: string;
  birth_date: string | null;
  service_type: string;
  start_date: string;
  end_date: string | null;
  hours: number | null;
  absent: number | null;
  exclude: boolean | null;
  extracurricular_only: boolean | null;
  no_show: boolean;
  esa_participant: boolean | null;
  age_19_20_eligible: boolean | null;
  early_literacy_program: string | null;
};

/** Maps a selected count-date row to the core input. */
export function toCountRead(x: RawCount): CountRead {
  const row = {
    stateId: x.state_id,
    districtNumber: x.district_number,
    schoolNumber: x.school_number,
    grade: x.grade_level as GradeCode,
    serviceType: x.service_type,
    startDate: x.start_date,
    endDate: x.end_date,
    aggregateHours: x.hours === null ? null : Number(x.hours),
    consecutiveDaysAbsent: x.absent === null ? undefined : Number(x.absent),
    excludeAnb: x.exclude === true,
    extracurricularOnly: x.extracurricular_only === true,
    noShow: x.no_show,
    esaParticipant: x.esa_participant === true,
    age1920Eligible: x.age_19_20_eligible === true,
    earlyLiteracyProgram: x.early_literacy_program,
  };
  return x.birth_date === null
    ? { kind: 'no-birth-date', row }
    : { kind: 'row', row: { ...row, birthDate: x.birth_date } };
}

/**
 * Count-date rows of a year: the whole state, or one district's rows together with the same students' rows in
 * other districts, because the one-pupil cap spans districts (20-9-311(4)(e)(i)).
 */
export async function countDateRows(
  db: Executor,
  kind: CountKind,
  schoolYear: number,
  district: string | null,
): Promise<CountRead[]> {
  const t = TABLES[kind];
  const scope =
    district === null
      ? sql`true`
      : sql`c.student_id IN (SELECT student_id FROM ${sql.table(t.table)}
          WHERE district_number = ${district} AND school_year = ${schoolYear})`;
  const r = await sql<RawCount>`
    SELECT s.state_id, e.district_number, e.school_number, e.grade_level, s.birth_date::text AS birth_date,
      e.service_type, e.start_date::text AS start_date, e.end_date::text AS end_date,
      ${sql.ref(`c.${t.hours}`)}::float8 AS hours, ${sql.ref(`c.${t.absent}`)}::float8 AS absent,
      ${sql.ref(`c.${t.exclude}`)} AS exclude, e.extracurricular_only, e.no_show, e.esa_participant,
      e.age_19_20_eligible, e.early_literacy_program
    FROM ${sql.table(t.table)} c
    JOIN enrollment e ON e.id = c.enrollment_id
    JOIN student s ON s.id = e.student_id
    WHERE c.school_year = ${schoolYear} AND ${scope}
    ORDER BY e.district_number, e.school_number, s.state_id, e.start_date`.execute(db);
  return r.rows.map(toCountRead);
}

/** EOY attendance rows of one district and year, with the enrollment's school, grade and service type. */
export async function attendanceRows(
  db: Executor,
  schoolYear: number,
  district: string,
): Promise<AttendanceRead[]> {
  const r = await sql<{
    state_id: string;
    district_number: string;
    school_number: string;
    grade_level: string;
    service_type: string;
    days_enrolled: number;
    days_present: number;
    essa_days_absent: number;
  }>`
    SELECT s.state_id, e.district_number, e.school_number, e.grade_level, e.service_type,
      a.ada_days_enrolled::float8 AS days_enrolled, a.ada_days_present::float8 AS days_present,
      a.essa_days_absent
    FROM eoy_attendance a
    JOIN enrollment e ON e.id = a.enrollment_id
    JOIN student s ON s.id = e.student_id
    WHERE a.school_year = ${schoolYear} AND a.district_number = ${district}
    ORDER BY e.school_number, s.state_id`.execute(db);
  return r.rows.map((x) => ({
    stateId: x.state_id,
    districtNumber: x.district_number,
    schoolNumber: x.school_number,
    grade: x.grade_level as GradeCode,
    serviceType: x.service_type,
    daysEnrolled: Number(x.days_enrolled),
    daysPresent: Number(x.days_present),
    essaDaysAbsent: Number(x.essa_days_absent),
  }));
}

/** Whether a district exists. */
export async function districtExists(db: Executor, district: string): Promise<boolean> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM district WHERE district_number = ${district}`.execute(db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}
