/**
 * The generic commit of a record upload: staged text rows with their parents (`rec_parent`) become typed
 * rows (`rec_rows`), then one UPDATE for changed rows and one INSERT for new keys, inside the upload's one
 * transaction. Unchanged rows are not rewritten, so re-uploading a file (or its extract) changes nothing.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Column, Template } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { typedValue } from '../../db/staged-values.ts';
import { identityColumns, parentColumns, type RecordStore } from './record-stores.ts';
import { ANALYZE_FROM_ROWS } from './record-parents.repository.ts';

const IDENT = /^[a-z_][a-z0-9_]*$/;
const id = (name: string) => {
  if (!IDENT.test(name)) throw new Error(`unsafe identifier ${name}`);
  return name;
};

function columnOf(template: Template, key: string): Column {
  const c = template.columns.find((x) => x.key === key);
  if (!c)
    throw new Error(
      `template ${template.id} has no column ${key} (record store out of step with the profile)`,
    );
  return c;
}

/** A staged column as its typed value: dates and flags were typed while the file streamed (`v_<key>`). */
function stagedValue(column: Column, limit: number | undefined): string {
  if (column.type === 'date' || column.type === 'flag') return `s.v_${id(column.key)}`;
  return typedValue(column, { limit });
}

/** Builds `rec_rows`: one typed row per stored key (the last line wins when a file repeats a key). */
async function buildRows(db: Executor, store: RecordStore, template: Template, rows: number): Promise<void> {
  const typed = [...store.identity, ...store.data]
    .filter((k, i, all) => all.indexOf(k) === i)
    .map((k) => `${stagedValue(columnOf(template, k), store.truncate?.[k])} AS ${id(k)}`);
  const parents = parentColumns(store.parent).map((c) => `p.${id(c)}`);
  const distinct = identityColumns(store).map(id).join(', ');
  await sql
    .raw(
      `CREATE TEMP TABLE rec_rows ON COMMIT DROP AS
       SELECT DISTINCT ON (${distinct}) * FROM (
         SELECT p.line, ${[...parents, ...typed].join(', ')} FROM rec_parent p JOIN stage_upload s ON s.line = p.line
       ) q ORDER BY ${distinct}, line DESC`,
    )
    .execute(db);
  if (rows >= ANALYZE_FROM_ROWS) await sql`ANALYZE rec_rows`.execute(db);
}

function scopeOf(store: RecordStore, district: string, year: number, alias: string): RawBuilder<unknown> {
  return store.perYear
    ? sql`${sql.raw(alias)}.district_number = ${district} AND ${sql.raw(alias)}.school_year = ${year}::int`
    : sql`${sql.raw(alias)}.district_number = ${district}`;
}

function matchOf(store: RecordStore): string {
  return identityColumns(store)
    .map((c) => `t.${id(c)} = r.${id(c)}`)
    .join(' AND ');
}

/** The value an UPDATE writes for a column, honouring the store's keep rule. */
function newValue(store: RecordStore, col: string): string {
  if (!store.keep?.columns.includes(col)) return `r.${id(col)}`;
  return store.keep.when === 'filled'
    ? `coalesce(t.${id(col)}, r.${id(col)})`
    : `CASE WHEN t.end_date IS NOT NULL THEN t.${id(col)} ELSE r.${id(col)} END`;
}

const nextSeqSql = (batchId: number) =>
  sql`(SELECT coalesce(max(seq), 0) FROM ingestion_finding WHERE batch_id = ${batchId}::bigint)`;

/**
 * Section 504 (montana-aim.md §2.3.7): an upload will not create a record inside an existing record's date
 * range. Such rows are dropped from the merge and reported as warnings (the rest of the file still commits).
 */
async function skipOverlapping(
  db: Executor,
  store: RecordStore,
  template: Template,
  batchId: number,
  district: string,
): Promise<void> {
  const overlap = sql`FROM rec_rows r JOIN ${sql.raw(id(store.table))} t ON t.student_id = r.student_id AND t.district_number = ${district}
    AND t.start_date <> r.start_date AND t.start_date <= coalesce(r.end_date, 'infinity'::date) AND r.start_date <= coalesce(t.end_date, 'infinity'::date)`;
  await sql`INSERT INTO ingestion_finding (batch_id, seq, line, column_key, field_label, value, code, severity, message, fix)
    SELECT ${batchId}::bigint, ${nextSeqSql(batchId)} + row_number() OVER (ORDER BY r.line), r.line, 'start_date',
      ${columnOf(template, 'start_date').label}, to_char(r.start_date, 'MM/DD/YYYY'), 'REC-OVERLAP', 'warning',
      'Not created: an existing record from ' || to_char(min(t.start_date), 'MM/DD/YYYY') || coalesce(' to ' || to_char(max(t.end_date), 'MM/DD/YYYY'), '') || ' covers these dates',
      'Change the existing record''s dates if this is a new period; otherwise no action is needed.'
    ${overlap} GROUP BY r.line, r.start_date`.execute(db);
  await sql`DELETE FROM rec_rows WHERE line IN (SELECT r.line ${overlap})`.execute(db);
}

/** Values a keep rule protects: where the file differs from what is stored, say so (Fall CTE, Staff History). */
async function noteKeptValues(
  db: Executor,
  store: RecordStore,
  template: Template,
  batchId: number,
  district: string,
  year: number,
): Promise<void> {
  const keep = store.keep!;
  for (const col of keep.columns) {
    const c = id(col);
    const held = keep.when === 'filled' ? `t.${c} IS NOT NULL` : 't.end_date IS NOT NULL';
    const label = columnOf(template, col).label;
    await sql`INSERT INTO ingestion_finding (batch_id, seq, line, column_key, field_label, value, code, severity, message, fix)
      SELECT ${batchId}::bigint, ${nextSeqSql(batchId)} + row_number() OVER (ORDER BY r.line), r.line, ${col}, ${label}, r.${sql.raw(c)}::text,
        'REC-KEPT', 'warning', ${label} || ' stays ' || coalesce(t.${sql.raw(c)}::text, 'empty') || ': ' || ${
          keep.when === 'filled'
            ? 'existing values are never overwritten by an upload'
            : 'the stored record is closed'
        }::text, 'If the stored value is wrong, correct it on the student''s record; otherwise no action is needed.'
      FROM rec_rows r JOIN ${sql.raw(id(store.table))} t ON ${sql.raw(matchOf(store))} AND ${scopeOf(store, district, year, 't')}
      WHERE ${sql.raw(held)} AND r.${sql.raw(c)} IS NOT NULL AND t.${sql.raw(c)} IS DISTINCT FROM r.${sql.raw(c)}`.execute(
      db,
    );
  }
}

/** Counts of what a record commit did. */
export type MergeOutcome = { inserted: number; updated: number; unchanged: number; replaced: number };

/** Merges the staged rows of a store's template into its table (rec_parent must exist). */
export async function mergeRecords(
  db: Executor,
  store: RecordStore,
  template: Template,
  scope: { batchId: number; district: string; schoolYear: number },
  rows = Number.MAX_SAFE_INTEGER,
): Promise<MergeOutcome> {
  const { batchId, district, schoolYear: year } = scope;
  await buildRows(db, store, template, rows);
  const table = id(store.table);
  if (store.mode === 'upsert-unless-overlap') await skipOverlapping(db, store, template, batchId, district);
  if (store.keep) await noteKeptValues(db, store, template, batchId, district, year);
  let replaced = 0;
  if (store.mode === 'replace-year') {
    // The file replaces the year, but only rows it no longer has are deleted: rows it repeats are updated
    // or left alone like an upsert, so re-sending the same file (or its extract) changes nothing.
    const r =
      await sql`DELETE FROM ${sql.raw(table)} t WHERE ${scopeOf({ ...store, perYear: true }, district, year, 't')}
      AND NOT EXISTS (SELECT 1 FROM rec_rows r WHERE ${sql.raw(matchOf(store))})`.execute(db);
    replaced = Number(r.numAffectedRows ?? 0);
  }
  const data = store.data.filter((k) => !store.identity.includes(k));
  let updated = 0;
  if (data.length > 0) {
    const set = data.map((c) => `${id(c)} = ${newValue(store, c)}`).join(', ');
    const changed = `(${data.map((c) => `t.${id(c)}`).join(', ')}) IS DISTINCT FROM (${data.map((c) => newValue(store, c)).join(', ')})`;
    const r =
      await sql`UPDATE ${sql.raw(table)} t SET ${sql.raw(set)}, school_year = ${year}::int, batch_id = ${batchId}::bigint, updated_at = now()
      FROM rec_rows r WHERE ${sql.raw(matchOf(store))} AND ${scopeOf(store, district, year, 't')} AND ${sql.raw(changed)}`.execute(
        db,
      );
    updated = Number(r.numAffectedRows ?? 0);
  }
  const cols = [...parentColumns(store.parent), ...store.identity, ...data].filter(
    (c, i, all) => all.indexOf(c) === i,
  );
  const inserted = await sql`
    INSERT INTO ${sql.raw(table)} (${sql.raw(cols.map(id).join(', '))}, district_number, school_year, batch_id)
    SELECT ${sql.raw(cols.map((c) => `r.${id(c)}`).join(', '))}, ${district}, ${year}::int, ${batchId}::bigint FROM rec_rows r
    WHERE NOT EXISTS (SELECT 1 FROM ${sql.raw(table)} t WHERE ${sql.raw(matchOf(store))} AND ${scopeOf(store, district, year, 't')})`.execute(
    db,
  );
  const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM rec_rows`.execute(db);
  const i = Number(inserted.numAffectedRows ?? 0);
  return { inserted: i, updated, unchanged: total.rows[0]!.n - i - updated, replaced };
}

/** Deletes a district's rows of a store for one school year (an empty "load complete file" upload). */
export async function clearYear(
  db: Executor,
  store: RecordStore,
  district: string,
  year: number,
): Promise<number> {
  const r =
    await sql`DELETE FROM ${sql.raw(id(store.table))} t WHERE ${scopeOf({ ...store, perYear: true }, district, year, 't')}`.execute(
      db,
    );
  return Number(r.numAffectedRows ?? 0);
}

/** Records that a district sent a template for a year (also an explicit "nothing to report"). */
export async function recordSubmission(
  db: Executor,
  district: string,
  year: number,
  templateId: string,
  batchId: number,
  rows: number,
): Promise<void> {
  await sql`INSERT INTO record_submission (district_number, school_year, template_id, batch_id, rows)
    VALUES (${district}, ${year}::int, ${templateId}, ${batchId}::bigint, ${rows}::int)
    ON CONFLICT (district_number, school_year, template_id)
    DO UPDATE SET batch_id = excluded.batch_id, rows = excluded.rows, submitted_at = now()`.execute(db);
}
