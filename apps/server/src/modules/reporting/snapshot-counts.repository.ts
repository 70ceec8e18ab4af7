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
  const field = (name: string) => sql.ref(`c.${count.prefix}_${name}`);
  const scope =
    district === null
      ? sql`true`
      : sql`c.student_id IN (SELECT k.student_id FROM k WHERE k.district_number = ${district})`;
  // Typed frozen rows (decision 0080): the count rows of each current snapshot joined to the same snapshot's
  // enrollments and demographics by record key, which the snapshot tables' (snapshot_id, record_key) index serves
  // (an enrollment's key is its id).
  const r = await sql<RawCount>`
    WITH snap AS (${currentSnapshots(count.collectionId, schoolYear)}),
    k AS (
      SELECT r.* FROM ${sql.table(`snapshot_${count.prefix}_count`)} r JOIN snap ON snap.id = r.snapshot_id)
    SELECT s.state_id, e.district_number, e.school_number, e.grade_level,
      CASE WHEN d.snapshot_id IS NULL THEN s.birth_date::text ELSE d.birth_date::text END AS birth_date,
      e.service_type, e.start_date::text AS start_date, e.end_date::text AS end_date,
      ${field('aggregate_hours')}::float8 AS hours, ${field('absent')}::float8 AS absent,
      ${sql.ref(`c.exclude_${count.prefix}_anb`)} AS exclude, e.extracurricular_only,
      coalesce(e.no_show, false) AS no_show, e.esa_participant, e.age_19_20_eligible, e.early_literacy_program
    FROM k c
    JOIN snapshot_enrollment e ON e.snapshot_id = c.snapshot_id AND e.record_key = c.enrollment_id::text
    JOIN student s ON s.id = c.student_id
    LEFT JOIN snapshot_student d ON d.snapshot_id = c.snapshot_id AND d.record_key = s.state_id
    WHERE ${scope}
    ORDER BY 2, 3, 1, 7`.execute(db);
  return r.rows.map(toCountRead);
}
