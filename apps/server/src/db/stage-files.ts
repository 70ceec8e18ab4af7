/**
 * Whose rows `stage_upload` holds (decision 0082): one upload's, or a many-file wave's. A wave stages every
 * file of a template into the one table with the file's batch id as the column `batch_id`, and lists its
 * files in `upload_file w` (batch id, district, next finding number). The checks and commits are the same
 * statements either way; these fragments put the file into every join, grouping and key for a wave and
 * are the single upload's constants (or nothing) otherwise, so a single upload's SQL is unchanged.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from './database.ts';

/** One upload's rows (batch and district are constants), or a wave's (`batch_id` column, `upload_file w`). */
export type StageFiles = { batchId: number; district: string } | 'wave';

/** The district a staged row `s` was sent for: a parameter, or `w.district` of its file. */
export function districtOf(files: StageFiles): RawBuilder<unknown> {
  return files === 'wave' ? sql.raw('w.district') : sql`${files.district}::text`;
}

/** The batch of a row of `alias`: a parameter, or its `batch_id` column. */
export function batchOf(files: StageFiles, alias: string): RawBuilder<unknown> {
  return files === 'wave' ? sql.raw(`${alias}.batch_id`) : sql`${files.batchId}::bigint`;
}

/** `alias.batch_id, ` in a wave (to lead a select list, grouping or partition), nothing otherwise. */
export function fileColumn(files: StageFiles, alias?: string): RawBuilder<unknown> {
  return sql.raw(files === 'wave' ? `${alias ? `${alias}.` : ''}batch_id, ` : '');
}

/** ` AND a.batch_id = b.batch_id` in a wave: rows of two tables join within their file. */
export function sameFile(files: StageFiles, a: string, b: string): RawBuilder<unknown> {
  return sql.raw(files === 'wave' ? ` AND ${a}.batch_id = ${b}.batch_id` : '');
}

/** A row's identity: `alias.line`, or `(alias.batch_id, alias.line)` in a wave. */
export function rowKey(files: StageFiles, alias?: string): RawBuilder<unknown> {
  const a = alias ? `${alias}.` : '';
  return sql.raw(files === 'wave' ? `(${a}batch_id, ${a}line)` : `${a}line`);
}

/** The wave's file list joined to the rows of `alias` as `w` (nothing for one upload). */
export function joinFile(files: StageFiles, alias: string): RawBuilder<unknown> {
  return sql.raw(files === 'wave' ? ` JOIN upload_file w ON w.batch_id = ${alias}.batch_id` : '');
}

/** ` AND alias.batch_id = <one file>` in a wave when one file of it is meant, nothing otherwise. */
export function onlyFile(files: StageFiles, alias: string, batchId: number | undefined): RawBuilder<unknown> {
  return files === 'wave' && batchId !== undefined
    ? sql` AND ${sql.raw(alias)}.batch_id = ${batchId}::bigint`
    : sql``;
}

/**
 * Runs a data-changing statement and counts its rows per file: `returning` names each row's batch in the
 * statement's RETURNING (a wave), or the affected-row count is the one upload's.
 */
export async function countPerFile(
  db: Executor,
  files: StageFiles,
  statement: RawBuilder<unknown>,
  returning: RawBuilder<unknown>,
): Promise<Map<number, number>> {
  if (files !== 'wave') {
    const r = await statement.execute(db);
    return new Map([[files.batchId, Number(r.numAffectedRows ?? 0)]]);
  }
  const r = await sql<{ batch_id: number; n: number }>`
    WITH m AS (${statement} RETURNING ${returning} AS batch_id)
    SELECT batch_id, count(*)::int AS n FROM m GROUP BY batch_id`.execute(db);
  return new Map(r.rows.map((x) => [Number(x.batch_id), x.n]));
}

/** The count of one file (0 when it has none). */
export function countOf(counts: ReadonlyMap<number, number>, batchId: number): number {
  return counts.get(batchId) ?? 0;
}
