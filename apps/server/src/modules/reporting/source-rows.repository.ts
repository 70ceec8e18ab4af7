/**
 * One relation per record table that reads either the live rows (a preview) or the rows frozen in the districts'
 * current certified snapshots of a collection (decisions 0043, 0049). Frozen rows live in a typed table per record
 * table with the same column names and types (decision 0080), so every report query is written once.
 */
import { sql, type RawBuilder } from 'kysely';
import type { ReportSource } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';

/** A record table and the upload template that freezes it. Static, trusted names only. */
export type RecordSource = { table: string; template: string };

/** The typed table of a record table's frozen rows (migration 0019). */
export const frozenTable = (record: RecordSource): string => `snapshot_${record.table}`;

/** The record tables the outcome reports and exports read. */
export const RECORDS = {
  enrollment: { table: 'enrollment', template: 'student-enrollment' },
  cte: { table: 'cte_pathway_participation', template: 'eoy-cte' },
  behavior: { table: 'behavior_event', template: 'behavior' },
  programs: { table: 'program_participation', template: 'program-participation' },
  english: { table: 'english_learner', template: 'english-learners' },
  fram: { table: 'fram_eligibility', template: 'fram' },
  section504: { table: 'section_504', template: 'section-504' },
  attendance: { table: 'eoy_attendance', template: 'eoy-attendance' },
} as const satisfies Record<string, RecordSource>;

/** The current (sealed, not superseded) snapshot of each district for a collection, in every school year. */
export function currentSnapshotsOf(
  collectionId: string,
): RawBuilder<{ id: number; district_number: string; school_year: number }> {
  return sql<{ id: number; district_number: string; school_year: number }>`
    SELECT DISTINCT ON (h.district_number, e.school_year) h.id, h.district_number, e.school_year
    FROM certification_snapshot h JOIN certification_event e ON e.id = h.event_id
    WHERE e.collection_id = ${collectionId} AND h.superseded_at IS NULL AND h.content_hash <> ''
    ORDER BY h.district_number, e.school_year, h.id DESC`;
}

/**
 * Which frozen rows of a prior-year collection a read takes (decision 0062): an event of year E freezes the
 * reported year E − 1 and, as re-enrolment evidence, year E. `reported` keeps each event's E − 1 rows only (a
 * cohort spanning years reads each year from the event that reported it); `event` keeps all rows of one event.
 */
export type FrozenYears = { reported: true } | { event: number };

/**
 * The rows of a record table as a FROM item: the live table, or the frozen rows of the current snapshots of
 * `collectionId` (a district that has not certified has no rows). Callers filter by year and district as usual.
 */
export function sourceRows(
  source: ReportSource,
  record: RecordSource,
  collectionId: string,
  years?: FrozenYears,
): RawBuilder<unknown> {
  if (source === 'live') return sql`(SELECT * FROM ${sql.table(record.table)})`;
  const which =
    years === undefined
      ? sql`true`
      : 'event' in years
        ? sql`snap.school_year = ${years.event}`
        : sql`r.school_year = snap.school_year - 1`;
  // A plain scan of the typed frozen rows: the table's columns (bookkeeping ones left out) plus the snapshot's
  // own (snapshot_id, record_key, digest), filtered and joined like the live table.
  return sql`(
    SELECT r.* FROM ${sql.table(frozenTable(record))} r
    JOIN (${currentSnapshotsOf(collectionId)}) snap ON snap.id = r.snapshot_id
    WHERE ${which})`;
}

/** Ids of the snapshots a certified report reads (for the report header), one per district and year. */
export async function snapshotIdsOf(
  db: Executor,
  collectionId: string,
  district: string | null,
): Promise<number[]> {
  const scope = district === null ? sql`true` : sql`x.district_number = ${district}`;
  const r = await sql<{ id: number }>`
    SELECT x.id::int AS id FROM (${currentSnapshotsOf(collectionId)}) x WHERE ${scope} ORDER BY 1`.execute(
    db,
  );
  return r.rows.map((x) => Number(x.id));
}
