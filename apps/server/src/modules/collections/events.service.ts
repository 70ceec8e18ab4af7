/**
 * Certification events as the state runs them (montana-aim.md §7.1–§7.2 step 1, step 5 reopen): create, edit,
 * publish, close, reopen with notifications, extensions and reminders; and Type Membership for districts.
 */
import { eventTransition, type EventCommand, type MemberRole } from '@bitterroot/core';
import type { Profile } from '@bitterroot/contracts';
import { applyDistrictCommand, type CertificationDeps } from './certification.service.ts';
import { allDistricts, districtsInStatus } from './certification.repository.ts';
import {
  findEvent,
  ineligibleMembers,
  insertEvent,
  listEvents,
  membersOf,
  replaceMembers,
  updateEvent,
  upsertExtension,
  type EventContent,
  type EventRecord,
} from './events.repository.ts';
import { notifyMembers, recordAudit, recordTransition, type Actor } from './outbox.repository.ts';

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
      if (command === 'publish')
        await notifyMembers(trx, {
          eventId: id,
          districts: null,
          kind: 'event-published',
          subject: `Certification event published: ${(edit ?? event).name}`,
          body: `Certification opens ${event.certificationOpens}; due ${event.dueDate}.`,
          link: `/certification/${id}`,
        });
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
    /**
     * The state reopens an event (§7.2 step 5, seed S02): with `recertify`, districts that completed certification
     * must certify again; without, they are told no action is needed. An extension may be granted to all.
     */
    async reopen(
      id: number,
      input: { reason: string; recertify: boolean; extendUntil?: string | undefined },
      actor: Actor,
    ): Promise<
      { kind: 'done'; reopened: string[] } | { kind: 'refused'; reason: string } | { kind: 'not-found' }
    > {
      if (!input.reason.trim()) return { kind: 'refused', reason: 'Reopening an event needs a reason.' };
      return await db.transaction().execute(async (trx) => {
        const event = await findEvent(trx, id, true);
        if (!event || event.state === 'unpublished' || event.state === 'closed') return { kind: 'not-found' };
        const done = await districtsInStatus(trx, id, ['sent-to-state', 'approved']);
        if (input.extendUntil) {
          const all = await districtsInStatus(trx, id, [
            'not-started',
            'in-progress',
            'returned',
            'recertification-in-progress',
          ]);
          await upsertExtension(
            trx,
            id,
            input.recertify ? [...all, ...done] : all,
            input.extendUntil,
            input.reason,
            actor.userId,
          );
        }
        if (input.recertify)
          for (const d of done)
            await applyDistrictCommand(deps, trx, event, d, 'reopen', actor, { reason: input.reason });
        else
          await notifyMembers(trx, {
            eventId: id,
            districts: done,
            kind: 'event-reopened-no-action',
            subject: `${event.name} was reopened`,
            body: `Your district has already certified: no action is required. (${input.reason})`,
          });
        await recordTransition(trx, {
          eventId: id,
          district: null,
          command: 'reopen',
          from: event.state,
          to: event.state,
          reason: input.reason,
          actor,
          detail: { recertify: input.recertify, extendUntil: input.extendUntil ?? null, districts: done },
        });
        return { kind: 'done', reopened: input.recertify ? done : [] };
      });
    },
    /** Grants one district more time (§7.2 step 2: certifying after the due date needs an extension). */
    async extend(
      id: number,
      district: string,
      until: string,
      reason: string,
      actor: Actor,
    ): Promise<EventOutcome> {
      return await db.transaction().execute(async (trx) => {
        const event = await findEvent(trx, id);
        if (!event) return { kind: 'not-found' };
        await upsertExtension(trx, id, [district], until, reason, actor.userId);
        await recordTransition(trx, {
          eventId: id,
          district,
          command: 'extend',
          from: event.dueDate,
          to: until,
          reason,
          actor,
        });
        return { kind: 'done', event };
      });
    },
    /** Reminds primaries who have not certified yet (the cron calls it before due dates); returns how many. */
    async remind(id: number): Promise<number> {
      return await db.transaction().execute(async (trx) => {
        const event = await findEvent(trx, id);
        if (!event || (event.state !== 'published' && event.state !== 'unpublished-changes')) return 0;
        const done = new Set(
          await districtsInStatus(trx, id, ['sent-to-state', 'approved', 'recertification-requested']),
        );
        const all = await allDistricts(trx);
        return await notifyMembers(trx, {
          eventId: id,
          districts: all.filter((d) => !done.has(d)),
          uncertifiedOnly: true,
          kind: 'certification-reminder',
          subject: `Reminder: ${event.name} is due ${event.dueDate}`,
          body: `Please certify ${event.name} by ${event.dueDate}.`,
          link: `/certification/${id}`,
        });
      });
    },
    /** A district's Type Membership. */
    members: (district: string) => membersOf(db, district),
    /** Replaces a district's Type Membership; every member must be an active user with a role there (§7.1). */
    async setMembers(
      district: string,
      members: {
        userId: number;
        typeId: string;
        role: MemberRole;
        schoolNumber?: string | null | undefined;
      }[],
      actor: Actor,
    ): Promise<{ kind: 'done' } | { kind: 'refused'; reason: string }> {
      const unknown = members.filter((m) => !typeIds.has(m.typeId)).map((m) => m.typeId);
      if (unknown.length)
        return {
          kind: 'refused',
          reason: `Unknown certification type(s): ${[...new Set(unknown)].join(', ')}.`,
        };
      return await db.transaction().execute(async (trx) => {
        const bad = await ineligibleMembers(
          trx,
          district,
          members.map((m) => m.userId),
        );
        if (bad.length)
          return {
            kind: 'refused',
            reason: `Users ${bad.join(', ')} are not active users of district ${district}.`,
          };
        await replaceMembers(
          trx,
          district,
          members.map((m) => ({ ...m, schoolNumber: m.schoolNumber ?? null })),
          actor.userId,
        );
        await recordAudit(trx, actor, 'certification.membership', district, { members });
        return { kind: 'done' };
      });
    },
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
