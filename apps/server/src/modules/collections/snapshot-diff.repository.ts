/**
 * Per-template differences between a certification snapshot and another snapshot or the live rows (decision
 * 0080): rows are matched by template and record key, and a row is changed when its digest differs.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { SNAPSHOT_SOURCES, snapshotTable } from './snapshot-sources.ts';
import { asArray, withDigestForms } from './snapshot.repository.ts';

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

/** The frozen rows of one snapshot as (template_id, record_key, digest), from every snapshot table. */
export function frozenDigests(snapshotId: number): RawBuilder<unknown> {
  return sql.join(
    [...SNAPSHOT_SOURCES.values()].map(
      (s) => sql`SELECT ${s.template}::text AS template_id, record_key, digest
        FROM ${sql.table(snapshotTable(s))} WHERE snapshot_id = ${snapshotId}`,
    ),
    sql` UNION ALL `,
  );
}

/**
 * Compares snapshot `from` with another snapshot or with live rows (`to`, see `liveRows`), per template, in one
 * statement: a row is changed when its digest differs (decision 0080).
 */
export async function diffSnapshot(
  db: Executor,
  from: number,
  to: { snapshot: number } | { live: RawBuilder<unknown> },
  keyLimit = 100,
): Promise<TemplateDiff[]> {
  const b =
    'snapshot' in to
      ? frozenDigests(to.snapshot)
      : sql`SELECT template_id, record_key, digest FROM (${to.live}) l`;
  const keys = (side: string, where: string) =>
    sql.raw(
      `to_jsonb((array_agg(${side}.record_key ORDER BY ${side}.record_key) FILTER (WHERE ${where}))[1:${keyLimit}])`,
    );
  const r = await withDigestForms(
    db,
    async (trx) =>
      await sql<Record<string, unknown>>`
    WITH a AS (${frozenDigests(from)}), b AS (${b})
    SELECT coalesce(a.template_id, b.template_id) AS template,
      count(*) FILTER (WHERE a.record_key IS NULL) AS added,
      count(*) FILTER (WHERE b.record_key IS NULL) AS removed,
      count(*) FILTER (WHERE a.digest <> b.digest) AS changed,
      count(*) FILTER (WHERE a.digest = b.digest) AS unchanged,
      ${keys('b', 'a.record_key IS NULL')} AS added_keys,
      ${keys('a', 'b.record_key IS NULL')} AS removed_keys,
      ${keys('a', 'a.digest <> b.digest')} AS changed_keys
    FROM a FULL JOIN b ON a.template_id = b.template_id AND a.record_key = b.record_key
    GROUP BY 1 ORDER BY 1`.execute(trx),
  );
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
