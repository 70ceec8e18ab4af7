/**
 * Immutable certification snapshots (ARCHITECTURE §4 Certification; montana-aim.md §7.1 "Snapshot"): set-based
 * copies of districts' live rows into typed snapshot tables, one per source table (decision 0080), each row with
 * its digest; the header's content hash sealed in SQL from the digests (decision 0048). Diffs:
 * snapshot-diff.repository.ts. The database refuses updates and deletes of snapshot rows itself (0019 triggers).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import {
  columnList,
  frozenRow,
  frozenSelect,
  presentColumns,
  snapshotTable,
  type SnapshotSource,
} from './snapshot-sources.ts';

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

/** Catalogued columns, in table order, of the sources' live tables and of their snapshot tables, by table. */
export type SourceColumns = ReadonlyMap<string, readonly string[]>;

/** Reads `SourceColumns` for `sources` from the catalog. */
export async function sourceColumns(
  db: Executor,
  sources: readonly SnapshotSource[],
): Promise<SourceColumns> {
  const tables = [...new Set(sources.flatMap((s) => [s.table, snapshotTable(s)]))];
  if (tables.length === 0) return new Map();
  const r = await sql<{ table_name: string; columns: unknown }>`
    SELECT c.relname AS table_name, to_jsonb(array_agg(a.attname::text ORDER BY a.attnum)) AS columns
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.oid = ANY (SELECT to_regclass(t)::oid FROM unnest(${tables}::text[]) t)
      AND a.attnum > 0 AND NOT a.attisdropped
    GROUP BY 1`.execute(db);
  return new Map(r.rows.map((x) => [x.table_name, asArray(x.columns)]));
}

/** Columns of a snapshot table that are bookkeeping of the snapshot, not the frozen row. */
const SNAPSHOT_META: ReadonlySet<string> = new Set(['snapshot_id', 'record_key', 'digest']);

/** The frozen columns of a source: its snapshot table's columns without the snapshot's own. */
export function frozenColumns(source: SnapshotSource, columns: SourceColumns): string[] {
  return (columns.get(snapshotTable(source)) ?? []).filter((c) => !SNAPSHOT_META.has(c));
}

/** Live rows of one source as (snapshot_district, record_key, frozen columns…); all districts when null. */
function liveSelect(
  s: SnapshotSource,
  districts: readonly string[] | null,
  schoolYear: number | readonly number[],
  columns: SourceColumns,
): RawBuilder<unknown> {
  const inDistricts =
    districts === null ? sql`true` : sql`${sql.raw(s.district)} IN (${sql.join([...districts])})`;
  const years = typeof schoolYear === 'number' ? [schoolYear] : [...schoolYear];
  const inYear = s.yearColumn === null ? sql`true` : sql`${sql.raw(s.yearColumn)} IN (${sql.join(years)})`;
  const fields = frozenSelect(s, frozenColumns(s, columns), columns.get(s.table) ?? []);
  return sql`SELECT ${sql.raw(s.district)} AS snapshot_district, ${sql.raw(s.key)} AS record_key, ${sql.raw(fields)}
    FROM ${sql.raw(s.from)} WHERE ${inDistricts} AND ${inYear}`;
}

/**
 * A frozen row's digest (decision 0080): md5 of template | record key | the row's text form, over the frozen
 * columns selected under `alias`. Computed under fixed text forms of dates and times (`withDigestForms`).
 */
function digestOf(s: SnapshotSource, alias: string, columns: readonly string[]): RawBuilder<string> {
  return sql<string>`md5(${s.template}::text || '|' || ${sql.raw(`${alias}.record_key`)} || '|' || ${sql.raw(
    frozenRow(alias, columns),
  )}::text)`;
}

/**
 * Live rows of `sources` as (district_number, template_id, record_key, digest), each digested as a snapshot of
 * it would be (for diffs against live data); all districts when null.
 */
export function liveRows(
  sources: readonly SnapshotSource[],
  districts: readonly string[] | null,
  /** One school year, or several (a prior-year collection freezes two, decision 0062). */
  schoolYear: number | readonly number[],
  columns: SourceColumns,
): RawBuilder<unknown> {
  if (sources.length === 0)
    return sql`SELECT NULL::text AS district_number, NULL::text AS template_id, NULL::text AS record_key,
      NULL::text AS digest WHERE false`;
  const parts = sources.map(
    (
      s,
    ) => sql`SELECT x.snapshot_district AS district_number, ${s.template}::text AS template_id, x.record_key,
      ${digestOf(s, 'x', frozenColumns(s, columns))} AS digest
      FROM (${liveSelect(s, districts, schoolYear, columns)}) x`,
  );
  return sql.join(parts, sql` UNION ALL `);
}

/**
 * Runs `f` with the text forms digests are computed under fixed for the transaction (ISO dates, UTC times,
 * default float and interval output), whatever the session's settings, then restores them: a row digests the
 * same whoever freezes or diffs it.
 */
export async function withDigestForms<T>(db: Executor, f: (trx: Executor) => Promise<T>): Promise<T> {
  const run = async (trx: Executor) => {
    const forms = {
      DateStyle: 'ISO, YMD',
      TimeZone: 'UTC',
      IntervalStyle: 'postgres',
      extra_float_digits: '1',
    };
    const saved = await setSettings(trx, forms);
    const value = await f(trx);
    await setSettings(trx, saved);
    return value;
  };
  return db.isTransaction ? await run(db) : await db.transaction().execute(run);
}

/** Sets run-time settings for the transaction; returns the values they had. */
async function setSettings(db: Executor, to: Record<string, string>): Promise<Record<string, string>> {
  const names = Object.keys(to);
  const r = await sql<Record<string, string>>`SELECT ${sql.join(
    names.map(
      (n, i) =>
        sql`current_setting(${n}) AS ${sql.ref(`s${i}`)}, set_config(${n}, ${to[n]!}, true) AS ${sql.ref(`n${i}`)}`,
    ),
  )}`.execute(db);
  const row = r.rows[0]!;
  return Object.fromEntries(names.map((n, i) => [n, row[`s${i}`]!]));
}

/**
 * Freezes the live rows of each target district and seals every header (decisions 0027, 0080) in one statement:
 * each source's rows are inserted into its snapshot table by a plain INSERT … SELECT of columns, each with its
 * digest, and the inserted digests seal the headers: each header's hash is the md5 of its rows' digests joined in
 * the order template, record key, digest (decision 0048), so the seal reads no row back. The district's earlier
 * snapshot of the event is then marked superseded (it is kept). Runs in the caller's transaction, or in its own.
 */
export async function takeSnapshots(db: Executor, input: SnapshotInput): Promise<Map<string, number>> {
  return await withDigestForms(db, (trx) => freezeAndSeal(trx, input));
}

/** What `takeSnapshots` freezes: an event's source tables for some districts, each with its round. */
export type SnapshotInput = {
  eventId: number;
  schoolYear: number | readonly number[];
  takenBy: number | null;
  targets: readonly { district: string; round: number }[];
  sources: readonly SnapshotSource[];
};

async function freezeAndSeal(db: Executor, input: SnapshotInput): Promise<Map<string, number>> {
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
  const columns = await sourceColumns(db, input.sources);
  // A statewide snapshot's seal sorts a few hundred thousand digests; memory avoids spilling them to disk.
  await sql`SELECT set_config('work_mem', '256MB', true)`.execute(db);
  const inserts = input.sources.map((s, i) => {
    const cols = frozenColumns(s, columns);
    // Columns the live table no longer has are digested as NULL and left NULL (an untyped NULL cannot be inserted).
    const written = presentColumns(s, cols, columns.get(s.table) ?? []);
    return sql`${sql.ref(`i${i}`)} AS (
      INSERT INTO ${sql.table(snapshotTable(s))} (snapshot_id, record_key, digest, ${sql.raw(columnList(null, written))})
      SELECT h.id, x.record_key, ${digestOf(s, 'x', cols)}, ${sql.raw(columnList('x', written))}
      FROM (${liveSelect(s, districts, input.schoolYear, columns)}) x
      JOIN certification_snapshot h ON h.district_number = x.snapshot_district
      WHERE h.id IN (${sql.join(ids)})
      RETURNING snapshot_id, ${s.template}::text AS template_id, record_key, digest)`;
  });
  const frozen =
    inserts.length === 0
      ? sql`SELECT NULL::bigint AS snapshot_id, NULL::text AS template_id, NULL::text AS record_key,
          NULL::text AS digest WHERE false`
      : sql.join(
          input.sources.map((_, i) => sql`SELECT * FROM ${sql.ref(`i${i}`)}`),
          sql` UNION ALL `,
        );
  await sql`
    WITH ${sql.join([...inserts, sql`frozen AS (${frozen})`])}
    UPDATE certification_snapshot c SET content_hash = seal.hash, row_count = seal.n
    FROM (
      SELECT h.id,
        md5(coalesce(string_agg(f.digest, E'\n' ORDER BY f.template_id, f.record_key, f.digest), '')) AS hash,
        count(f.snapshot_id) AS n
      FROM certification_snapshot h LEFT JOIN frozen f ON f.snapshot_id = h.id
      WHERE h.id IN (${sql.join(ids)}) GROUP BY h.id) seal
    WHERE c.id = seal.id`.execute(db);
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

/** A jsonb array of strings as returned by either driver. */
export function asArray(v: unknown): string[] {
  return v === null || v === undefined ? [] : ((typeof v === 'string' ? JSON.parse(v) : v) as string[]);
}
