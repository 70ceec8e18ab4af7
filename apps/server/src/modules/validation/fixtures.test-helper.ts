/** Factories with overrides for validation db tests (ARCHITECTURE §5.8): students, enrollments, records. */
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';

/** A school calendar of the test year in some district. */
export type Place = { district: string; school: string; calendarId: number };

/** Two schools in two districts (and a second school in the first), from the initialised organisation. */
export async function places(database: Database): Promise<{ a: Place; a2: Place; b: Place }> {
  const r = await sql<{ district: string; school: string; calendar_id: number }>`
    SELECT s.district_number AS district, s.school_number AS school, min(c.id)::int AS calendar_id
    FROM school s JOIN calendar c ON c.school_number = s.school_number AND c.school_year = ${TEST_SCHOOL_YEAR}
    GROUP BY s.district_number, s.school_number ORDER BY s.district_number, s.school_number LIMIT 400`.execute(
    database.db,
  );
  const rows = r.rows.map((x) => ({ district: x.district, school: x.school, calendarId: x.calendar_id }));
  const byDistrict = new Map<string, Place[]>();
  for (const p of rows) byDistrict.set(p.district, [...(byDistrict.get(p.district) ?? []), p]);
  const multi = [...byDistrict.values()].filter((v) => v.length >= 2);
  const a = multi[0]![0]!;
  const a2 = multi[0]![1]!;
  const b = [...byDistrict.values()].find((v) => v[0]!.district !== a.district)![0]!;
  return { a, a2, b };
}

let seq = 0;

/** Inserts a student; returns its id and state ID. */
export async function buildStudent(
  database: Database,
  over: Partial<{
    state_id: string;
    last_name: string;
    first_name: string;
    birth_date: string | null;
    gender: string | null;
    hispanic: boolean | null;
    race_codes: string | null;
  }> = {},
): Promise<{ id: number; stateId: string }> {
  seq += 1;
  const row = await database.db
    .insertInto('student')
    .values({
      state_id: String(800000000 + seq * 7919).padStart(9, '0'),
      last_name: `Fixture${seq}`,
      first_name: 'Pat',
      birth_date: '2012-03-04',
      gender: 'F',
      hispanic: false,
      race_codes: 'W',
      ...over,
    })
    .returning(['id', 'state_id'])
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), stateId: row.state_id };
}

/** Enrollment columns a fixture may override. */
export type EnrollmentOver = Partial<{
  grade_level: string;
  start_date: string;
  start_status: string;
  end_date: string | null;
  end_status: string | null;
  service_type: string;
  drop_out_reason: string | null;
  military_connection_status: string | null;
  extracurricular_only: boolean | null;
  diploma_date: string | null;
  diploma_type: string | null;
  diploma_period: string | null;
  date_first_entered_9th_grade: string | null;
  age_19_20_eligible: boolean | null;
  early_literacy_program: string | null;
  school_year: number;
}>;

/** Inserts an enrollment of a student at a place; returns its id. */
export async function buildEnrollment(
  database: Database,
  studentId: number,
  at: Place,
  over: EnrollmentOver = {},
): Promise<number> {
  const row = await database.db
    .insertInto('enrollment')
    .values({
      student_id: studentId,
      district_number: at.district,
      school_number: at.school,
      calendar_id: at.calendarId,
      school_year: TEST_SCHOOL_YEAR,
      grade_level: '05',
      start_date: `${TEST_SCHOOL_YEAR - 1}-08-27`,
      start_status: '01',
      end_date: `${TEST_SCHOOL_YEAR}-06-05`,
      end_status: '160',
      service_type: 'P',
      ...over,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Inserts a row into a record table with its student, district and year filled in; returns its id. */
export async function buildRecord(
  database: Database,
  table: string,
  values: Record<string, unknown>,
): Promise<number> {
  const cols = Object.keys(values);
  const r = await sql<{
    id: number;
  }>`INSERT INTO ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))})
    VALUES (${sql.join(cols.map((c) => values[c]))}) RETURNING id`.execute(database.db);
  return Number(r.rows[0]!.id);
}
