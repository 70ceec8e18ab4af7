/** Student search, the state-ID lookup and the student record, always filtered by the caller's scope in SQL. */
import { sql } from 'kysely';
import type { ScopeFilter } from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';
import { readAudited, type AuditInput } from '../access/audit.repository.ts';
import type { StudentIdentity } from './student-record.repository.ts';

/** One search hit: enough to pick the right student, nothing more. */
export type StudentHit = {
  studentId: number;
  stateId: string;
  lastName: string;
  firstName: string;
  birthDate: string | null;
  districtNumber: string;
  localId: string | null;
};

/** SQL condition: the student is known to a district the scope covers (student_district), for school scopes through an enrollment. */
function inScope(
  scope: ScopeFilter,
  studentId: ReturnType<typeof sql.ref>,
  district: ReturnType<typeof sql.ref>,
) {
  if (scope.all) return sql<boolean>`true`;
  const districts = scope.districts.length ? scope.districts : ['~none~'];
  const schools = scope.schools.length ? scope.schools.map((s) => s.schoolNumber) : ['~none~'];
  const schoolDistricts = scope.schools.length ? scope.schools.map((s) => s.districtNumber) : ['~none~'];
  // A school also sees its district's students not yet enrolled anywhere in the district (new or transferring
  // in), so it can enroll them (decision 0054).
  return sql<boolean>`(${district} IN (${sql.join(districts)}) OR EXISTS (
    SELECT 1 FROM enrollment se WHERE se.student_id = ${studentId} AND se.school_number IN (${sql.join(schools)}))
    OR (${district} IN (${sql.join(schoolDistricts)}) AND NOT EXISTS (
      SELECT 1 FROM enrollment ue WHERE ue.student_id = ${studentId} AND ue.district_number = ${district})))`;
}

/**
 * Students by state ID, local ID or name prefix ("smi", "smith, jo"), limited to the scope. Name prefixes use the
 * `student_name_prefix` index (migration 0008).
 */
export async function searchStudents(
  db: Executor,
  scope: ScopeFilter,
  query: string,
  limit: number,
): Promise<StudentHit[]> {
  const q = query.trim();
  const [last, first] = q.split(',').map((s) => s.trim().toLowerCase());
  const byNumber = /^\d{1,9}$/.test(q);
  const escape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  const match = byNumber
    ? sql<boolean>`(s.state_id = ${q.padStart(9, '0')} OR sd.local_id = ${q})`
    : sql<boolean>`lower(s.last_name) LIKE ${`${escape(last ?? '')}%`}
        AND (${first ?? ''} = '' OR lower(s.first_name) LIKE ${`${escape(first ?? '')}%`})`;
  const rows = await sql<{
    student_id: number;
    state_id: string;
    last_name: string;
    first_name: string;
    birth_date: string | null;
    district_number: string;
    local_id: string | null;
  }>`
    SELECT s.id AS student_id, s.state_id, s.last_name, s.first_name, s.birth_date, sd.district_number, sd.local_id
    FROM student s JOIN student_district sd ON sd.student_id = s.id
    WHERE ${match} AND ${inScope(scope, sql.ref('s.id'), sql.ref('sd.district_number'))}
    ORDER BY lower(s.last_name), lower(s.first_name), s.state_id, sd.district_number
    LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => ({
    studentId: r.student_id,
    stateId: r.state_id,
    lastName: r.last_name,
    firstName: r.first_name,
    birthDate: r.birth_date,
    districtNumber: r.district_number,
    localId: r.local_id,
  }));
}

/** A state-ID lookup hit: name, birth date, state ID and last district, no other fields (issue 9 §2). */
export type StateIdHit = {
  stateId: string;
  lastName: string;
  firstName: string;
  birthDate: string | null;
  lastDistrict: string | null;
};

/**
 * The cross-district lookup a district needs to find a transferring child: exact birth date and name prefix. The
 * lookup's audit event is written by the same statement (decision 0073), committed without waiting for the WAL
 * flush (decision 0086).
 */
export async function lookupStateId(
  db: Executor,
  person: { lastName: string; firstName: string; birthDate: string },
  audit: AuditInput,
): Promise<StateIdHit[]> {
  const prefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await readAudited(
    db,
    sql<{
      ord: number;
      state_id: string;
      last_name: string;
      first_name: string;
      birth_date: string | null;
      last_district: string | null;
    }>`
    SELECT row_number() OVER (ORDER BY s.last_name, s.first_name, s.id)::int AS ord,
      s.state_id, s.last_name, s.first_name, s.birth_date,
      (SELECT e.district_number FROM enrollment e WHERE e.student_id = s.id ORDER BY e.start_date DESC, e.id DESC LIMIT 1) AS last_district
    FROM student s
    WHERE s.birth_date = ${person.birthDate}::date
      AND lower(s.last_name) LIKE ${prefix(person.lastName.trim().toLowerCase())}
      AND lower(s.first_name) LIKE ${prefix(person.firstName.trim().toLowerCase().slice(0, 1))}
    ORDER BY s.last_name, s.first_name, s.id LIMIT 20`,
    audit,
    { deferFlush: true },
  );
  return rows.map((r) => ({
    stateId: r.state_id,
    lastName: r.last_name,
    firstName: r.first_name,
    birthDate: r.birth_date,
    lastDistrict: r.last_district,
  }));
}

/**
 * One student's identity as the district knows it, when the student is known to the district (or, for school
 * scopes, enrolled in the school), and the read's audit event in the same statement (decision 0086): the event
 * commits before any other part of the record page is read, and a student outside the scope is neither read nor
 * logged.
 */
export async function readStudentAudited(
  db: Executor,
  scope: ScopeFilter,
  studentId: number,
  district: string,
  audit: AuditInput,
): Promise<StudentIdentity | undefined> {
  const rows = await readAudited(
    db,
    sql<{
      ord: number;
      id: number;
      state_id: string;
      last_name: string;
      first_name: string;
      middle_name: string | null;
      birth_date: string | null;
      gender: string | null;
      hispanic: boolean | null;
      race_codes: string | null;
      local_id: string | null;
    }>`
    SELECT 1 AS ord, s.id, s.state_id, s.last_name, s.first_name, s.middle_name, s.birth_date, s.gender,
      s.hispanic, s.race_codes, own.local_id
    FROM student s LEFT JOIN student_district own ON own.student_id = s.id AND own.district_number = ${district}
    WHERE s.id = ${studentId} AND EXISTS (SELECT 1 FROM student_district sd WHERE sd.student_id = s.id
      AND ${inScope(scope, sql.ref('sd.student_id'), sql.ref('sd.district_number'))})`,
    audit,
    { onlyWhenRead: true, deferFlush: true },
  );
  const r = rows[0];
  return (
    r && {
      studentId: r.id,
      stateId: r.state_id,
      lastName: r.last_name,
      firstName: r.first_name,
      middleName: r.middle_name,
      birthDate: r.birth_date,
      gender: r.gender,
      hispanic: r.hispanic,
      raceCodes: r.race_codes,
      localId: r.local_id,
    }
  );
}
