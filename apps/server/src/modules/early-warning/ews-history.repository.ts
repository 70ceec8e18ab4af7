/**
 * One student's early-warning history: the stored score of each as-of date (the latest run of that date) and
 * the interventions recorded for the student in a district (migrations 0012 and 0017; decision 0066).
 */
import { sql } from 'kysely';
import type { EwsIntervention, EwsInterventionRequest, EwsRiskPoint } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';

/** A student found within a district (or one of its schools): id, state ID and display name. */
export type ScopedStudent = { studentId: number; stateId: string; name: string };

/**
 * The student with this state ID if they have ever been enrolled in the district (in the school, when one is
 * named): a district sees the history of its own students, never someone else's.
 */
export async function findStudentInScope(
  db: Executor,
  district: string,
  school: string | null,
  stateId: string,
): Promise<ScopedStudent | null> {
  const r = await sql<{ id: number; state_id: string; name: string }>`
    SELECT s.id, s.state_id, s.last_name || ', ' || s.first_name AS name FROM student s
    WHERE s.state_id = ${stateId} AND EXISTS (
      SELECT 1 FROM enrollment e WHERE e.student_id = s.id AND e.district_number = ${district}
        ${school ? sql`AND e.school_number = ${school}` : sql``})`.execute(db);
  const row = r.rows[0];
  return row ? { studentId: Number(row.id), stateId: row.state_id, name: row.name } : null;
}

/** The student's score at each as-of date of a stored run, oldest first. */
export async function readRiskHistory(db: Executor, studentId: number): Promise<EwsRiskPoint[]> {
  const r = await sql<{
    as_of: string;
    probability: number;
    band: EwsRiskPoint['band'];
    reasons: unknown;
    version: number;
    grade: number;
  }>`WITH runs AS (
      SELECT DISTINCT ON (as_of) id, as_of FROM ews_score_run ORDER BY as_of, started_at DESC, id DESC)
    SELECT r.as_of, s.probability, s.band, s.reasons, m.version, s.grade
    FROM runs r JOIN ews_score s ON s.run_id = r.id AND s.student_id = ${studentId}
    JOIN ews_model m ON m.id = s.model_id
    ORDER BY r.as_of`.execute(db);
  return r.rows.map((x) => ({
    asOf: x.as_of,
    probability: x.probability,
    band: x.band,
    reasons: (typeof x.reasons === 'string' ? JSON.parse(x.reasons) : x.reasons) as string[],
    modelVersion: x.version,
    grade: x.grade,
  }));
}

const INTERVENTION_COLUMNS = [
  'id',
  'started_on',
  'ended_on',
  'kind',
  'note',
  'school_number',
  'recorded_at',
] as const;

type InterventionRow = {
  id: number;
  started_on: string;
  ended_on: string | null;
  kind: string;
  note: string | null;
  school_number: string | null;
  recorded_at: string | Date;
};

function toIntervention(r: InterventionRow): EwsIntervention {
  return {
    id: Number(r.id),
    startedOn: r.started_on,
    endedOn: r.ended_on,
    kind: r.kind,
    note: r.note,
    schoolNumber: r.school_number,
    recordedAt: r.recorded_at instanceof Date ? r.recorded_at.toISOString() : String(r.recorded_at),
  };
}

/** Interventions recorded for the student by the district (by the school, when one is named), by start. */
export async function readInterventions(
  db: Executor,
  studentId: number,
  district: string,
  school: string | null,
): Promise<EwsIntervention[]> {
  let q = db
    .selectFrom('ews_intervention')
    .select(INTERVENTION_COLUMNS)
    .where('student_id', '=', studentId)
    .where('district_number', '=', district);
  if (school) q = q.where('school_number', '=', school);
  const rows = await q.orderBy('started_on').orderBy('id').execute();
  return rows.map((r) => toIntervention(r as InterventionRow));
}

/** Records an intervention; returns it as stored. */
export async function insertIntervention(
  db: Executor,
  at: { studentId: number; district: string; school: string | null; userId: number | null },
  body: EwsInterventionRequest,
): Promise<EwsIntervention> {
  const row = await db
    .insertInto('ews_intervention')
    .values({
      student_id: at.studentId,
      district_number: at.district,
      school_number: at.school,
      started_on: body.startedOn,
      ended_on: body.endedOn ?? null,
      kind: body.kind,
      note: body.note ?? null,
      recorded_by: at.userId,
    })
    .returning(INTERVENTION_COLUMNS)
    .executeTakeFirstOrThrow();
  return toIntervention(row as InterventionRow);
}
