/**
 * Immutable certification snapshots (ARCHITECTURE §4 Certification; montana-aim.md §7.1 "Snapshot"): set-based
 * copies of districts' live rows into snapshot rows with a content hash computed in SQL, and per-template diffs.
 * The database refuses updates and deletes of snapshot rows itself (0007 triggers).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { SnapshotSource } from './snapshot-sources.ts';

/** A snapshot header. */
export type SnapshotRecord = {
  id: number;
  eventId: number;
  district: string;
  round: number;
  contentHash: string;
  rowCount: number;
  takenAt: string;
  takenBy: number | null;
  supersededAt: string | null;
  supersededBy: number | null;
};

/** Live rows of `sources` as (district_number, template_id, record_key, row); all districts when null. */
export function liveRows(
  sources: readonly SnapshotSource[],
  districts: readonly string[] | null,
  schoolYear: number,
): RawBuilder<unknown> {
  if (sources.length === 0)
    return sql`SELECT NULL::text AS district_number, NULL::text AS template_id, NULL::text AS record_key,
      NULL::jsonb AS row WHERE false`;
  const parts = sources.map((s) => {
    const inDistricts =
      districts === null ? sql`true` : sql`${sql.raw(s.district)} IN (${sql.join([...districts])})`;
    const inYear = s.yearColumn === null ? sql`true` : sql`${sql.raw(s.yearColumn)} = ${schoolYear}`;
    return sql`SELECT ${sql.raw(s.district)} AS district_number, ${s.template}::text AS template_id,
      ${sql.raw(s.key)} AS record_key, ${sql.raw(s.row)} AS row
      FROM ${sql.raw(s.from)} WHERE ${inDistricts} AND ${inYear}`;
  });
  return sql.join(parts, sql` UNION ALL `);
}

/**
 * Freezes the live rows of each target district in one INSERT … SELECT, seals every header with the md5 of its
 * rows' digests in a canonical order (decision 0048: sorting and concatenating 32-character digests instead of
 * whole rows keeps a large district's seal in memory), and marks the district's earlier snapshot of the event
 * superseded (it is kept).
 */
export async function takeSnapshots(
  db: Executor,
  input: {
    eventId: number;
    schoolYear: number;
    takenBy: number | null;
    targets: readonly { district: string; round: number }[];
    sources: readonly SnapshotSource[];
  },
): Promise<Map<string, number>> {
  if (input.targets.length === 0) return new Map();
  const headers = await db
    .insertInto('certification_snapshot')
    .values(
      input.targets.map((t) => ({
        event_id: input.eventId,
        district_number: t.district,
        round: t.round,
        content_hash: '',
        row_count: 0,
        taken_by: input.takenBy,
      })),
    )
    .returning(['id', 'district_number'])
    .execute();
  const ids = headers.map((h) => h.id);
  const districts = headers.map((h) => h.district_number);
  await sql`
    INSERT INTO certification_snapshot_row (snapshot_id, template_id, record_key, row)
    SELECT h.id, l.template_id, l.record_key, l.row
    FROM (${liveRows(input.sources, districts, input.schoolYear)}) l
    JOIN certification_snapshot h ON h.district_number = l.district_number AND h.id IN (${sql.join(ids)})`.execute(
    db,
  );
  await sql`
    UPDATE certification_snapshot h SET content_hash = x.hash, row_count = x.n
    FROM (
      SELECT h2.id,
        md5(coalesce(string_agg(md5(r.template_id || '|' || r.record_key || '|' || r.row::text), E'\n'
          ORDER BY r.template_id, r.record_key, md5(r.row::text)), '')) AS hash,
        count(r.snapshot_id) AS n
      FROM certification_snapshot h2 LEFT JOIN certification_snapshot_row r ON r.snapshot_id = h2.id
      WHERE h2.id IN (${sql.join(ids)}) GROUP BY h2.id) x
    WHERE h.id = x.id`.execute(db);
  await sql`
    UPDATE certification_snapshot o SET superseded_at = now(), superseded_by = n.id
    FROM certification_snapshot n
    WHERE n.id IN (${sql.join(ids)}) AND o.event_id = n.event_id AND o.district_number = n.district_number
      AND o.id < n.id AND o.superseded_at IS NULL`.execute(db);
  return new Map(headers.map((h) => [h.district_number, h.id]));
}

function toSnapshot(r: {
  id: number;
  event_id: number;
  district_number: string;
  round: number;
  content_hash: string;
  row_count: number;
  taken_at: string;
  taken_by: number | null;
  superseded_at: string | null;
  superseded_by: number | null;
}): SnapshotRecord {
  return {
    id: r.id,
    eventId: r.event_id,
    district: r.district_number,
    round: r.round,
    contentHash: r.content_hash,
    rowCount: r.row_count,
    takenAt: r.taken_at,
    takenBy: r.taken_by,
    supersededAt: r.superseded_at,
    supersededBy: r.superseded_by,
  };
}

/** One snapshot header. */
export async function findSnapshot(db: Executor, id: number): Promise<SnapshotRecord | null> {
  const r = await db.selectFrom('certification_snapshot').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toSnapshot(r) : null;
}

/** A district's snapshots of an event, newest first. */
export async function snapshotsOf(
  db: Executor,
  eventId: number,
  district: string,
): Promise<SnapshotRecord[]> {
  const rows = await db
    .selectFrom('certification_snapshot')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('district_number', '=', district)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toSnapshot);
}

/** Per-template differences; keys are capped at `keyLimit` per kind. */
export type TemplateDiff = {
  template: string;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  addedKeys: string[];
  removedKeys: string[];
  changedKeys: string[];
};

const asArray = (v: unknown): string[] =>
  v === null || v === undefined ? [] : ((typeof v === 'string' ? JSON.parse(v) : v) as string[]);

/** Compares snapshot `from` with another snapshot or with live rows (`to`), per template, in one statement. */
export async function diffSnapshot(
  db: Executor,
  from: number,
  to: { snapshot: number } | { live: RawBuilder<unknown> },
  keyLimit = 100,
): Promise<TemplateDiff[]> {
  const b =
    'snapshot' in to
      ? sql`SELECT template_id, record_key, row FROM certification_snapshot_row WHERE snapshot_id = ${to.snapshot}`
      : sql`SELECT template_id, record_key, row FROM (${to.live}) l`;
  const keys = (side: string, where: string) =>
    sql.raw(
      `to_jsonb((array_agg(${side}.record_key ORDER BY ${side}.record_key) FILTER (WHERE ${where}))[1:${keyLimit}])`,
    );
  const r = await sql<Record<string, unknown>>`
    WITH a AS (SELECT template_id, record_key, row FROM certification_snapshot_row WHERE snapshot_id = ${from}),
    b AS (${b})
    SELECT coalesce(a.template_id, b.template_id) AS template,
      count(*) FILTER (WHERE a.record_key IS NULL) AS added,
      count(*) FILTER (WHERE b.record_key IS NULL) AS removed,
      count(*) FILTER (WHERE a.row <> b.row) AS changed,
      count(*) FILTER (WHERE a.row = b.row) AS unchanged,
      ${keys('b', 'a.record_key IS NULL')} AS added_keys,
      ${keys('a', 'b.record_key IS NULL')} AS removed_keys,
      ${keys('a', 'a.row <> b.row')} AS changed_keys
    FROM a FULL JOIN b ON a.template_id = b.template_id AND a.record_key = b.record_key
    GROUP BY 1 ORDER BY 1`.execute(db);
  return r.rows.map((x) => ({
    template: String(x.template),
    added: Number(x.added),
    removed: Number(x.removed),
    changed: Number(x.changed),
    unchanged: Number(x.unchanged),
    addedKeys: asArray(x.added_keys),
    removedKeys: asArray(x.removed_keys),
    changedKeys: asArray(x.changed_keys),
  }));
}
