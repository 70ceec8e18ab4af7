/**
 * Inputs of the program files (EDFacts FS033 lunch status, FS118 homeless enrolled; decision 0061), one set-based
 * statement each over live rows or the certified end-of-year program snapshots, as the other reports read.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { Placed, ReadScope } from './outcomes.repository.ts';
import { RECORDS, sourceRows } from './source-rows.repository.ts';
import {
  flagsOf,
  PROGRAMS_COLLECTION,
  TRAIT_COLUMNS,
  toTraits,
  type RawTraits,
} from './traits.repository.ts';

const inDistrict = (column: string, district: string | null) =>
  district === null ? sql`true` : sql`${sql.ref(column)} = ${district}`;

/** A student's lunch status on a date in one district: eligibility (F, R) and certification type (D direct). */
export type LunchRead = {
  stateId: string;
  districtNumber: string;
  eligibility: string;
  certification: string | null;
};

/** The FRAM eligibility covering `date` per student and district (the latest start when several do). */
export async function lunchRows(db: Executor, scope: ReadScope, date: string): Promise<LunchRead[]> {
  const fram = sourceRows(scope.source, RECORDS.fram, PROGRAMS_COLLECTION);
  const r = await sql<{
    state_id: string;
    district_number: string;
    fram_eligibility: string;
    cert: string | null;
  }>`
    SELECT DISTINCT ON (x.student_id, x.district_number) s.state_id, x.district_number, x.fram_eligibility,
      x.fram_certification_type AS cert
    FROM ${fram} x JOIN student s ON s.id = x.student_id
    WHERE x.school_year = ${scope.schoolYear} AND x.eligibility_start_date <= ${date}::date
      AND (x.eligibility_end_date IS NULL OR x.eligibility_end_date >= ${date}::date)
      AND ${inDistrict('x.district_number', scope.district)}
    ORDER BY x.student_id, x.district_number, x.eligibility_start_date DESC`.execute(db);
  return r.rows.map((x) => ({
    stateId: x.state_id,
    districtNumber: x.district_number,
    eligibility: x.fram_eligibility,
    certification: x.cert,
  }));
}

/** A student homeless at some time while enrolled in the year in one district, placed at their last enrollment. */
export type HomelessRead = Placed & { residence: string | null; unaccompanied: boolean };

/**
 * Students with a homeless program record of the year (edfacts.md §5: unduplicated per LEA, whole year), each with
 * the latest nighttime residence reported and whether ever unaccompanied, placed and traited by the enrollments
 * of the same source (the program collection freezes them, decision 0061).
 */
export async function homelessRows(db: Executor, scope: ReadScope): Promise<HomelessRead[]> {
  const programs = sourceRows(scope.source, RECORDS.programs, PROGRAMS_COLLECTION);
  const enrollments = sourceRows(scope.source, RECORDS.enrollment, PROGRAMS_COLLECTION);
  const r = await sql<
    RawTraits & {
      district_number: string;
      school_number: string;
      grade_level: string;
      res: string | null;
      unac: boolean;
    }
  >`
    WITH h AS (
      SELECT x.student_id, x.district_number, bool_or(coalesce(x.homeless_unaccompanied, false)) AS unac,
        (array_agg(x.homeless_nighttime_residence ORDER BY x.id DESC)
          FILTER (WHERE x.homeless_nighttime_residence IS NOT NULL))[1] AS res
      FROM ${programs} x
      WHERE x.school_year = ${scope.schoolYear} AND x.homeless AND ${inDistrict('x.district_number', scope.district)}
      GROUP BY x.student_id, x.district_number),
    l AS (
      SELECT DISTINCT ON (e.student_id, e.district_number) e.student_id, e.district_number, e.school_number,
        e.grade_level
      FROM ${enrollments} e WHERE e.school_year = ${scope.schoolYear}
      ORDER BY e.student_id, e.district_number, e.start_date DESC, e.id DESC)
    SELECT ${TRAIT_COLUMNS}, h.district_number, coalesce(l.school_number, '') AS school_number,
      coalesce(l.grade_level, '') AS grade_level, h.res, h.unac
    FROM h JOIN student s ON s.id = h.student_id
    LEFT JOIN l ON l.student_id = h.student_id AND l.district_number = h.district_number
    LEFT JOIN ${flagsOf(scope.source, enrollments, scope.schoolYear)} f
      ON f.student_id = h.student_id AND f.district_number = h.district_number
    ORDER BY h.district_number, s.state_id`.execute(db);
  return r.rows.map((x) => ({
    ...toTraits(x),
    districtNumber: x.district_number,
    schoolNumber: x.school_number,
    grade: x.grade_level,
    residence: x.res,
    unaccompanied: x.unac === true,
  }));
}
