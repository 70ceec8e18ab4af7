/**
 * Rows of the state's downstream files (decision 0051): direct-certification (FRAM) extract, special-education
 * child count, missing-child photo opt-ins and the races behind MAEFAIRS American Indian counts. One statement each.
 */
import { sql } from 'kysely';
import type { ReportSource } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { RECORDS, sourceRows } from './source-rows.repository.ts';

/** The fall collection that freezes programs, FRAM and enrollments for Child Count and FRL (S61). */
export const FALL_PROGRAMS_COLLECTION = 'fall-enrollment-programs';

/** One FRAM eligibility span in the DCA extract layout (montana-aim.md §4.3 FRAM [V S47]). */
export type FramExtractRow = {
  state_id: string;
  last_name: string;
  first_name: string;
  fram_eligibility: string;
  fram_certification_type: string | null;
  eligibility_start_date: string;
  eligibility_end_date: string | null;
};

/** FRAM eligibility spans overlapping a school year. */
export async function framRows(
  db: Executor,
  source: ReportSource,
  schoolYear: number,
): Promise<FramExtractRow[]> {
  const src = sourceRows(source, RECORDS.fram, FALL_PROGRAMS_COLLECTION);
  const r = await sql<FramExtractRow>`
    SELECT s.state_id, s.last_name, s.first_name, f.fram_eligibility, f.fram_certification_type,
      f.eligibility_start_date::text AS eligibility_start_date, f.eligibility_end_date::text AS eligibility_end_date
    FROM ${src} f JOIN student s ON s.id = f.student_id
    WHERE f.school_year = ${schoolYear}
    ORDER BY s.state_id, f.eligibility_start_date`.execute(db);
  return r.rows;
}

/** One special-education enrollment on the child-count date, or one exit during the year. */
export type ChildCountRow = {
  state_id: string;
  last_name: string;
  first_name: string;
  birth_date: string | null;
  gender: string | null;
  district_number: string;
  school_number: string;
  grade_level: string;
  age: number | null;
  on_count_date: boolean;
  sped_exit_date: string | null;
  sped_exit_reason: string | null;
};

/**
 * Special-education enrollments of a year (service type N, decision 0050) that span the child-count date, and
 * every enrollment with a special-education exit in the year (the exiting count), age on the count date.
 */
export async function childCountRows(
  db: Executor,
  source: ReportSource,
  schoolYear: number,
  countDate: string,
): Promise<ChildCountRow[]> {
  const src = sourceRows(source, RECORDS.enrollment, FALL_PROGRAMS_COLLECTION);
  const r = await sql<ChildCountRow>`
    SELECT s.state_id, s.last_name, s.first_name, s.birth_date::text AS birth_date, s.gender, e.district_number,
      e.school_number, e.grade_level,
      CASE WHEN s.birth_date IS NULL THEN NULL
        ELSE extract(year FROM age(${countDate}::date, s.birth_date))::int END AS age,
      (e.service_type = 'N' AND e.start_date <= ${countDate}::date
        AND (e.end_date IS NULL OR e.end_date >= ${countDate}::date)) AS on_count_date,
      e.sped_exit_date::text AS sped_exit_date, e.sped_exit_reason
    FROM ${src} e JOIN student s ON s.id = e.student_id
    WHERE e.school_year = ${schoolYear} AND NOT coalesce(e.no_show, false)
      AND ((e.service_type = 'N' AND e.start_date <= ${countDate}::date
          AND (e.end_date IS NULL OR e.end_date >= ${countDate}::date))
        OR e.sped_exit_date IS NOT NULL)
    ORDER BY e.district_number, e.school_number, s.state_id`.execute(db);
  return r.rows.map((x) => ({ ...x, age: x.age === null ? null : Number(x.age) }));
}

/** One opted-in student with the school that holds the photo. */
export type PhotoRow = {
  state_id: string;
  last_name: string;
  first_name: string;
  birth_date: string | null;
  district_number: string;
  school_number: string;
  grade_level: string;
};

/**
 * Students whose photo opt-in is OPT-IN (montana-aim.md §2.13, MCA 20-7-1317), at their latest enrollment of
 * the year. Always live: a parent's withdrawal of consent must take effect at once (decision 0051).
 */
export async function photoOptInRows(db: Executor, schoolYear: number): Promise<PhotoRow[]> {
  const r = await sql<PhotoRow>`
    SELECT DISTINCT ON (s.state_id) s.state_id, s.last_name, s.first_name, s.birth_date::text AS birth_date,
      e.district_number, e.school_number, e.grade_level
    FROM student s JOIN enrollment e ON e.student_id = s.id
    WHERE s.photo_opt_in = 'OPT-IN' AND e.school_year = ${schoolYear} AND NOT e.no_show
    ORDER BY s.state_id, e.start_date DESC, e.id DESC`.execute(db);
  return r.rows;
}

/** Race codes and ethnicity of the students with a count row in a year (MAEFAIRS American Indian counts). */
export async function countedRaces(
  db: Executor,
  schoolYear: number,
): Promise<Map<string, { races: string[]; hispanic: boolean }>> {
  const r = await sql<{ state_id: string; race_codes: string | null; hispanic: boolean | null }>`
    SELECT s.state_id, s.race_codes, s.hispanic FROM student s
    WHERE s.id IN (SELECT student_id FROM fall_count WHERE school_year = ${schoolYear}
      UNION SELECT student_id FROM spring_count WHERE school_year = ${schoolYear})`.execute(db);
  return new Map(
    r.rows.map((x) => [
      x.state_id,
      {
        races: (x.race_codes ?? '')
          .split(',')
          .map((c) => c.trim())
          .filter((c) => c !== ''),
        hispanic: x.hispanic === true,
      },
    ]),
  );
}
