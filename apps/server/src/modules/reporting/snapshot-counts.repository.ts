/**
 * Count-date rows from certified snapshots (decision 0043): each district's current snapshot of the count's
 * collection, its frozen count rows joined to its frozen enrollments. The spring collection freezes no
 * demographics, so state ID and birth date come from the frozen demographics when the snapshot has them and
 * otherwise from the state's student record (identity the state keeps, not a district submission).
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { toCountRead, type CountRead, type RawCount } from './reporting.repository.ts';

/** Which collection and template hold a count in the snapshots (profile calendar data, resolved by the service). */
export type SnapshotCount = { collectionId: string; template: string; prefix: 'fall' | 'spring' };

/** The current (latest, sealed, not superseded) snapshot of each district for a collection and year. */
function currentSnapshots(collectionId: string, schoolYear: number) {
  return sql`
    SELECT DISTINCT ON (h.district_number) h.id, h.district_number
    FROM certification_snapshot h JOIN certification_event e ON e.id = h.event_id
    WHERE e.school_year = ${schoolYear} AND e.collection_id = ${collectionId}
      AND h.superseded_at IS NULL AND h.content_hash <> ''
    ORDER BY h.district_number, h.id DESC`;
}

/** The id of a district's current snapshot of a collection, or null when it has not certified it. */
export async function currentSnapshotId(
  db: Executor,
  collectionId: string,
  schoolYear: number,
  district: string,
): Promise<number | null> {
  const r = await sql<{ id: number }>`
    SELECT x.id::int AS id FROM (${currentSnapshots(collectionId, schoolYear)}) x
    WHERE x.district_number = ${district}`.execute(db);
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

/**
 * Frozen count-date rows of every district's current snapshot, or of one district's pupils across all current
 * snapshots (the one-pupil cap spans districts).
 */
export async function snapshotCountRows(
  db: Executor,
  count: SnapshotCount,
  schoolYear: number,
  district: string | null,
): Promise<CountRead[]> {
  const field = (name: string) => sql`c.row->>${`${count.prefix}_${name}`}`;
  const scope =
    district === null
      ? sql`true`
      : sql`c.row->>'student_id' IN (SELECT k.row->>'student_id' FROM k WHERE k.district_number = ${district})`;
  const r = await sql<RawCount>`
    WITH snap AS (${currentSnapshots(count.collectionId, schoolYear)}),
    k AS (
      SELECT r.snapshot_id, snap.district_number, r.row FROM certification_snapshot_row r
      JOIN snap ON snap.id = r.snapshot_id WHERE r.template_id = ${count.template})
    SELECT s.state_id, e.row->>'district_number' AS district_number, e.row->>'school_number' AS school_number,
      e.row->>'grade_level' AS grade_level,
      CASE WHEN d.row IS NULL THEN s.birth_date::text ELSE d.row->>'birth_date' END AS birth_date,
      e.row->>'service_type' AS service_type, e.row->>'start_date' AS start_date, e.row->>'end_date' AS end_date,
      (${field('aggregate_hours')})::float8 AS hours, (${field('absent')})::float8 AS absent,
      (c.row->>${`exclude_${count.prefix}_anb`})::boolean AS exclude,
      (e.row->>'extracurricular_only')::boolean AS extracurricular_only,
      coalesce((e.row->>'no_show')::boolean, false) AS no_show,
      (e.row->>'esa_participant')::boolean AS esa_participant,
      (e.row->>'age_19_20_eligible')::boolean AS age_19_20_eligible,
      e.row->>'early_literacy_program' AS early_literacy_program
    FROM k c
    JOIN certification_snapshot_row e ON e.snapshot_id = c.snapshot_id
      AND e.template_id = 'student-enrollment' AND e.record_key = c.row->>'enrollment_id'
    JOIN student s ON s.id = (c.row->>'student_id')::bigint
    LEFT JOIN certification_snapshot_row d ON d.snapshot_id = c.snapshot_id
      AND d.template_id = 'student-demographics' AND d.record_key = s.state_id
    WHERE ${scope}
    ORDER BY 2, 3, 1, 7`.execute(db);
  return r.rows.map(toCountRead);
}
