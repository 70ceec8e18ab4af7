/**
 * Uploaded EWS student data (students not in the system, migration 0018, decision 0071): the rows to score
 * and their stored scores. Every read is scoped by district, or by school year for the statewide run.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** One uploaded row as the scorer reads it (model inputs only, no audit attributes). */
export type UploadedRow = {
  id: number;
  districtNumber: string;
  schoolYear: number;
  schoolNumber: string;
  localId: string;
  asOf: string;
  grade: number;
  birthDate: string;
  daysEnrolled: number;
  daysAbsent: number;
  behaviorEvents: number;
  suspensionDays: number;
  courseFailures: number;
  creditsEarned: number | null;
  schoolChangesThisYear: number;
  schoolChangesLastYear: number;
  districtChangesThisYear: number;
  districtChangesLastYear: number;
};

type Raw = Record<keyof UploadedRow, string | number | null>;

const SELECT = sql`u.id, u.district_number, u.school_year, u.school_number, u.student_local_id,
  to_char(u.as_of_date, 'YYYY-MM-DD') AS as_of, u.grade_level, to_char(u.birth_date, 'YYYY-MM-DD') AS birth_date,
  u.days_enrolled, u.days_absent, u.behavior_events, u.suspension_days, u.course_failures, u.credits_earned,
  u.school_changes_this_year, u.school_changes_last_year, u.district_changes_this_year, u.district_changes_last_year`;

function toRow(r: Record<string, unknown>): UploadedRow {
  const n = (k: string) => Number(r[k]);
  return {
    id: n('id'),
    districtNumber: String(r.district_number),
    schoolYear: n('school_year'),
    schoolNumber: String(r.school_number),
    localId: String(r.student_local_id),
    asOf: String(r.as_of),
    grade: n('grade_level'),
    birthDate: String(r.birth_date),
    daysEnrolled: n('days_enrolled'),
    daysAbsent: n('days_absent'),
    behaviorEvents: n('behavior_events'),
    suspensionDays: n('suspension_days'),
    courseFailures: n('course_failures'),
    creditsEarned: r.credits_earned === null ? null : n('credits_earned'),
    schoolChangesThisYear: n('school_changes_this_year'),
    schoolChangesLastYear: n('school_changes_last_year'),
    districtChangesThisYear: n('district_changes_this_year'),
    districtChangesLastYear: n('district_changes_last_year'),
  };
}

async function select(db: Executor, where: RawBuilder<unknown>): Promise<UploadedRow[]> {
  const r = await sql<Raw>`SELECT ${SELECT} FROM ews_uploaded_student u WHERE ${where} ORDER BY u.id`.execute(
    db,
  );
  return r.rows.map(toRow);
}

/** The rows an upload batch inserted or changed (the commit scores just those). */
export async function readUploadedOfBatch(db: Executor, batchId: number): Promise<UploadedRow[]> {
  return await select(db, sql`u.batch_id = ${batchId}::bigint`);
}

/** Every uploaded row of a school year (the statewide scoring run). */
export async function readUploadedOfYear(db: Executor, schoolYear: number): Promise<UploadedRow[]> {
  return await select(db, sql`u.school_year = ${schoolYear}::int`);
}

/**
 * Each uploaded student of a district (or school) at a date: their latest row of that school year with an
 * as-of date on or before it.
 */
export async function readUploadedAt(
  db: Executor,
  place: { district: string; school: string | null; schoolYear: number; asOf: string },
): Promise<UploadedRow[]> {
  const r = await sql<Raw>`SELECT DISTINCT ON (u.student_local_id) ${SELECT} FROM ews_uploaded_student u
    WHERE u.district_number = ${place.district} AND u.school_year = ${place.schoolYear}::int
      AND u.as_of_date <= ${place.asOf}::date ${place.school ? sql`AND u.school_number = ${place.school}` : sql``}
    ORDER BY u.student_local_id, u.as_of_date DESC`.execute(db);
  return r.rows.map(toRow);
}

/** One uploaded row's score. */
export type UploadedScore = {
  uploadedId: number;
  districtNumber: string;
  schoolYear: number;
  modelId: number;
  probability: number;
  band: string;
  reasons: string[];
};

/** Writes (or replaces) the scores of uploaded rows in one statement. */
export async function saveUploadedScores(db: Executor, scores: readonly UploadedScore[]): Promise<void> {
  if (scores.length === 0) return;
  const col = <T>(f: (s: UploadedScore) => T) => scores.map(f);
  await sql`INSERT INTO ews_uploaded_score (uploaded_id, district_number, school_year, model_id, probability, band, reasons)
    SELECT u.id, u.district, u.year, u.model, u.p, u.band, u.reasons::jsonb
    FROM unnest(${col((s) => s.uploadedId)}::bigint[], ${col((s) => s.districtNumber)}::text[],
      ${col((s) => s.schoolYear)}::int[], ${col((s) => s.modelId)}::bigint[], ${col((s) => s.probability)}::float8[],
      ${col((s) => s.band)}::text[], ${col((s) => JSON.stringify(s.reasons))}::text[])
      AS u(id, district, year, model, p, band, reasons)
    ON CONFLICT (uploaded_id) DO UPDATE SET model_id = excluded.model_id, probability = excluded.probability,
      band = excluded.band, reasons = excluded.reasons, scored_at = now()`.execute(db);
}

/** Uploaded students of a district (or school) in a school year that have a stored score. */
export async function countScoredUploaded(
  db: Executor,
  place: { district: string; school: string | null; schoolYear: number },
): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(DISTINCT u.student_local_id)::int AS n
    FROM ews_uploaded_student u JOIN ews_uploaded_score s ON s.uploaded_id = u.id
    WHERE u.district_number = ${place.district} AND u.school_year = ${place.schoolYear}::int
      ${place.school ? sql`AND u.school_number = ${place.school}` : sql``}`.execute(db);
  return r.rows[0]!.n;
}
