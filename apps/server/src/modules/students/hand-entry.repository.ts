/**
 * SQL of hand entry around the upload pipeline: which students a typed row names, whether they are enrolled in
 * a school (school users' scope), and before/after images of the live rows an entry may touch (for undo).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** A live row as `to_jsonb` gives it. */
export type LiveRow = Record<string, unknown>;

/** Where to look for rows an entry may touch: one student set in the district, or the district's year. */
export type SnapshotTarget =
  | { table: string; by: 'students'; district: string; studentIds: readonly number[] }
  | { table: string; by: 'district-year'; district: string; year: number }
  | { table: string; by: 'district'; district: string };

const IDENT = /^[a-z_][a-z0-9_]*$/;
/** Table names come from the record-store list, never from a request; checked anyway. */
export function tableRef(name: string): RawBuilder<unknown> {
  if (!IDENT.test(name)) throw new Error(`unsafe table name ${name}`);
  return sql.raw(name);
}

/** The key that identifies a live row of a table (student_district has no id of its own). */
export function rowKey(table: string, row: LiveRow): string {
  return table === 'student_district' ? String(row.student_id) : String(row.id);
}

function targetWhere(t: SnapshotTarget): RawBuilder<boolean> {
  if (t.by === 'district-year')
    return sql<boolean>`t.district_number = ${t.district} AND t.school_year = ${t.year}::int`;
  if (t.by === 'district') return sql<boolean>`t.district_number = ${t.district}`;
  const ids = t.studentIds.length ? t.studentIds.map(Number) : [-1];
  if (t.table === 'student') return sql<boolean>`t.id = ANY(${ids}::bigint[])`;
  return sql<boolean>`t.student_id = ANY(${ids}::bigint[]) AND t.district_number = ${t.district}`;
}

/** The rows of one target, at most `limit` + 1 (the caller refuses to keep an image that large). */
export async function snapshotRows(db: Executor, target: SnapshotTarget, limit: number): Promise<LiveRow[]> {
  const r = await sql<{ row: string }>`SELECT to_jsonb(t)::text AS row FROM ${tableRef(target.table)} t
    WHERE ${targetWhere(target)} LIMIT ${limit + 1}`.execute(db);
  return r.rows.map((x) => JSON.parse(x.row) as LiveRow);
}

/** Student ids the rows name by state ID (anywhere) or by local ID (in the district). */
export async function studentsNamed(
  db: Executor,
  district: string,
  stateIds: readonly string[],
  localIds: readonly string[],
): Promise<number[]> {
  const padded = stateIds.map((s) => s.trim().padStart(9, '0'));
  const r = await sql<{ id: number }>`
    SELECT s.id FROM student s WHERE s.state_id = ANY(${padded}::text[])
    UNION SELECT sd.student_id FROM student_district sd
    WHERE sd.district_number = ${district} AND sd.local_id = ANY(${localIds.map((l) => l.trim())}::text[])`.execute(
    db,
  );
  return r.rows.map((x) => Number(x.id));
}

/** Students issued a state ID by a batch (a creation the undo may take back). */
export async function studentsCreatedBy(db: Executor, batchId: number): Promise<number[]> {
  const r = await sql<{ student_id: number }>`
    SELECT student_id FROM ingestion_new_state_id WHERE batch_id = ${batchId}::bigint`.execute(db);
  return r.rows.map((x) => Number(x.student_id));
}

/**
 * The subset of students a school user of these schools may change: enrolled in one of them (any year), or
 * the district's own students not yet enrolled anywhere in the district (new or transferring in; decision 0054).
 */
export async function reachableFromSchools(
  db: Executor,
  district: string,
  studentIds: readonly number[],
  schools: readonly string[],
): Promise<number[]> {
  if (studentIds.length === 0 || schools.length === 0) return [];
  const r = await sql<{ student_id: number }>`
    SELECT sd.student_id FROM student_district sd
    WHERE sd.district_number = ${district} AND sd.student_id = ANY(${studentIds.map(Number)}::bigint[])
      AND (EXISTS (SELECT 1 FROM enrollment e WHERE e.student_id = sd.student_id AND e.district_number = ${district}
                     AND e.school_number = ANY(${[...schools]}::text[]))
        OR NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.student_id = sd.student_id AND e.district_number = ${district}))`.execute(
    db,
  );
  return r.rows.map((x) => Number(x.student_id));
}

/** The subset of students the district already knows (a student_district link). */
export async function linkedToDistrict(
  db: Executor,
  district: string,
  studentIds: readonly number[],
): Promise<number[]> {
  if (studentIds.length === 0) return [];
  const r = await sql<{ student_id: number }>`SELECT student_id FROM student_district
    WHERE district_number = ${district} AND student_id = ANY(${studentIds.map(Number)}::bigint[])`.execute(
    db,
  );
  return r.rows.map((x) => Number(x.student_id));
}

/** A possible existing identity for a new student: the lookup's fields only (issue 9 §2), plus what to score. */
export type CandidateIdentity = {
  stateId: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  gender: string | null;
  lastDistrict: string | null;
};

/** Everyone statewide born on one of the dates (the blocking step the upload's matching uses too). */
export async function identitiesBornOn(db: Executor, dates: readonly string[]): Promise<CandidateIdentity[]> {
  if (dates.length === 0) return [];
  const r = await sql<{
    state_id: string;
    last_name: string;
    first_name: string;
    middle_name: string | null;
    birth_date: string | null;
    gender: string | null;
    last_district: string | null;
  }>`SELECT s.state_id, s.last_name, s.first_name, s.middle_name, s.birth_date, s.gender,
      coalesce(
        (SELECT e.district_number FROM enrollment e WHERE e.student_id = s.id ORDER BY e.start_date DESC, e.id DESC LIMIT 1),
        (SELECT sd.district_number FROM student_district sd WHERE sd.student_id = s.id ORDER BY sd.district_number LIMIT 1)
      ) AS last_district
    FROM student s WHERE s.birth_date = ANY(${[...dates]}::date[])`.execute(db);
  return r.rows.map((x) => ({
    stateId: x.state_id,
    lastName: x.last_name,
    firstName: x.first_name,
    middleName: x.middle_name,
    birthDate: x.birth_date,
    gender: x.gender,
    lastDistrict: x.last_district,
  }));
}

/** A school calendar a student can be enrolled in. */
export type EnrollmentPlace = {
  schoolNumber: string;
  schoolName: string;
  calendarNumber: string;
  calendarName: string;
  lowGrade: string;
  highGrade: string;
};

/** The district's school calendars of a year, or only those of the given schools. */
export async function enrollmentPlaces(
  db: Executor,
  district: string,
  year: number,
  schools: readonly string[] | null,
): Promise<EnrollmentPlace[]> {
  const only = schools ? sql`AND s.school_number = ANY(${[...schools]}::text[])` : sql``;
  const r = await sql<{
    school_number: string;
    school_name: string;
    calendar_number: string;
    calendar_name: string;
    low_grade: string;
    high_grade: string;
  }>`SELECT s.school_number, s.name AS school_name, c.calendar_number, c.name AS calendar_name, s.low_grade, s.high_grade
    FROM school s JOIN calendar c ON c.school_number = s.school_number AND c.school_year = ${year}::int
    WHERE s.district_number = ${district} ${only}
    ORDER BY s.name, c.calendar_number`.execute(db);
  return r.rows.map((x) => ({
    schoolNumber: x.school_number,
    schoolName: x.school_name,
    calendarNumber: x.calendar_number,
    calendarName: x.calendar_name,
    lowGrade: x.low_grade,
    highGrade: x.high_grade,
  }));
}
