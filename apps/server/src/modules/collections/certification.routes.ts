/** HTTP edge of certification events, district certification commands and snapshots (montana-aim.md §7). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  certifySchema,
  districtNumberSchema,
  eventInputSchema,
  extensionSchema,
  membersInputSchema,
  optionalReasonSchema,
  reasonSchema,
  reopenSchema,
} from '@bitterroot/contracts';
import { readableScope } from '@bitterroot/core';
import { districtFromPath, requires, signedIn, stateScope, type ScopeOf } from '../../http/access.ts';
import { notFound, problem, sendProblem } from '../../http/problems.ts';
import type { CollectionsServices } from './collections.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const districtEvent = z.object({ id: z.coerce.number().int().positive(), district: districtNumberSchema });
const tags = ['certification'];

/** The caller as the services record it. */
export function actorOf(req: FastifyRequest) {
  return { userId: req.principal?.userId ?? null, name: req.principal?.displayName ?? 'anonymous' };
}

/** Maps a service outcome to a response: done → body, refused → 409 with the reason, not-found → 404. */
export function sendOutcome<T extends { kind: string }>(
  req: FastifyRequest,
  reply: FastifyReply,
  outcome: T,
  body: (done: T) => unknown,
) {
  if (outcome.kind === 'not-found') return notFound(reply, req, 'no such event, district or snapshot');
  if (outcome.kind === 'refused')
    return sendProblem(
      reply,
      problem(409, 'refused', 'Not allowed now', req, (outcome as unknown as { reason: string }).reason),
    );
  return reply.send(body(outcome));
}

/** Registers the certification routes on an instance. */
export function registerCertificationRoutes(app: FastifyInstance, s: CollectionsServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const manage = requires('collections:manage', stateScope);
  const snapshotScope: ScopeOf = async (req) => {
    const snap = await s.snapshots.get(Number((req.params as { id?: string }).id));
    return snap ? { level: 'district', districtNumber: snap.district } : null;
  };

  r.get(
    '/api/v1/certification-events',
    { ...signedIn, schema: { tags, summary: 'Events of the year (districts see published ones only)' } },
    async (req) => {
      const state = readableScope(req.principal, 'collections:manage').all;
      return { schoolYear: s.schoolYear, events: await s.events.list(s.schoolYear, !state) };
    },
  );
  r.post(
    '/api/v1/certification-events',
    { ...manage, schema: { tags, summary: 'Create an unpublished event', body: eventInputSchema } },
    async (req, reply) =>
      sendOutcome(req, reply, await s.events.create(s.schoolYear, req.body, actorOf(req)), (o) =>
        o.kind === 'done' ? o.event : null,
      ),
  );
  r.put(
    '/api/v1/certification-events/:id',
    { ...manage, schema: { tags, summary: 'Edit an event', params: idParams, body: eventInputSchema } },
    async (req, reply) =>
      sendOutcome(req, reply, await s.events.edit(req.params.id, req.body, actorOf(req)), (o) =>
        o.kind === 'done' ? o.event : null,
      ),
  );
  for (const action of ['publish', 'close'] as const)
    r.post(
      `/api/v1/certification-events/:id/${action}`,
      { ...manage, schema: { tags, summary: `${action} an event`, params: idParams } },
      async (req, reply) =>
        sendOutcome(req, reply, await s.events[action](req.params.id, actorOf(req)), (o) =>
          o.kind === 'done' ? o.event : null,
        ),
    );
  r.post(
    '/api/v1/certification-events/:id/reopen',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Reopen an event for certified districts',
        params: idParams,
        body: reopenSchema,
      },
    },
    async (req, reply) =>
      sendOutcome(req, reply, await s.deadlines.reopen(req.params.id, req.body, actorOf(req)), (o) => o),
  );
  r.post(
    '/api/v1/certification-events/:id/reminders',
    { ...manage, schema: { tags, summary: 'Remind primaries who have not certified', params: idParams } },
    async (req) => ({ queued: await s.deadlines.remind(req.params.id) }),
  );
  r.put(
    '/api/v1/certification-events/:id/districts/:district/extension',
    {
      ...manage,
      schema: { tags, summary: 'Extend a district’s last day', params: districtEvent, body: extensionSchema },
    },
    async (req, reply) => {
      const { id, district } = req.params;
      const out = await s.deadlines.extend(id, district, req.body.until, req.body.reason, actorOf(req));
      return sendOutcome(req, reply, out, () => ({ until: req.body.until }));
    },
  );

  const command = (
    path: string,
    action: 'certify' | 'certification:approve',
    body: z.ZodType,
    run: (id: number, d: string, req: FastifyRequest) => Promise<{ kind: string }>,
  ) =>
    r.post(
      `/api/v1/certification-events/:id/districts/:district/${path}`,
      { ...requires(action, districtFromPath), schema: { tags, summary: path, params: districtEvent, body } },
      async (req, reply) =>
        sendOutcome(req, reply, await run(req.params.id, req.params.district, req), (o) => o),
    );
  const reasonOf = (req: FastifyRequest) => (req.body as { reason?: string }).reason ?? '';
  command('certify', 'certify', certifySchema, (id, d, req) =>
    s.certification.certify(id, d, actorOf(req), (req.body as { nothingToReport: boolean }).nothingToReport),
  );
  command('approve', 'certification:approve', optionalReasonSchema, (id, d, req) =>
    s.certification.approve(id, d, actorOf(req), reasonOf(req)),
  );
  command('return', 'certification:approve', reasonSchema, (id, d, req) =>
    s.certification.returnToDistrict(id, d, actorOf(req), reasonOf(req)),
  );
  command('recertification-request', 'certify', reasonSchema, (id, d, req) =>
    s.certification.requestRecertification(id, d, actorOf(req), reasonOf(req)),
  );
  command('recertification-request/accept', 'certification:approve', optionalReasonSchema, (id, d, req) =>
    s.certification.acceptRecertification(id, d, actorOf(req), reasonOf(req)),
  );
  command('recertification-request/decline', 'certification:approve', reasonSchema, (id, d, req) =>
    s.certification.declineRecertification(id, d, actorOf(req), reasonOf(req)),
  );

  r.get(
    '/api/v1/certification-events/:id/districts/:district/snapshots',
    {
      ...requires('collections:read', districtFromPath),
      schema: { tags, summary: 'Snapshots, newest first', params: districtEvent },
    },
    async (req) => await s.snapshots.list(req.params.id, req.params.district),
  );
  r.get(
    '/api/v1/certification-events/:id/districts/:district/transitions',
    {
      ...requires('collections:read', districtFromPath),
      schema: { tags, summary: 'Transition log', params: districtEvent },
    },
    async (req) => await s.snapshots.transitions(req.params.id, req.params.district),
  );
  r.get(
    '/api/v1/snapshots/:id/diff',
    {
      ...requires('collections:read', snapshotScope),
      schema: {
        tags,
        summary: 'Records added, removed and changed per template (against another snapshot or live data)',
        params: idParams,
        querystring: z.object({
          against: z.union([z.literal('live'), z.coerce.number().int()]).default('live'),
        }),
      },
    },
    async (req, reply) => {
      const against = req.query.against === 'live' ? 'live' : { snapshot: req.query.against };
      return sendOutcome(req, reply, await s.snapshots.diff(req.params.id, against), (o) => o);
    },
  );
  r.get(
    '/api/v1/districts/:district/certification-members',
    {
      ...requires('collections:read', districtFromPath),
      schema: { tags, summary: 'Type Membership', params: z.object({ district: districtNumberSchema }) },
    },
    async (req) => ({ members: await s.membership.members(req.params.district) }),
  );
  r.put(
    '/api/v1/districts/:district/certification-members',
    {
      ...requires('membership:manage', districtFromPath),
      schema: {
        tags,
        summary: 'Replace Type Membership',
        params: z.object({ district: districtNumberSchema }),
        body: membersInputSchema,
      },
    },
    async (req, reply) => {
      const out = await s.membership.setMembers(req.params.district, req.body.members, actorOf(req));
      const members = out.kind === 'done' ? await s.membership.members(req.params.district) : [];
      return sendOutcome(req, reply, out, () => ({ members }));
    },
  );
}
