/** Certification events and extensions (montana-aim.md §7.1): all their SQL. */
import { sql, type RawBuilder } from 'kysely';
import type { EventState } from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';

/** What state staff write about an event (§7.1 "Event"); districts see the published copy of it. */
export type EventContent = {
  name: string;
  description: string;
  types: string[];
  level: 'district' | 'school';
  collectionId: string | null;
  validationGroup: string | null;
  validationRules: string[];
  templates: string[];
  eventStart: string;
  certificationOpens: string;
  dueDate: string;
};

/** A stored event. */
export type EventRecord = EventContent & {
  id: number;
  schoolYear: number;
  state: EventState;
  publishedContent: EventContent | null;
  updatedAt: string;
};

/** A text[] literal for both drivers (no reliance on how a driver serialises JS arrays). */
export function textArray(values: readonly string[]): RawBuilder<string[]> {
  return values.length === 0
    ? sql<string[]>`'{}'::text[]`
    : sql<string[]>`ARRAY[${sql.join(values)}]::text[]`;
}

function columns(c: EventContent) {
  return {
    name: c.name,
    description: c.description,
    types: textArray(c.types),
    level: c.level,
    collection_id: c.collectionId,
    validation_group: c.validationGroup,
    validation_rules: textArray(c.validationRules),
    templates: textArray(c.templates),
    event_start: c.eventStart,
    certification_opens: c.certificationOpens,
    due_date: c.dueDate,
  };
}

/** Stores a new, unpublished event and returns its id. */
export async function insertEvent(
  db: Executor,
  schoolYear: number,
  content: EventContent,
  createdBy: number | null,
): Promise<number> {
  const row = await db
    .insertInto('certification_event')
    .values({ ...columns(content), school_year: schoolYear, created_by: createdBy, published_content: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Rewrites an event's content and state; `published` is what districts keep seeing meanwhile (or null). */
export async function updateEvent(
  db: Executor,
  id: number,
  content: EventContent,
  state: EventState,
  published: EventContent | null,
): Promise<void> {
  await db
    .updateTable('certification_event')
    .set({
      ...columns(content),
      state,
      published_content: published === null ? null : JSON.stringify(published),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

type EventRow = {
  id: number;
  school_year: number;
  name: string;
  description: string;
  types: string[];
  level: string;
  collection_id: string | null;
  validation_group: string | null;
  validation_rules: string[];
  templates: string[];
  event_start: string;
  certification_opens: string;
  due_date: string;
  state: string;
  published_content: unknown;
  updated_at: string;
};

function toEvent(r: EventRow): EventRecord {
  const published =
    typeof r.published_content === 'string' ? JSON.parse(r.published_content) : r.published_content;
  return {
    id: r.id,
    schoolYear: r.school_year,
    name: r.name,
    description: r.description,
    types: r.types,
    level: r.level as EventContent['level'],
    collectionId: r.collection_id,
    validationGroup: r.validation_group,
    validationRules: r.validation_rules,
    templates: r.templates,
    eventStart: r.event_start,
    certificationOpens: r.certification_opens,
    dueDate: r.due_date,
    state: r.state as EventState,
    publishedContent: (published ?? null) as EventContent | null,
    updatedAt: r.updated_at,
  };
}

/** One event, optionally locked for the rest of the transaction. */
export async function findEvent(db: Executor, id: number, lock = false): Promise<EventRecord | null> {
  let q = db.selectFrom('certification_event').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toEvent(row as EventRow) : null;
}

/** A school year's events, oldest first; `visibleOnly` leaves out what districts may not see (§7.2 step 1). */
export async function listEvents(
  db: Executor,
  schoolYear: number,
  visibleOnly: boolean,
): Promise<EventRecord[]> {
  let q = db.selectFrom('certification_event').selectAll().where('school_year', '=', schoolYear);
  if (visibleOnly) q = q.where('state', 'in', ['published', 'unpublished-changes']);
  const rows = await q.orderBy('due_date').orderBy('id').execute();
  return rows.map((r) => toEvent(r as EventRow));
}

/** Grants or moves one district's extension of an event (§7.2 step 2). */
export async function upsertExtension(
  db: Executor,
  eventId: number,
  districts: readonly string[],
  until: string,
  reason: string,
  by: number | null,
): Promise<void> {
  if (districts.length === 0) return;
  await db
    .insertInto('certification_extension')
    .values(
      districts.map((d) => ({
        event_id: eventId,
        district_number: d,
        extended_until: until,
        reason,
        granted_by: by,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['event_id', 'district_number']).doUpdateSet({
        extended_until: (eb) => eb.ref('excluded.extended_until'),
        reason: (eb) => eb.ref('excluded.reason'),
        granted_by: (eb) => eb.ref('excluded.granted_by'),
        granted_at: sql`now()`,
      }),
    )
    .execute();
}
