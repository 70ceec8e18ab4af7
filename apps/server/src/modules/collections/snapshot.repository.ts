/**
 * Immutable certification snapshots (ARCHITECTURE §4 Certification; montana-aim.md §7.1 "Snapshot"): set-based
 * copies of districts' live rows into snapshot rows with a content hash computed in SQL, and per-template diffs.
 * The database refuses updates and deletes of snapshot rows itself (0007 triggers).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { rowColumns, type SnapshotSource } from './snapshot-sources.ts';

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

/** Each source table's columns in table order, from the catalog (the frozen row's fields, see `rowColumns`). */
export async function sourceColumns(
  db: Executor,
  sources: readonly SnapshotSource[],
): Promise<ReadonlyMap<string, readonly string[]>> {
  const tables = [...new Set(sources.map((s) => s.table))];
  if (tables.length === 0) return new Map();
  const r = await sql<{ table_name: string; columns: unknown }>`
    SELECT c.relname AS table_name, to_jsonb(array_agg(a.attname::text ORDER BY a.attnum)) AS columns
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.oid = ANY (SELECT to_regclass(t)::oid FROM unnest(${tables}::text[]) t)
      AND a.attnum > 0 AND NOT a.attisdropped
    GROUP BY 1`.execute(db);
  return new Map(r.rows.map((x) => [x.table_name, asArray(x.columns)]));
}

/** Live rows of `sources` as (district_number, template_id, record_key, row); all districts when null. */
export function liveRows(
  sources: readonly SnapshotSource[],
  districts: readonly string[] | null,
  /** One school year, or several (a prior-year collection freezes two, decision 0062). */
  schoolYear: number | readonly number[],
  columns: ReadonlyMap<string, readonly string[]>,
): RawBuilder<unknown> {
  if (sources.length === 0)
    return sql`SELECT NULL::text AS district_number, NULL::text AS template_id, NULL::text AS record_key,
      NULL::jsonb AS row WHERE false`;
  const parts = sources.map((s) => {
    const inDistricts =
      districts === null ? sql`true` : sql`${sql.raw(s.district)} IN (${sql.join([...districts])})`;
    const years = typeof schoolYear === 'number' ? [schoolYear] : [...schoolYear];
    const inYear = s.yearColumn === null ? sql`true` : sql`${sql.raw(s.yearColumn)} IN (${sql.join(years)})`;
    const fields = rowColumns(s, columns.get(s.table) ?? []);
    return sql`SELECT ${sql.raw(s.district)} AS district_number, ${s.template}::text AS template_id,
      ${sql.raw(s.key)} AS record_key, to_jsonb(x) AS row
      FROM ${sql.raw(s.from)} CROSS JOIN LATERAL (SELECT ${sql.raw(fields)}) x WHERE ${inDistricts} AND ${inYear}`;
  });
  return sql.join(parts, sql` UNION ALL `);
}

/** Above this many districts a snapshot builds its rows with parallel workers (decision 0079). */
const PARALLEL_BUILD_DISTRICTS = 8;

/**
 * Freezes the live rows of each target district and seals every header (decisions 0027, 0079). The rows are
 * built once, each with its digest `md5(template|key|row)`, into a transaction-local table: that statement may
 * use parallel workers, which a statement that also inserts may not, and building each row's jsonb is most of a
 * statewide snapshot's work. The rows are then inserted from it, and each header's hash is the md5 of its rows'
 * digests joined in the order template, record key, digest (decision 0048), so the seal needs no pass over the
 * frozen rows. The district's earlier snapshot of the event is then marked superseded (it is kept). Runs in
 * the caller's transaction, or in its own: the frozen-rows table lives only as long as the transaction.
 */
export async function takeSnapshots(db: Executor, input: SnapshotInput): Promise<Map<string, number>> {
  return db.isTransaction
    ? await freezeAndSeal(db, input)
    : await db.transaction().execute((trx) => freezeAndSeal(trx, input));
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
  await buildFrozenRows(
    db,
    ids,
    liveRows(input.sources, districts, input.schoolYear, columns),
    districts.length,
  );
  await sql`
    INSERT INTO certification_snapshot_row (snapshot_id, template_id, record_key, row)
    SELECT snapshot_id, template_id, record_key, row FROM snapshot_frozen`.execute(db);
  await sql`
    UPDATE certification_snapshot c SET content_hash = seal.hash, row_count = seal.n
    FROM (
      SELECT h.id,
        md5(coalesce(string_agg(f.digest, E'\n' ORDER BY f.template_id, f.record_key, f.digest), '')) AS hash,
        count(f.snapshot_id) AS n
      FROM certification_snapshot h LEFT JOIN snapshot_frozen f ON f.snapshot_id = h.id
      WHERE h.id IN (${sql.join(ids)}) GROUP BY h.id) seal
    WHERE c.id = seal.id`.execute(db);
  await sql`DROP TABLE snapshot_frozen`.execute(db);
  await sql`
    UPDATE certification_snapshot o SET superseded_at = now(), superseded_by = n.id
    FROM certification_snapshot n
    WHERE n.id IN (${sql.join(ids)}) AND o.event_id = n.event_id AND o.district_number = n.district_number
      AND o.id < n.id AND o.superseded_at IS NULL`.execute(db);
  return new Map(headers.map((h) => [h.district_number, h.id]));
}

/**
 * Builds the frozen rows of the snapshots `ids` with their digests into the transaction's `snapshot_frozen`
 * table. For many districts the planner is told that workers cost nothing to start or feed: it does not price
 * building jsonb, so it would otherwise build a statewide snapshot's rows on one core. The settings are restored.
 */
async function buildFrozenRows(
  db: Executor,
  ids: readonly number[],
  live: RawBuilder<unknown>,
  districtCount: number,
): Promise<void> {
  const parallel = districtCount >= PARALLEL_BUILD_DISTRICTS;
  // A statewide snapshot materialises a few hundred megabytes of rows; memory avoids spilling them to disk.
  await sql`SELECT set_config('work_mem', '256MB', true)`.execute(db);
  const saved = parallel ? await setParallelCosts(db, { setup: '0', tuple: '0' }) : null;
  await sql`
    CREATE TEMP TABLE snapshot_frozen ON COMMIT DROP AS
    SELECT h.id AS snapshot_id, l.template_id, l.record_key, l.row,
      md5(l.template_id || '|' || l.record_key || '|' || l.row::text) AS digest
    FROM (${live}) l JOIN certification_snapshot h ON h.district_number = l.district_number
    WHERE h.id IN (${sql.join(ids)})`.execute(db);
  if (saved) await setParallelCosts(db, saved);
}

/** Sets the planner's parallel setup and tuple costs for the transaction; returns the values they had. */
async function setParallelCosts(
  db: Executor,
  to: { setup: string; tuple: string },
): Promise<{ setup: string; tuple: string }> {
  const r = await sql<{ setup: string; tuple: string }>`
    SELECT current_setting('parallel_setup_cost') AS setup, current_setting('parallel_tuple_cost') AS tuple,
      set_config('parallel_setup_cost', ${to.setup}, true), set_config('parallel_tuple_cost', ${to.tuple}, true)`.execute(
    db,
  );
  return r.rows[0]!;
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

function asArray(v: unknown): string[] {
  return v === null || v === undefined ? [] : ((typeof v === 'string' ? JSON.parse(v) : v) as string[]);
}

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
