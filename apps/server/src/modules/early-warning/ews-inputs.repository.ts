/**
 * Raw early-warning inputs of every student enrolled in grades 6–12 on a date, in four set-based queries
 * (who, their enrollments, their EWS terms, and for training the last enrollment within the horizon), all
 * cut off at the as-of date so later records never leak in (decision 0030). The pure feature code turns them
 * into vectors; training and scoring read exactly the same rows.
 */
import { sql } from 'kysely';
import type { EnrollmentSpan, EwsTerm, IsoDate } from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';

/** Who to read: a school year's as-of date, optionally narrowed to a district or school. */
export type PopulationFilter = {
  schoolYear: number;
  asOf: IsoDate;
  districtNumber?: string;
  schoolNumber?: string;
};

/** A student enrolled on the as-of date with identity, audit attributes and raw inputs. */
export type RawStudent = {
  studentId: number;
  stateId: string;
  name: string;
  districtNumber: string;
  schoolNumber: string;
  grade: number;
  birthDate: IsoDate | null;
  gender: string | null;
  hispanic: boolean | null;
  raceCodes: string | null;
  frl: boolean | null;
  el: boolean | null;
  iep: boolean | null;
  homeless: boolean | null;
  enrollments: EnrollmentSpan[];
  terms: EwsTerm[];
};

const GRADES = ['06', '07', '08', '09', '10', '11', '12'];

// The population: one primary enrollment per student open on the as-of date (the latest started).
function population(f: PopulationFilter) {
  return sql`pop AS (
    SELECT DISTINCT ON (e.student_id) e.student_id, e.district_number, e.school_number, e.grade_level
    FROM enrollment e
    WHERE e.school_year = ${f.schoolYear} AND e.service_type = 'P' AND NOT e.no_show
      AND e.start_date <= ${f.asOf} AND (e.end_date IS NULL OR e.end_date >= ${f.asOf})
      AND e.grade_level IN (${sql.join(GRADES)})
      ${f.districtNumber ? sql`AND e.district_number = ${f.districtNumber}` : sql``}
      ${f.schoolNumber ? sql`AND e.school_number = ${f.schoolNumber}` : sql``}
    ORDER BY e.student_id, e.start_date DESC, e.id DESC)`;
}

type StudentRow = {
  student_id: number;
  state_id: string;
  name: string;
  district_number: string;
  school_number: string;
  grade_level: string;
  birth_date: string | null;
  gender: string | null;
  hispanic: boolean | null;
  race_codes: string | null;
  frl: boolean | null;
  el: boolean | null;
  iep: boolean | null;
  homeless: boolean | null;
};

/**
 * Reads the population with identity and, for training, audit attributes (program tables first, then the
 * loaded years). Scoring skips the audit joins: live scores never use them.
 */
async function readStudents(db: Executor, f: PopulationFilter, audit: boolean): Promise<StudentRow[]> {
  const y = f.schoolYear;
  const r = audit
    ? await sql<StudentRow>`WITH ${population(f)}
    SELECT p.student_id, s.state_id, s.last_name || ', ' || s.first_name AS name, p.district_number,
      p.school_number, p.grade_level, s.birth_date, s.gender, s.hispanic, s.race_codes,
      coalesce(a.frl, CASE WHEN fr.student_id IS NOT NULL THEN true END) AS frl,
      coalesce(a.el, CASE WHEN el.student_id IS NOT NULL THEN true END) AS el,
      a.iep, a.homeless
    FROM pop p JOIN student s ON s.id = p.student_id
    LEFT JOIN ews_audit_year a ON a.student_id = p.student_id AND a.school_year = ${y}
    LEFT JOIN (SELECT DISTINCT student_id FROM fram_eligibility
               WHERE school_year = ${y} AND fram_eligibility IN ('F', 'R')) fr
      ON fr.student_id = p.student_id
    LEFT JOIN (SELECT DISTINCT student_id FROM english_learner WHERE school_year = ${y}) el
      ON el.student_id = p.student_id
    ORDER BY p.student_id`.execute(db)
    : await sql<StudentRow>`WITH ${population(f)}
    SELECT p.student_id, s.state_id, s.last_name || ', ' || s.first_name AS name, p.district_number,
      p.school_number, p.grade_level, s.birth_date, s.gender, s.hispanic, s.race_codes,
      NULL::boolean AS frl, NULL::boolean AS el, NULL::boolean AS iep, NULL::boolean AS homeless
    FROM pop p JOIN student s ON s.id = p.student_id
    ORDER BY p.student_id`.execute(db);
  return r.rows;
}

/** Primary and partial enrollments of the population started by the as-of date, this year and last. */
async function readEnrollments(db: Executor, f: PopulationFilter) {
  const r = await sql<{
    student_id: number;
    district_number: string;
    school_number: string;
    start_date: string;
    end_date: string | null;
    primary: boolean;
  }>`WITH ${population(f)}
    SELECT e.student_id, e.district_number, e.school_number, e.start_date,
      CASE WHEN e.end_date <= ${f.asOf} THEN e.end_date END AS end_date, e.service_type = 'P' AS primary
    FROM enrollment e JOIN pop p ON p.student_id = e.student_id
    WHERE e.school_year IN (${f.schoolYear - 1}, ${f.schoolYear}) AND e.start_date <= ${f.asOf}`.execute(db);
  return r.rows;
}

/** EWS terms finished by the as-of date: this year's, and earlier high-school terms for credits. */
async function readTerms(db: Executor, f: PopulationFilter) {
  const r = await sql<{
    student_id: number;
    term_end: string;
    grade_level: string;
    days_enrolled: string;
    days_present: string;
    behavior_incidents: number;
    suspension_days: string;
    courses_failed: number;
    credits_earned: string;
  }>`WITH ${population(f)}
    SELECT t.student_id, t.term_end, t.grade_level, t.days_enrolled, t.days_present, t.behavior_incidents,
      t.suspension_days, t.courses_failed, t.credits_earned
    FROM ews_term t JOIN pop p ON p.student_id = t.student_id
    WHERE t.term_end <= ${f.asOf} AND (t.school_year = ${f.schoolYear} OR t.grade_level >= '09')`.execute(db);
  return r.rows;
}

/**
 * Everyone enrolled in grades 6–12 on the as-of date with their raw inputs, sorted by student id; audit
 * attributes only when `audit` is set (training and evaluation).
 */
export async function readRawStudents(
  db: Executor,
  f: PopulationFilter,
  audit = true,
): Promise<RawStudent[]> {
  const [students, enrollments, terms] = await Promise.all([
    readStudents(db, f, audit),
    readEnrollments(db, f),
    readTerms(db, f),
  ]);
  const byId = new Map<number, RawStudent>();
  const out = students.map((s) => {
    const raw: RawStudent = {
      studentId: s.student_id,
      stateId: s.state_id,
      name: s.name,
      districtNumber: s.district_number,
      schoolNumber: s.school_number,
      grade: Number(s.grade_level),
      birthDate: s.birth_date,
      gender: s.gender,
      hispanic: s.hispanic,
      raceCodes: s.race_codes,
      frl: s.frl,
      el: s.el,
      iep: s.iep,
      homeless: s.homeless,
      enrollments: [],
      terms: [],
    };
    byId.set(s.student_id, raw);
    return raw;
  });
  for (const e of enrollments)
    byId.get(e.student_id)?.enrollments.push({
      districtId: e.district_number,
      schoolId: e.school_number,
      startDate: e.start_date,
      endDate: e.end_date,
      primary: e.primary,
    });
  for (const t of terms)
    byId.get(t.student_id)?.terms.push({
      termEnd: t.term_end,
      gradeLevel: t.grade_level,
      daysEnrolled: Number(t.days_enrolled),
      daysPresent: Number(t.days_present),
      behaviorIncidents: t.behavior_incidents,
      suspensionDays: Number(t.suspension_days),
      coursesFailed: t.courses_failed,
      creditsEarned: Number(t.credits_earned),
    });
  return out;
}

/** The last enrollment of each population student started by `horizonEnd`, statewide (moves followed). */
export type LastEnrollmentRow = {
  studentId: number;
  endDate: string | null;
  endStatus: string | null;
  enrolledAfter: boolean;
};

/** Reads each population student's last enrollment within the outcome window (decision 0056). */
export async function readLastEnrollments(
  db: Executor,
  f: PopulationFilter,
  horizonEnd: IsoDate,
): Promise<Map<number, LastEnrollmentRow>> {
  const r = await sql<{
    student_id: number;
    end_date: string | null;
    end_status: string | null;
    enrolled_after: boolean;
  }>`WITH ${population(f)}, last AS (
      SELECT DISTINCT ON (e.student_id) e.student_id, e.start_date, e.end_date, e.end_status
      FROM enrollment e JOIN pop p ON p.student_id = e.student_id
      WHERE e.start_date <= ${horizonEnd} AND NOT e.no_show
      ORDER BY e.student_id, e.start_date DESC, e.end_date DESC NULLS FIRST, e.id DESC)
    SELECT l.student_id, l.end_date, l.end_status,
      EXISTS (SELECT 1 FROM enrollment n WHERE n.student_id = l.student_id AND n.start_date > l.start_date
        AND NOT n.no_show) AS enrolled_after
    FROM last l`.execute(db);
  return new Map(
    r.rows.map((x) => [
      x.student_id,
      {
        studentId: x.student_id,
        endDate: x.end_date,
        endStatus: x.end_status,
        enrolledAfter: x.enrolled_after,
      },
    ]),
  );
}

/** True when the district exists (404 otherwise), and the school belongs to it when one is named. */
export async function placeExists(db: Executor, district: string, school: string | null): Promise<boolean> {
  const row = school
    ? await db
        .selectFrom('school')
        .select('school_number')
        .where('district_number', '=', district)
        .where('school_number', '=', school)
        .executeTakeFirst()
    : await db
        .selectFrom('district')
        .select('district_number')
        .where('district_number', '=', district)
        .executeTakeFirst();
  return row !== undefined;
}
