/** The append-only audit log: who did what, when (the table refuses updates and deletes itself). */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** One event to record. `detail` holds old → new values of writes and never passwords or tokens. */
export type AuditInput = {
  userId: number | null;
  actor: string;
  action: string;
  entity?: string | null;
  entityId?: string | null;
  districtNumber?: string | null;
  studentId?: number | null;
  requestId?: string | null;
  detail?: Record<string, unknown>;
};

/** A recorded event. */
export type AuditEvent = Required<Omit<AuditInput, 'detail'>> & {
  id: number;
  at: string;
  detail: Record<string, unknown>;
};

/** Appends events in one statement. */
export async function appendAudit(db: Executor, events: readonly AuditInput[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('audit_event')
    .values(
      events.map((e) => ({
        user_id: e.userId,
        actor: e.actor,
        action: e.action,
        entity: e.entity ?? null,
        entity_id: e.entityId ?? null,
        district_number: e.districtNumber ?? null,
        student_id: e.studentId ?? null,
        request_id: e.requestId ?? null,
        detail: JSON.stringify(e.detail ?? {}),
      })),
    )
    .execute();
}

/**
 * Runs a read and appends its audit event in one statement: one round trip instead of two for every audited
 * single-record read (decision 0073), and the event commits with the read, so no read is answered unrecorded.
 * The read must return an `ord` column giving its order; `detail.hits` is set to the number of rows read.
 * `onlyWhenRead` skips the event when the read found nothing (a record page that answers 404 showed no one).
 * `deferFlush` commits without waiting for the WAL flush (decision 0086): the event is still committed, and so
 * visible, before the read is answered; only a database crash in the next fraction of a second could lose it. It
 * applies to the statement's own transaction, so it is for autocommit reads (`db`), never inside a write's
 * transaction.
 */
export async function readAudited<R extends { ord: number }>(
  db: Executor,
  read: RawBuilder<R>,
  e: AuditInput,
  options: { onlyWhenRead?: boolean; deferFlush?: boolean } = {},
): Promise<R[]> {
  const when = options.onlyWhenRead ? sql`WHERE EXISTS (SELECT 1 FROM r)` : sql``;
  // Set inside the statement (local to its transaction, in force at its commit): no extra round trip.
  const flush = options.deferFlush
    ? sql`CROSS JOIN (SELECT set_config('synchronous_commit', 'off', true)) AS deferred`
    : sql``;
  const result = await sql<R>`
    WITH r AS MATERIALIZED (${read}),
    a AS (
      INSERT INTO audit_event (user_id, actor, action, entity, entity_id, district_number, student_id, request_id, detail)
      SELECT ${e.userId}::bigint, ${e.actor}, ${e.action}, ${e.entity ?? null}::text, ${e.entityId ?? null}::text,
        ${e.districtNumber ?? null}::text, ${e.studentId ?? null}::bigint, ${e.requestId ?? null}::text,
        ${JSON.stringify(e.detail ?? {})}::jsonb || jsonb_build_object('hits', (SELECT count(*)::int FROM r))
      FROM (SELECT 1) AS one ${flush}
      ${when}
    )
    SELECT * FROM r ORDER BY ord`.execute(db);
  return result.rows;
}

/** Filters of the audit search. */
export type AuditFilter = {
  action?: string | undefined;
  actor?: string | undefined;
  districtNumber?: string | undefined;
  studentId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  beforeId?: number | undefined;
};

/** Newest first, keyset-paged by id. */
export async function searchAudit(db: Executor, filter: AuditFilter): Promise<AuditEvent[]> {
  let q = db
    .selectFrom('audit_event')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(Math.min(filter.limit ?? 200, 10000));
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.actor) q = q.where('actor', 'ilike', `%${filter.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.districtNumber) q = q.where('district_number', '=', filter.districtNumber);
  if (filter.studentId !== undefined) q = q.where('student_id', '=', filter.studentId);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', sql<string>`${filter.to}::date + 1`);
  if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    districtNumber: r.district_number,
    studentId: r.student_id,
    requestId: r.request_id,
    detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail,
  }));
}
