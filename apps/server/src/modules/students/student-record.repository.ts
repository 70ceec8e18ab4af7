/** One student's record for the record page: identity, enrollments everywhere, this district's records, findings. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { STUDENT_RECORD_TABLES } from '../../db/student-tables.ts';
import { RECORD_STORES } from '../student-records/record-stores.ts';

/** Identity fields (PII: masked by the service until revealed). */
export type StudentIdentity = {
  studentId: number;
  stateId: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  gender: string | null;
  hispanic: boolean | null;
  raceCodes: string | null;
  localId: string | null;
};

/** An enrollment; other districts' enrollments carry only district and dates. */
export type EnrollmentLine = {
  districtNumber: string;
  districtName: string;
  schoolYear: number;
  startDate: string;
  endDate: string | null;
  own: boolean;
  schoolNumber: string | null;
  schoolName: string | null;
  gradeLevel: string | null;
  startStatus: string | null;
  endStatus: string | null;
  serviceType: string | null;
  /** The district's own enrollments only: the stored row (named by template keys) for edit forms. */
  enrollmentId: number | null;
  calendarNumber: string | null;
  stored: Record<string, unknown> | null;
};

/** Enrollments across years and districts; details only for the viewing district's own. */
export async function enrollmentsOf(
  db: Executor,
  studentId: number,
  district: string,
): Promise<EnrollmentLine[]> {
  const rows = await sql<{
    district_number: string;
    district_name: string;
    school_year: number;
    start_date: string;
    end_date: string | null;
    own: boolean;
    school_number: string;
    school_name: string;
    grade_level: string;
    start_status: string;
    end_status: string | null;
    service_type: string;
    id: number;
    calendar_number: string;
    stored: Record<string, unknown> | string | null;
  }>`
    SELECT e.district_number, d.name AS district_name, e.school_year, e.start_date, e.end_date,
      e.district_number = ${district} AS own, e.school_number, sc.name AS school_name, e.grade_level,
      e.start_status, e.end_status, e.service_type, e.id, c.calendar_number,
      CASE WHEN e.district_number = ${district} THEN to_jsonb(e) - 'student_id' - 'batch_id' - 'calendar_id' END AS stored
    FROM enrollment e JOIN district d USING (district_number) JOIN school sc ON sc.school_number = e.school_number
    JOIN calendar c ON c.id = e.calendar_id
    WHERE e.student_id = ${studentId}
    ORDER BY e.start_date DESC, e.id DESC`.execute(db);
  return rows.rows.map((r) => ({
    districtNumber: r.district_number,
    districtName: r.district_name,
    schoolYear: r.school_year,
    startDate: r.start_date,
    endDate: r.end_date,
    own: r.own,
    schoolNumber: r.own ? r.school_number : null,
    schoolName: r.own ? r.school_name : null,
    gradeLevel: r.own ? r.grade_level : null,
    startStatus: r.own ? r.start_status : null,
    endStatus: r.own ? r.end_status : null,
    serviceType: r.own ? r.service_type : null,
    enrollmentId: r.own ? Number(r.id) : null,
    calendarNumber: r.own ? r.calendar_number : null,
    stored: typeof r.stored === 'string' ? (JSON.parse(r.stored) as Record<string, unknown>) : r.stored,
  }));
}

/** The district's records of the student in every student-keyed table, in one statement. */
export async function recordsOf(
  db: Executor,
  studentId: number,
  district: string,
): Promise<{ table: string; template: string | null; row: Record<string, unknown> }[]> {
  const parts = STUDENT_RECORD_TABLES.map(
    (t) => sql`SELECT ${t}::text AS tbl, to_jsonb(x) - 'student_id' - 'batch_id' AS row, x.school_year
      FROM ${sql.table(t)} x WHERE x.student_id = ${studentId} AND x.district_number = ${district}`,
  );
  const rows = await sql<{ tbl: string; row: Record<string, unknown> | string }>`
    SELECT tbl, row FROM (${sql.join(parts, sql` UNION ALL `)}) r ORDER BY school_year DESC, tbl`.execute(db);
  return rows.rows.map((r) => ({
    table: r.tbl,
    template: RECORD_STORES.find((s) => s.table === r.tbl)?.template ?? null,
    row: typeof r.row === 'string' ? (JSON.parse(r.row) as Record<string, unknown>) : r.row,
  }));
}

/** Open findings about the student that the district sees (its own and cross-district ones it is party to). */
export async function findingsOf(db: Executor, studentId: number, district: string) {
  return await db
    .selectFrom('validation_finding')
    .select([
      'id',
      'rule_id',
      'severity',
      'message',
      'district_number',
      'other_district_number',
      'first_seen',
      'acknowledged_at',
    ])
    .where((eb) => eb.or([eb('student_id', '=', studentId), eb('other_student_id', '=', studentId)]))
    .where((eb) => eb.or([eb('district_number', '=', district), eb('other_district_number', '=', district)]))
    .where('resolved_at', 'is', null)
    .orderBy('severity')
    .orderBy('rule_id')
    .execute();
}

/**
 * The newest 50 audit events about the student in the district (reads, reveals, entries). The student's events
 * are gathered first through `audit_event_student`: a large district has hundreds of thousands of events, and
 * a plan that intersects the district index with the student's (chosen when statistics lag the log's growth)
 * read all of them (78 ms against 0.3 ms on the Montana-scale benchmark state).
 */
export async function auditTrailOf(db: Executor, studentId: number, district: string) {
  const rows = await sql<{ at: string; actor: string; action: string }>`
    WITH mine AS MATERIALIZED (
      SELECT id, at, actor, action, district_number FROM audit_event WHERE student_id = ${studentId})
    SELECT at, actor, action FROM mine WHERE district_number = ${district} ORDER BY id DESC LIMIT 50`.execute(
    db,
  );
  return rows.rows;
}
