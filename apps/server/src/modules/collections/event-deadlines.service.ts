/**
 * Deadlines of certification events (montana-aim.md §7.2 step 2 and step 5): the state reopens an event, grants a
 * district more time, and reminds primaries who have not certified yet.
 */
import { AWAITING_CERTIFICATION } from '@bitterroot/core';
import { applyDistrictCommand, type CertificationDeps } from './certification.service.ts';
import { allDistricts, districtsInStatus } from './certification.repository.ts';
import { findEvent, upsertExtension } from './events.repository.ts';
import type { EventOutcome } from './events.service.ts';
import { notifyMembers, recordTransition, type Actor } from './outbox.repository.ts';

/** What the state sends to reopen an event. */
export type ReopenInput = { reason: string; recertify: boolean; extendUntil?: string | undefined };

/** The outcome of a reopen: the districts that must certify again. */
export type ReopenOutcome =
  { kind: 'done'; reopened: string[] } | { kind: 'refused'; reason: string } | { kind: 'not-found' };

/** Builds the deadlines service. */
export function deadlinesService(deps: CertificationDeps) {
  const db = deps.database.db;
  return {
    /**
     * The state reopens an event (§7.2 step 5, seed S02): with `recertify`, districts that completed certification
     * must certify again; without, they are told no action is needed. An extension may be granted to all.
     */
    async reopen(id: number, input: ReopenInput, actor: Actor): Promise<ReopenOutcome> {
      if (!input.reason.trim()) return { kind: 'refused', reason: 'Reopening an event needs a reason.' };
      return await db.transaction().execute(async (trx) => {
        const event = await findEvent(trx, id, true);
        if (!event || event.state === 'unpublished' || event.state === 'closed') return { kind: 'not-found' };
        const done = await districtsInStatus(trx, id, ['sent-to-state', 'approved']);
        if (input.extendUntil) {
          const waiting = await districtsInStatus(trx, id, AWAITING_CERTIFICATION);
          const to = input.recertify ? [...waiting, ...done] : waiting;
          await upsertExtension(trx, id, to, input.extendUntil, input.reason, actor.userId);
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
  };
}

/** The deadlines service type. */
export type DeadlinesService = ReturnType<typeof deadlinesService>;
