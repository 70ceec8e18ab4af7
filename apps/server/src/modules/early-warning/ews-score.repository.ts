/** Stored scoring runs and the school-vs-state flag rates over time (migration 0012). */
import { sql } from 'kysely';
import type { RiskBand } from '@bitterroot/core';
import { copyInto, csvChunks, type Executor } from '../../db/database.ts';

/** One student's stored score. */
export type ScoreRow = {
  studentId: number;
  districtNumber: string;
  schoolNumber: string;
  grade: number;
  modelId: number;
  probability: number;
  band: RiskBand;
  reasons: string[];
};

/** Creates a run and COPYs its scores in; returns the run id. */
export async function insertScoreRun(
  db: Executor,
  run: { asOf: string; schoolYear: number; userId: number | null },
  scores: readonly ScoreRow[],
): Promise<number> {
  const { id } = await db
    .insertInto('ews_score_run')
    .values({
      as_of: run.asOf,
      school_year: run.schoolYear,
      started_by: run.userId,
      students: scores.length,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = scores.map((s) => [
    id,
    s.studentId,
    s.districtNumber,
    s.schoolNumber,
    s.grade,
    s.modelId,
    s.probability,
    s.band,
    JSON.stringify(s.reasons),
  ]);
  await copyInto(
    db,
    'ews_score',
    [
      'run_id',
      'student_id',
      'district_number',
      'school_number',
      'grade',
      'model_id',
      'probability',
      'band',
      'reasons',
    ],
    csvChunks(rows),
  );
  return id;
}

/** Flag rates at one as-of date (the latest run of that date) for the local scope and for the state. */
export type RatePoint = {
  asOf: string;
  localStudents: number;
  localHigh: number;
  localModerate: number;
  stateStudents: number;
  stateHigh: number;
  stateModerate: number;
};

/** Counts per as-of date of a district (or one of its schools) beside the state, one set-based query. */
export async function readRatesOverTime(
  db: Executor,
  districtNumber: string,
  schoolNumber: string | null,
): Promise<RatePoint[]> {
  const local = schoolNumber
    ? sql`s.district_number = ${districtNumber} AND s.school_number = ${schoolNumber}`
    : sql`s.district_number = ${districtNumber}`;
  const r = await sql<{
    as_of: string;
    local_students: number;
    local_high: number;
    local_moderate: number;
    state_students: number;
    state_high: number;
    state_moderate: number;
  }>`WITH runs AS (
      SELECT DISTINCT ON (as_of) id, as_of FROM ews_score_run ORDER BY as_of, started_at DESC, id DESC)
    SELECT r.as_of,
      count(*) FILTER (WHERE ${local})::int AS local_students,
      count(*) FILTER (WHERE ${local} AND s.band = 'high')::int AS local_high,
      count(*) FILTER (WHERE ${local} AND s.band = 'moderate')::int AS local_moderate,
      count(*)::int AS state_students,
      count(*) FILTER (WHERE s.band = 'high')::int AS state_high,
      count(*) FILTER (WHERE s.band = 'moderate')::int AS state_moderate
    FROM runs r JOIN ews_score s ON s.run_id = r.id
    GROUP BY r.as_of ORDER BY r.as_of`.execute(db);
  return r.rows.map((x) => ({
    asOf: x.as_of,
    localStudents: x.local_students,
    localHigh: x.local_high,
    localModerate: x.local_moderate,
    stateStudents: x.state_students,
    stateHigh: x.state_high,
    stateModerate: x.state_moderate,
  }));
}

/** Labels of the profile's race codes, for the audit's race/ethnicity groups. */
export async function readRaceLabels(db: Executor): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('code_value')
    .select(['code', 'label'])
    .where('code_set', '=', 'race')
    .execute();
  return new Map(rows.map((r) => [r.code, r.label]));
}

/** School years with enrollments in grades 6–12, with students and EWS terms on record. */
export async function readCohorts(db: Executor) {
  const r = await sql<{ school_year: number; students: number; terms: number }>`
    SELECT y.school_year,
      (SELECT count(DISTINCT student_id)::int FROM enrollment e WHERE e.school_year = y.school_year
         AND e.grade_level IN ('06','07','08','09','10','11','12')) AS students,
      (SELECT count(*)::int FROM ews_term t WHERE t.school_year = y.school_year) AS terms
    FROM (SELECT DISTINCT school_year FROM enrollment) y ORDER BY y.school_year`.execute(db);
  return r.rows.map((x) => ({ schoolYear: x.school_year, students: x.students, terms: x.terms }));
}
