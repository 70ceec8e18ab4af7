/**
 * Raw early-warning inputs of every student enrolled in grades 6–12 on a date in one set-based statement (who,
 * their EWS term totals, and the primary enrollments of those seen in two schools), and for training the last
 * enrollment within the horizon; all cut off at the as-of date so later records never leak in (decision 0030).
 * Terms are summed in SQL as `totalsOfTerms` defines (decision 0065); the pure feature code turns the rows into
 * vectors, and training and scoring read exactly the same rows.
 */
import { sql } from 'kysely';
import type { EnrollmentSpan, EwsTermTotals, IsoDate } from '@bitterroot/core';
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
  /** Primary enrollments of this year and last; only filled for students seen in two or more schools. */
  enrollments: EnrollmentSpan[];
  totals: EwsTermTotals;
};

const GRADES = ['06', '07', '08', '09', '10', '11', '12'];

// The population: one primary enrollment per student open on the as-of date (the latest started).
function population(f: PopulationFilter) {
  return sql`pop AS MATERIALIZED (
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
  days_enrolled: number | null;
  days_present: number | null;
  behavior_incidents: number | null;
  suspension_days: number | null;
  courses_failed: number | null;
  high_school_credits: number | null;
  /** [district, school, start, end-or-null] per primary enrollment, oldest first; null unless 2+ schools. */
  spans: [string, string, string, string | null][] | null;
};

// Audit attributes come from the program tables first, then the loaded years; scoring never reads them.
function auditColumns(f: PopulationFilter, audit: boolean) {
  const y = f.schoolYear;
  if (!audit)
    return {
      select: sql`NULL::boolean AS frl, NULL::boolean AS el, NULL::boolean AS iep, NULL::boolean AS homeless`,
      join: sql``,
    };
  return {
    select: sql`coalesce(a.frl, CASE WHEN fr.student_id IS NOT NULL THEN true END) AS frl,
      coalesce(a.el, CASE WHEN el.student_id IS NOT NULL THEN true END) AS el, a.iep, a.homeless`,
    join: sql`LEFT JOIN ews_audit_year a ON a.student_id = p.student_id AND a.school_year = ${y}
    LEFT JOIN (SELECT DISTINCT student_id FROM fram_eligibility
               WHERE school_year = ${y} AND fram_eligibility IN ('F', 'R')) fr ON fr.student_id = p.student_id
    LEFT JOIN (SELECT DISTINCT student_id FROM english_learner WHERE school_year = ${y}) el
      ON el.student_id = p.student_id`,
  };
}

/**
 * The population with identity, term totals (`totalsOfTerms` in SQL: this year's finished terms, and every
 * finished high-school term for credits) and, for students seen in two or more schools this year and last,
 * their primary spans with end dates after the as-of date hidden (one school means no move). One row each.
 */
async function readStudentRows(db: Executor, f: PopulationFilter, audit: boolean): Promise<StudentRow[]> {
  const yearStart = `${f.schoolYear - 1}-07-01`;
  const thisYear = sql`t.term_end >= ${yearStart}`;
  const a = auditColumns(f, audit);
  const query = sql<StudentRow>`WITH ${population(f)},
    tot AS (
      SELECT t.student_id,
        sum(t.days_enrolled) FILTER (WHERE ${thisYear})::float8 AS days_enrolled,
        sum(t.days_present) FILTER (WHERE ${thisYear})::float8 AS days_present,
        sum(greatest(t.behavior_incidents, CASE WHEN t.suspension_days > 0 THEN 1 ELSE 0 END))
          FILTER (WHERE ${thisYear})::float8 AS behavior_incidents,
        sum(t.suspension_days) FILTER (WHERE ${thisYear})::float8 AS suspension_days,
        sum(t.courses_failed) FILTER (WHERE ${thisYear})::float8 AS courses_failed,
        sum(t.credits_earned) FILTER (WHERE t.grade_level IN ('09', '10', '11', '12'))::float8
          AS high_school_credits
      FROM ews_term t JOIN pop p ON p.student_id = t.student_id
      WHERE t.term_end <= ${f.asOf} AND (${thisYear} OR t.grade_level IN ('09', '10', '11', '12'))
      GROUP BY t.student_id),
    moved AS (
      SELECT e.student_id,
        json_agg(json_build_array(e.district_number, e.school_number, to_char(e.start_date, 'YYYY-MM-DD'),
          CASE WHEN e.end_date <= ${f.asOf} THEN to_char(e.end_date, 'YYYY-MM-DD') END)
          ORDER BY e.start_date, e.id) AS spans
      FROM enrollment e JOIN pop p ON p.student_id = e.student_id
      WHERE e.school_year IN (${f.schoolYear - 1}, ${f.schoolYear}) AND e.start_date <= ${f.asOf}
        AND e.service_type = 'P'
      GROUP BY e.student_id HAVING count(DISTINCT e.school_number) > 1)
    SELECT p.student_id, s.state_id, s.last_name || ', ' || s.first_name AS name, p.district_number,
      p.school_number, p.grade_level, s.birth_date, s.gender, s.hispanic, s.race_codes, ${a.select},
      t.days_enrolled, t.days_present, t.behavior_incidents, t.suspension_days, t.courses_failed,
      t.high_school_credits, m.spans
    FROM pop p JOIN student s ON s.id = p.student_id
    LEFT JOIN tot t ON t.student_id = p.student_id
    LEFT JOIN moved m ON m.student_id = p.student_id
    ${a.join}`;
  // Statewide the sorts and hashes hold ≈ 300,000 rows: in 4 MB of work_mem they spill to disk, and the plan's
  // cost triggers JIT compilation that costs more than it saves. Both settings end with the transaction.
  const run = async (trx: Executor) => {
    await sql`SELECT set_config('work_mem', '256MB', true), set_config('jit', 'off', true)`.execute(trx);
    return (await query.execute(trx)).rows;
  };
  return db.isTransaction ? await run(db) : await db.transaction().execute(run);
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
  const rows = await readStudentRows(db, f, audit);
  // Sorted here rather than in SQL: an ORDER BY turns the plan's hash joins into sorts and merges.
  return rows.map(toRawStudent).sort((x, y) => x.studentId - y.studentId);
}

function toRawStudent(s: StudentRow): RawStudent {
  return {
    studentId: Number(s.student_id),
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
    enrollments: (s.spans ?? []).map(([districtId, schoolId, startDate, endDate]) => ({
      districtId,
      schoolId,
      startDate,
      endDate,
      primary: true,
    })),
    totals: {
      daysEnrolled: s.days_enrolled ?? 0,
      daysPresent: s.days_present ?? 0,
      behaviorIncidents: s.behavior_incidents ?? 0,
      suspensionDays: s.suspension_days ?? 0,
      coursesFailed: s.courses_failed ?? 0,
      highSchoolCredits: s.high_school_credits ?? 0,
    },
  };
}

/** EWS tables whose planner statistics the statewide reads depend on. */
const EWS_READ_TABLES = ['student', 'enrollment', 'ews_term', 'ews_audit_year'];

/**
 * ANALYZEs the tables the statewide reads join when never analysed or changed by more than a tenth since
 * (autovacuum's rule; PGlite runs no autovacuum). Without statistics after a bulk load the planner nests
 * 80,000 index probes where one hash join is ten times faster.
 */
export async function analyzeStaleEwsTables(db: Executor): Promise<void> {
  const r = await sql<{ relname: string }>`SELECT relname FROM pg_stat_user_tables
    WHERE schemaname = current_schema() AND relname = ANY(${EWS_READ_TABLES}::text[])
      AND (n_mod_since_analyze > 50 + n_live_tup / 10
           OR (last_analyze IS NULL AND last_autoanalyze IS NULL AND n_mod_since_analyze > 0))
    ORDER BY relname`.execute(db);
  for (const t of r.rows) await sql`ANALYZE ${sql.table(t.relname)}`.execute(db);
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
