/**
 * HTTP edge of user administration and the audit log. Listing needs `users:read` at the requested scope; changes
 * are checked in the service against the target account (no one manages or grants beyond what they hold).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  auditPageSchema,
  auditQuerySchema,
  createUserSchema,
  districtNumberSchema,
  grantSchema,
  userListSchema,
  userSchema,
} from '@bitterroot/contracts';
import { requires, signedIn, stateScope, type ScopeOf } from '../../http/access.ts';
import { notFound, problem, sendProblem } from '../../http/problems.ts';
import { toCsv, toXlsx } from '../ingestion/findings-export.ts';
import type { AdminOutcome, UsersService } from './users.service.ts';
import { badGrant, grantOf } from './grant-body.ts';

const idParams = z.object({ id: z.coerce.number().int() });
const listQuery = z.object({
  district: districtNumberSchema.optional(),
  search: z.string().max(100).optional(),
});

// Listing for one district needs users:read there; without a district it is the state's list.
const listScope: ScopeOf = (req) => {
  const district = (req.query as { district?: string }).district;
  return district ? { level: 'district', districtNumber: district } : { level: 'state' };
};

function send<T>(req: FastifyRequest, reply: FastifyReply, outcome: AdminOutcome<T>, status = 200) {
  if (outcome.kind === 'done') return reply.code(status).send(outcome.value);
  if (outcome.kind === 'not-found') return notFound(reply, req, 'no such account');
  const code = outcome.kind === 'forbidden' ? 403 : outcome.kind === 'conflict' ? 409 : 400;
  const titles = { forbidden: 'Forbidden', conflict: 'Conflict', invalid: 'Invalid request' } as const;
  return sendProblem(reply, problem(code, outcome.kind, titles[outcome.kind], req, outcome.reason));
}

/** Audit events as an export table (CSV/XLSX, formula-safe). */
export function auditTable(events: Awaited<ReturnType<UsersService['audit']>>) {
  return {
    sheet: 'Audit',
    header: [
      'Id',
      'At',
      'Actor',
      'Action',
      'Entity',
      'Entity id',
      'District',
      'Student id',
      'Request id',
      'Detail',
    ],
    rows: events.map((e) => [
      e.id,
      e.at,
      e.actor,
      e.action,
      e.entity,
      e.entityId,
      e.districtNumber,
      e.studentId,
      e.requestId,
      JSON.stringify(e.detail),
    ]),
  };
}

/** Registers the user administration and audit routes. */
export function usersRoutes(users: UsersService): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/v1/users',
      {
        ...requires('users:read', listScope),
        schema: {
          tags: ['access'],
          summary: 'Accounts in a district or the state',
          querystring: listQuery,
          response: { 200: userListSchema },
        },
      },
      async (req) => {
        const all = await users.list(req.principal!, req.query.search);
        const d = req.query.district;
        return { users: d ? all.filter((u) => u.grants.some((g) => g.districtNumber === d)) : all };
      },
    );
    r.post(
      '/api/v1/users',
      {
        ...signedIn,
        schema: {
          tags: ['access'],
          summary: 'Create an account with one role',
          body: createUserSchema,
          response: { 201: userSchema },
        },
      },
      async (req, reply) => {
        const grant = grantOf(req.body.grant);
        if (!grant) return badGrant(req, reply);
        return send(req, reply, await users.create(req.principal!, { ...req.body, grant }, req.id), 201);
      },
    );
    for (const [method, change] of [
      ['post', 'add'],
      ['delete', 'remove'],
    ] as const) {
      r[method](
        '/api/v1/users/:id/grants',
        {
          ...signedIn,
          schema: {
            tags: ['access'],
            summary: `${change === 'add' ? 'Grant' : 'Revoke'} a role`,
            params: idParams,
            body: grantSchema,
            response: { 200: userSchema },
          },
        },
        async (req, reply) => {
          const grant = grantOf(req.body);
          if (!grant) return badGrant(req, reply);
          return send(
            req,
            reply,
            await users.changeGrant(req.principal!, req.params.id, grant, change, req.id),
          );
        },
      );
    }
    for (const [path, active] of [
      ['deactivate', false],
      ['activate', true],
    ] as const) {
      r.post(
        `/api/v1/users/:id/${path}`,
        {
          ...signedIn,
          schema: {
            tags: ['access'],
            summary: `${active ? 'Reactivate' : 'Deactivate'} an account`,
            params: idParams,
            response: { 200: userSchema },
          },
        },
        async (req, reply) =>
          send(req, reply, await users.setActive(req.principal!, req.params.id, active, req.id)),
      );
    }
    r.get(
      '/api/v1/audit-events',
      {
        ...requires('audit:read', stateScope),
        schema: {
          tags: ['audit'],
          summary: 'Search the audit log',
          querystring: auditQuerySchema,
          response: { 200: auditPageSchema },
        },
      },
      async (req) => ({ events: await users.audit({ ...req.query, districtNumber: req.query.district }) }),
    );
    r.get(
      '/api/v1/audit-events.:format',
      {
        ...requires('audit:read', stateScope),
        schema: {
          tags: ['audit'],
          summary: 'The audit log as CSV or XLSX',
          params: z.object({ format: z.enum(['csv', 'xlsx']) }),
          querystring: auditQuerySchema,
        },
      },
      async (req, reply) => {
        const events = await users.audit({
          ...req.query,
          districtNumber: req.query.district,
          limit: req.query.limit ?? 10000,
        });
        await users.record(
          req.principal!,
          { action: 'export', entity: 'audit_event', detail: { rows: events.length } },
          req.id,
        );
        const table = auditTable(events);
        reply.header('content-disposition', `attachment; filename="audit.${req.params.format}"`);
        if (req.params.format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(table));
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(toXlsx(table));
      },
    );
  };
}
