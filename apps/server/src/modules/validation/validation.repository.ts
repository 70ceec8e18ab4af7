/**
 * Reading and acknowledging statewide findings. A district sees its own findings and the cross-district
 * findings it is party to (named as the other district), never another district's otherwise.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { lastSeenSql } from './validation-run.repository.ts';
import { findingLinks, type FindingLinks } from './finding-links.ts';

/** A finding row as the service maps it out. */
export type FindingRecord = {
  id: number;
  rule: string;
  severity: 'fatal' | 'warning' | 'info';
  district: string;
  otherDistrict: string | null;
  stateId: string | null;
  recordTable: string;
  recordId: number | null;
  message: string;
  firstSeen: string;
  lastSeen: string;
  resolvedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgementReason: string | null;
} & FindingLinks;

/** A finding as stored, with the ids its links are built from (never sent out). */
type StoredFinding = Omit<FindingRecord, keyof FindingLinks> & {
  studentId: number | null;
  otherStudentId: number | null;
  enrollmentId: number | null;
};

// Record tables whose rows belong to an enrollment (migration 0004): their fix form needs the enrollment too.
const ENROLLMENT_KEYED = [
  'behavior_event',
  'cte_follow_up',
  'eoy_attendance',
  'extracurricular_participation',
  'fall_count',
  'fram_eligibility',
  'instruction_mode',
  'program_participation',
  'spring_count',
  'test_accommodation',
];

/** The enrollment a finding's record belongs to: one primary-key probe of the record's own table. */
const enrollmentOf = sql`CASE f.record_table WHEN 'enrollment' THEN f.record_id ${sql.join(
  ENROLLMENT_KEYED.map(
    (t) => sql`WHEN ${t} THEN (SELECT x.enrollment_id FROM ${sql.table(t)} x WHERE x.id = f.record_id)`,
  ),
  sql` `,
)} END`;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The finding as a viewer (a district, or null for the owner's view) gets it: with links, without ids. */
function present(row: StoredFinding, viewer: string | null): FindingRecord {
  const { studentId, otherStudentId, enrollmentId, ...finding } = row;
  const recordId = num(row.recordId);
  const facts = {
    district: row.district,
    studentId: num(studentId),
    otherStudentId: num(otherStudentId),
    recordTable: row.recordTable,
    recordId,
    enrollmentId: num(enrollmentId),
  };
  return { ...finding, recordId, ...findingLinks(facts, viewer) };
}

/** Which findings to read. `rules` limits to a set (a collection's rules); `district` to one party. */
export type FindingFilter = {
  year: number;
  district?: string | undefined;
  severity?: string | undefined;
  rules?: string[] | undefined;
  status: 'open' | 'resolved' | 'all';
};

function where(f: FindingFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`f.school_year = ${f.year}::int`];
  if (f.district !== undefined)
    parts.push(sql`(f.district_number = ${f.district} OR f.other_district_number = ${f.district})`);
  if (f.severity !== undefined) parts.push(sql`f.severity = ${f.severity}`);
  if (f.rules !== undefined) parts.push(sql`f.rule_id = ANY(${f.rules}::text[])`);
  if (f.status === 'open') parts.push(sql`f.resolved_at IS NULL`);
  if (f.status === 'resolved') parts.push(sql`f.resolved_at IS NOT NULL`);
  return sql.join(parts, sql` AND `);
}

const iso = (c: string) => sql`to_char(${sql.ref(c)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const columns = sql`f.id::int AS id, f.rule_id AS rule, f.severity, f.district_number AS district, f.other_district_number AS "otherDistrict",
  f.state_id AS "stateId", f.record_table AS "recordTable", f.record_id::bigint AS "recordId", f.message,
  ${iso('f.first_seen')} AS "firstSeen",
  to_char((CASE WHEN f.resolved_at IS NULL THEN ${lastSeenSql('f')} ELSE f.last_seen END) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lastSeen", ${iso('f.resolved_at')} AS "resolvedAt",
  ${iso('f.acknowledged_at')} AS "acknowledgedAt", f.acknowledged_by AS "acknowledgedBy", f.acknowledgement_reason AS "acknowledgementReason",
  f.student_id AS "studentId", f.other_student_id AS "otherStudentId", ${enrollmentOf} AS "enrollmentId"`;

/** Counts by rule and severity of the findings a filter selects. */
export async function countByRule(
  db: Executor,
  filter: FindingFilter,
): Promise<{ rule: string; severity: 'fatal' | 'warning' | 'info'; count: number }[]> {
  const r = await sql<{ rule: string; severity: 'fatal' | 'warning' | 'info'; count: number }>`
    SELECT f.rule_id AS rule, f.severity, count(*)::int AS count FROM validation_finding f WHERE ${where(filter)}
    GROUP BY f.rule_id, f.severity ORDER BY f.rule_id`.execute(db);
  return r.rows;
}

/** One page of findings (or all of them when `limit` is null), fatal first. */
export async function listFindings(
  db: Executor,
  filter: FindingFilter,
  limit: number | null,
  offset = 0,
): Promise<FindingRecord[]> {
  const page = limit === null ? sql`` : sql`LIMIT ${limit}::int OFFSET ${offset}::int`;
  const r = await sql<StoredFinding>`SELECT ${columns} FROM validation_finding f WHERE ${where(filter)}
    ORDER BY CASE f.severity WHEN 'fatal' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.rule_id, f.id ${page}`.execute(
    db,
  );
  return r.rows.map((x) => present(x, filter.district ?? null));
}

/** Open finding counts per district and rule, statewide (the heat map). */
export async function findingMatrix(
  db: Executor,
  year: number,
): Promise<{ district: string; rule: string; severity: 'fatal' | 'warning' | 'info'; count: number }[]> {
  const r = await sql<{
    district: string;
    rule: string;
    severity: 'fatal' | 'warning' | 'info';
    count: number;
  }>`
    SELECT f.district_number AS district, f.rule_id AS rule, f.severity, count(*)::int AS count FROM validation_finding f
    WHERE f.school_year = ${year}::int AND f.resolved_at IS NULL
    GROUP BY f.district_number, f.rule_id, f.severity ORDER BY f.district_number, f.rule_id`.execute(db);
  return r.rows;
}

/** One finding by id, if the district is a party to it. */
export async function findingFor(
  db: Executor,
  id: number,
  district: string | null,
): Promise<FindingRecord | undefined> {
  const party =
    district === null
      ? sql`TRUE`
      : sql`(f.district_number = ${district} OR f.other_district_number = ${district})`;
  const r =
    await sql<StoredFinding>`SELECT ${columns} FROM validation_finding f WHERE f.id = ${id}::bigint AND ${party}`.execute(
      db,
    );
  return r.rows[0] && present(r.rows[0], district);
}

/** Records an acknowledgement on an open warning or info finding; false when it is not one. */
export async function acknowledgeFinding(
  db: Executor,
  id: number,
  by: string,
  reason: string,
): Promise<boolean> {
  const r =
    await sql`UPDATE validation_finding SET acknowledged_at = now(), acknowledged_by = ${by}, acknowledgement_reason = ${reason}
    WHERE id = ${id}::bigint AND severity <> 'fatal' AND resolved_at IS NULL`.execute(db);
  return Number(r.numAffectedRows ?? 0) === 1;
}

/** Whether a district exists. */
export async function districtExists(db: Executor, district: string): Promise<boolean> {
  const r = await db
    .selectFrom('district')
    .select('district_number')
    .where('district_number', '=', district)
    .executeTakeFirst();
  return r !== undefined;
}
