/**
 * Finding each staged row's parent (enrollment, student, staff, calendar, course, section) in one set-based
 * statement per upload, into the temp table `rec_parent` (line + parent ids). Rows without a parent are what
 * the "needs a parent" findings report, so validation and commit agree on what a row belongs to.
 * Enrollment matching follows montana-aim.md §4.3 (count files): the file's school and calendar in the
 * upload's year; the start date when the file names one; else the most recent primary enrollment, then the
 * partial or special-ed one; ties to the highest enrollment id.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { RecordStore } from './record-stores.ts';

const digits = (col: string, width: number) =>
  `CASE WHEN btrim(coalesce(s.${col}, '')) ~ '^[0-9]{1,${width}}$' THEN lpad(btrim(s.${col}), ${width}, '0') END`;

// `sid` is the staged, well-formed state ID (typed while the file streamed), the same value `digits` gives.
const studentJoin = `JOIN student x ON x.state_id = s.sid`;
const staffJoin = `JOIN staff y ON y.staff_state_id = ${digits('staff_state_id', 9)}`;

function calendarJoin(district: string, year: number): RawBuilder<unknown> {
  return sql`JOIN school sc ON sc.school_number = btrim(s.school_number) AND sc.district_number = ${district}
    JOIN calendar c ON c.school_number = sc.school_number AND c.school_year = ${year}::int AND c.calendar_number = btrim(s.calendar_number)`;
}

function sectionJoin(district: string, year: number): RawBuilder<unknown> {
  return sql`${calendarJoin(district, year)}
    JOIN course co ON co.calendar_id = c.id AND co.course_number = btrim(s.course_number)
    JOIN section se ON se.course_id = co.id AND se.section_number = btrim(s.section_number)`;
}

function enrollmentSelect(store: RecordStore, district: string, year: number): RawBuilder<unknown> {
  const selector = store.enrollmentSelector
    ? sql.raw(
        `AND (s.v_${store.enrollmentSelector} IS NULL OR e.start_date = s.v_${store.enrollmentSelector})`,
      )
    : sql``;
  const base = sql`FROM stage_upload s ${sql.raw(studentJoin)} ${calendarJoin(district, year)}
    JOIN enrollment e ON e.student_id = x.id AND e.calendar_id = c.id AND e.district_number = ${district} ${selector}`;
  if (store.parent === 'enrollments') return sql`SELECT s.line, e.id AS enrollment_id, e.student_id ${base}`;
  return sql`SELECT DISTINCT ON (s.line) s.line, e.id AS enrollment_id, e.student_id ${base}
    ORDER BY s.line, (e.service_type = 'P') DESC, e.start_date DESC, e.id DESC`;
}

/** The school year whose calendars a store's rows are matched in. */
export function matchYear(store: RecordStore, year: number): number {
  return year + (store.enrollmentYearOffset ?? 0);
}

function parentSelect(store: RecordStore, district: string, year: number): RawBuilder<unknown> {
  switch (store.parent) {
    case 'enrollment':
    case 'enrollments':
      return enrollmentSelect(store, district, matchYear(store, year));
    case 'student':
      // District-level records still need the student enrolled in the district that year (§4.2).
      return sql`SELECT s.line, x.id AS student_id FROM stage_upload s ${sql.raw(studentJoin)}
        WHERE EXISTS (SELECT 1 FROM enrollment e WHERE e.student_id = x.id AND e.district_number = ${district} AND e.school_year = ${year}::int)`;
    case 'staff':
      return sql`SELECT s.line, y.id AS staff_id FROM stage_upload s ${sql.raw(staffJoin)}`;
    case 'calendar':
      return sql`SELECT s.line, c.id AS calendar_id, sc.school_number FROM stage_upload s ${calendarJoin(district, year)}`;
    case 'course':
      return sql`SELECT s.line, co.id AS course_id FROM stage_upload s ${calendarJoin(district, year)}
        JOIN course co ON co.calendar_id = c.id AND co.course_number = btrim(s.course_number)`;
    case 'section-staff':
      return sql`SELECT s.line, se.id AS section_id, y.id AS staff_id FROM stage_upload s ${sectionJoin(district, year)} ${sql.raw(staffJoin)}`;
    case 'section-student':
      return sql`SELECT s.line, se.id AS section_id, x.id AS student_id FROM stage_upload s ${sectionJoin(district, year)} ${sql.raw(studentJoin)}`;
    case 'school':
      return sql`SELECT s.line FROM stage_upload s
        JOIN school sc ON sc.school_number = btrim(s.school_number) AND sc.district_number = ${district}`;
  }
}

/** Creates `rec_parent` (dropped at the end of the transaction) for the staged rows of a store's template. */
export async function resolveParents(
  db: Executor,
  store: RecordStore,
  district: string,
  year: number,
  rows = Number.MAX_SAFE_INTEGER,
): Promise<void> {
  // Created once per upload transaction, which drops it: no DROP first (a statement per file of thousands).
  await sql`CREATE TEMP TABLE rec_parent ON COMMIT DROP AS ${parentSelect(store, district, year)}`.execute(
    db,
  );
  // Small files (most districts' files) are hash-joined by line and planned well from the page count: the
  // index and the statistics would each cost a statement (the index a catalogue write) for nothing.
  if (rows >= ANALYZE_FROM_ROWS) {
    await sql`CREATE INDEX ON rec_parent (line)`.execute(db);
    await sql`ANALYZE rec_parent`.execute(db);
  }
}

/** Staged files at least this large get statistics on their resolved parents and typed rows. */
export const ANALYZE_FROM_ROWS = 1000;

/** Why a staged row has no parent, as SQL over the staged row `s` (for the finding's message). */
export function missingParentMessage(store: RecordStore, year: number, district: string): RawBuilder<string> {
  const noStudent = sql`NOT EXISTS (SELECT 1 FROM student x WHERE x.state_id = s.sid)`;
  const noStaff = sql`NOT EXISTS (SELECT 1 FROM staff y WHERE y.staff_state_id = ${sql.raw(digits('staff_state_id', 9))})`;
  const studentText = sql`'Student state ID ' || btrim(s.student_state_id) || ' is not known to the state'`;
  const staffText = sql`'Staff state ID ' || btrim(s.staff_state_id) || ' is not known to the state'`;
  const where = sql`' at school ' || btrim(s.school_number) || ', calendar ' || btrim(s.calendar_number) || ' in ' || ${String(matchYear(store, year))}::text`;
  switch (store.parent) {
    case 'enrollment':
    case 'enrollments':
      return sql`CASE WHEN ${noStudent} THEN ${studentText}
        ELSE 'No enrollment of this student' || ${where}${
          store.enrollmentSelector
            ? sql.raw(` || coalesce(' starting ' || nullif(btrim(s.${store.enrollmentSelector}), ''), '')`)
            : sql``
        } END`;
    case 'student':
      return sql`CASE WHEN ${noStudent} THEN ${studentText} ELSE 'The student has no enrollment in this district in ' || ${String(year)}::text END`;
    case 'staff':
      return staffText as RawBuilder<string>;
    case 'calendar':
      return sql`'School ' || btrim(s.school_number) || ' has no calendar ' || btrim(s.calendar_number) || ' in this district in ' || ${String(year)}::text`;
    case 'course':
      return sql`'No course ' || btrim(s.course_number) || ${where}`;
    case 'section-staff':
      return sql`CASE WHEN ${noStaff} THEN ${staffText} ELSE 'No section ' || btrim(s.section_number) || ' of course ' || btrim(s.course_number) || ${where} END`;
    case 'section-student':
      return sql`CASE WHEN ${noStudent} THEN ${studentText} ELSE 'No section ' || btrim(s.section_number) || ' of course ' || btrim(s.course_number) || ${where} END`;
    case 'school':
      return sql`'School ' || btrim(s.school_number) || ' is not a school of district ' || ${district}::text`;
  }
}

/** What to do about a missing parent, in the upload order of montana-aim.md §4.2. */
export function missingParentFix(store: RecordStore): string {
  switch (store.parent) {
    case 'enrollment':
    case 'enrollments':
    case 'student':
      return 'Upload Student Demographic and Student Enrollment for this student first, or correct the state ID, school, calendar or start date.';
    case 'staff':
      return 'Correct the staff state ID; staff new to Montana need a staff state ID from the state first.';
    case 'calendar':
      return 'Use a school and calendar of your district for this year.';
    case 'course':
      return 'Upload the Course file first (Course → Section → Staff History → Roster), or correct the course number.';
    case 'section-staff':
    case 'section-student':
      return 'Upload Course and Section first (Roster goes last), or correct the course, section or state ID.';
    case 'school':
      return 'Use a school number of your district (see the district page for the list).';
  }
}
