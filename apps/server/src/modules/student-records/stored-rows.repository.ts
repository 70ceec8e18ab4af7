/**
 * A page of a district's stored rows of one template, filtered by text and sorted (decision 0074): the rows the
 * extract would write (the same sources and cells), narrowed in SQL and read a keyset page at a time, so a district
 * with tens of thousands of roster lines is never sent whole. One statement per page.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Column, Template } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { cellOf, sourceOf, type ExtractScope, type Source } from './record-extract.repository.ts';

/** Where a page starts: the sort value and the key of the last row of the previous page. */
export type RowCursor = { s: string; k: number };

/** What to read: the filter over the searchable columns, the sort column, the page. */
export type RowSearch = {
  q?: string | undefined;
  searchable: readonly Column[];
  sort?: Column | undefined;
  descending: boolean;
  after?: RowCursor | undefined;
  limit: number;
};

/** A page of rows (template column order) with the count of all rows that match. */
export type RowPage = { rows: string[][]; total: number; next: RowCursor | null };

/**
 * A column's sort value as text that orders like the value: ISO dates, zero-padded numbers, lower-cased text.
 * Binary collation ("C"), so both databases order alike and the keyset comparison agrees with the sort.
 */
function sortValue(source: Source, column: Column | undefined): RawBuilder<unknown> {
  const expr = column && source.column(column.key);
  if (!column || !expr) return sql`''::text`;
  const typed =
    column.type === 'date'
      ? `to_char(${expr}, 'YYYY-MM-DD')`
      : column.type === 'integer' || column.type === 'decimal'
        ? `to_char(${expr}::numeric, 'FM000000000000.000000')`
        : `lower(${expr}::text)`;
  return sql.raw(`coalesce(${typed}, '') COLLATE "C"`);
}

/** Any searchable cell contains the text (case-insensitive; LIKE wildcards in the text match themselves). */
function textFilter(template: Template, source: Source, search: RowSearch, scope: ExtractScope) {
  const q = search.q?.trim();
  if (!q || search.searchable.length === 0) return sql`true`;
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const cells = search.searchable.map((c) => sql`${cellOf(template, source, c, scope)} ILIKE ${pattern}`);
  return sql`(${sql.join(cells, sql` OR `)})`;
}

/**
 * One page of the template's rows in the district and year. Undefined when the template is not a stored record
 * type. The matching keys and sort values are gathered first (`m`, also counted); only the page's rows are
 * joined again to build their cells.
 */
export async function storedRowPage(
  db: Executor,
  template: Template,
  scope: ExtractScope,
  search: RowSearch,
): Promise<RowPage | undefined> {
  const source = sourceOf(template, scope);
  if (!source) return undefined;
  const [a, key] = [sql.raw(source.alias), sql.raw(`${source.alias}.${source.key}`)];
  const dir = sql.raw(search.descending ? 'DESC' : 'ASC');
  const after = search.after
    ? search.descending
      ? sql`WHERE (s, k) < (${search.after.s} COLLATE "C", ${search.after.k}::bigint)`
      : sql`WHERE (s, k) > (${search.after.s} COLLATE "C", ${search.after.k}::bigint)`
    : sql``;
  const cells = template.columns.map(
    (c, i) => sql`${cellOf(template, source, c, scope)} AS ${sql.raw(`c${i}`)}`,
  );
  const result = await sql<
    Record<string, string | null> & { total: number; s: string | null; k: number | null }
  >`
    WITH m AS MATERIALIZED (
      SELECT ${key} AS k, ${sortValue(source, search.sort)} AS s
      FROM ${sql.raw(source.table)} ${a} ${source.joins}
      WHERE ${source.scope} AND ${source.filter} AND ${textFilter(template, source, search, scope)}
    ), p AS (
      SELECT k, s FROM m ${after} ORDER BY s ${dir}, k ${dir} LIMIT ${search.limit + 1}::int
    ), n AS (SELECT count(*)::int AS total FROM m)
    SELECT n.total, r.* FROM n LEFT JOIN (
      SELECT p.k, p.s, ${sql.join(cells)}
      FROM p JOIN ${sql.raw(source.table)} ${a} ON ${key} = p.k AND ${source.scope} ${source.joins}
    ) r ON true
    ORDER BY r.s ${dir}, r.k ${dir}`.execute(db);
  const total = result.rows[0]?.total ?? 0;
  const found = result.rows.filter((r) => r.k !== null);
  const width = template.columns.length;
  const rows = found
    .slice(0, search.limit)
    .map((r) => Array.from({ length: width }, (_, i) => r[`c${i}`] ?? ''));
  const last = found.length > search.limit ? found[search.limit - 1]! : null;
  return { rows, total, next: last ? { s: last.s ?? '', k: Number(last.k) } : null };
}
