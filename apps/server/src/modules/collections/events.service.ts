/**
 * Certification events as the state runs them (montana-aim.md §7.1–§7.2 step 1): create, edit, publish, close,
 * list. Deadlines (reopen, extensions, reminders) live in event-deadlines.service.ts, Type Membership in
 * membership.service.ts.
 */
import { eventTransition, type EventCommand } from '@bitterroot/core';
import type { Profile } from '@bitterroot/contracts';
import type { CertificationDeps } from './certification.service.ts';
import { insertNotStarted } from './certification.repository.ts';
import {
  findEvent,
  insertEvent,
  listEvents,
  updateEvent,
  type EventContent,
  type EventRecord,
} from './events.repository.ts';
import { notifyMembers, recordTransition, type Actor } from './outbox.repository.ts';

/** What state staff send to create or edit an event. */
export type EventInput = {
  name: string;
  description?: string | undefined;
  types: string[];
  level: 'district' | 'school';
  collectionId?: string | null | undefined;
  /** The collection whose rules gate certification (defaults to `collectionId`). */
  validationGroup?: string | null | undefined;
  eventStart: string;
  certificationOpens: string;
  dueDate: string;
};

/** An event outcome. */
export type EventOutcome =
  { kind: 'done'; event: EventRecord } | { kind: 'refused'; reason: string } | { kind: 'not-found' };

/** Extra dependencies: the profile (types, collections) and the rule ids of a validation group. */
export type EventsDeps = CertificationDeps & { profile: Profile; ruleIdsOf: (group: string) => string[] };

/** Builds the events service. */
export function eventsService(deps: EventsDeps) {
  const db = deps.database.db;
  const typeIds = new Set(deps.profile.calendar.certificationTypes.map((t) => t.id));
  const collections = new Map(deps.profile.calendar.collections.map((c) => [c.id, c]));

  function content(input: EventInput): EventContent | { reason: string } {
    const unknown = input.types.filter((t) => !typeIds.has(t));
    if (unknown.length) return { reason: `Unknown certification type(s): ${unknown.join(', ')}.` };
    const collectionId = input.collectionId ?? null;
    if (collectionId !== null && !collections.has(collectionId))
      return { reason: `Unknown collection ${collectionId}.` };
    const group = input.validationGroup ?? collectionId;
    if (group !== null && !collections.has(group)) return { reason: `Unknown validation group ${group}.` };
    if (!(input.eventStart <= input.certificationOpens && input.certificationOpens <= input.dueDate))
      return { reason: 'Dates must run event start ≤ certification opens ≤ due date.' };
    return {
      name: input.name,
      description: input.description ?? '',
      types: input.types,
      level: input.level,
      collectionId,
      validationGroup: group,
      validationRules: group === null ? [] : deps.ruleIdsOf(group),
      templates: collectionId === null ? [] : (collections.get(collectionId)?.templates ?? []),
      eventStart: input.eventStart,
      certificationOpens: input.certificationOpens,
      dueDate: input.dueDate,
    };
  }

  async function move(
    id: number,
    command: EventCommand,
    actor: Actor,
    edit?: EventContent,
  ): Promise<EventOutcome> {
    return await db.transaction().execute(async (trx) => {
      const event = await findEvent(trx, id, true);
      if (!event) return { kind: 'not-found' };
      const next = eventTransition(event.state, command, {
        hasTypes: event.types.length > 0,
        hasValidationGroup: event.validationGroup !== null,
      });
      if (!next.ok) return { kind: 'refused', reason: next.error.reason };
      // While changes are unpublished, districts keep the content they were shown (§7.2 step 1).
      const published: EventContent | null =
        next.value === 'unpublished-changes' ? (event.publishedContent ?? event) : null;
      await updateEvent(trx, id, edit ?? event, next.value, published === null ? null : pick(published));
      await recordTransition(trx, {
        eventId: id,
        district: null,
        command,
        from: event.state,
        to: next.value,
        actor,
      });
      if (command === 'publish') {
        // Every district's status row exists from publication on, so reads never write (a GET stays a read) and
        // a later reopen or extension finds the districts that have not started.
        await insertNotStarted(trx, id);
        await notifyMembers(trx, {
          eventId: id,
          districts: null,
          kind: 'event-published',
          subject: `Certification event published: ${(edit ?? event).name}`,
          body: `Certification opens ${event.certificationOpens}; due ${event.dueDate}.`,
          link: `/certification/${id}`,
        });
      }
      return { kind: 'done', event: (await findEvent(trx, id))! };
    });
  }

  return {
    /** Creates an unpublished event. */
    async create(schoolYear: number, input: EventInput, actor: Actor): Promise<EventOutcome> {
      const c = content(input);
      if ('reason' in c) return { kind: 'refused', reason: c.reason };
      return await db.transaction().execute(async (trx) => {
        const id = await insertEvent(trx, schoolYear, c, actor.userId);
        await recordTransition(trx, {
          eventId: id,
          district: null,
          command: 'create',
          from: '-',
          to: 'unpublished',
          actor,
        });
        return { kind: 'done', event: (await findEvent(trx, id))! };
      });
    },
    /** Edits an event: a published one gets Unpublished Changes until published again. */
    async edit(id: number, input: EventInput, actor: Actor): Promise<EventOutcome> {
      const c = content(input);
      if ('reason' in c) return { kind: 'refused', reason: c.reason };
      return await move(id, 'edit', actor, c);
    },
    /** Publishes (and notifies every member of the event's types). */
    publish: (id: number, actor: Actor) => move(id, 'publish', actor),
    /** Closes (hides from districts). */
    close: (id: number, actor: Actor) => move(id, 'close', actor),
    /** A school year's events; districts see only published ones, with the published content. */
    async list(schoolYear: number, forDistricts: boolean): Promise<EventRecord[]> {
      const events = await listEvents(db, schoolYear, forDistricts);
      return forDistricts ? events.map((e) => ({ ...e, ...(e.publishedContent ?? {}) })) : events;
    },
    /** One event. */
    get: (id: number) => findEvent(db, id),
  };
}

function pick(e: EventContent): EventContent {
  return {
    name: e.name,
    description: e.description,
    types: e.types,
    level: e.level,
    collectionId: e.collectionId,
    validationGroup: e.validationGroup,
    validationRules: e.validationRules,
    templates: e.templates,
    eventStart: e.eventStart,
    certificationOpens: e.certificationOpens,
    dueDate: e.dueDate,
  };
}

/** The events service type. */
export type EventsService = ReturnType<typeof eventsService>;
