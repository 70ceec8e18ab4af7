/** HTTP edge of sign-in: the session cookie, password resets, the caller's notifications and API tokens. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLE_ACTIONS, type Principal } from '@bitterroot/core';
import {
  apiTokenSchema,
  createTokenSchema,
  notificationSchema,
  problemSchema,
  resetCompleteSchema,
  resetRequestSchema,
  sessionSchema,
  signInSchema,
} from '@bitterroot/contracts';
import { publicRoute, signedIn } from '../../http/access.ts';
import { SESSION_COOKIE } from '../../http/auth.ts';
import { notFound, problem, sendProblem } from '../../http/problems.ts';
import type { AccessService } from './access.service.ts';
import type { UsersService } from './users.service.ts';
import { badGrant, grantOf } from './grant-body.ts';

const idParams = z.object({ id: z.coerce.number().int() });

// A cached session hands out the same principal on every request; its actions are worked out once.
const actionsOf = new WeakMap<Principal['grants'], string[]>();

/** The session body the web app reads: who, which grants, which actions, and the CSRF token. */
export function sessionBody(principal: Principal, csrfToken: string | null) {
  let actions = actionsOf.get(principal.grants);
  if (!actions) {
    actions = [...new Set(principal.grants.flatMap((g) => ROLE_ACTIONS[g.role]))].sort();
    actionsOf.set(principal.grants, actions);
  }
  return { ...principal, grants: [...principal.grants], actions: [...actions], csrfToken };
}

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number) {
  // Secure whenever the request came over TLS (set `trustProxy` behind a terminating proxy); plain HTTP is only
  // for loopback development and tests.
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

/** Registers the session, password-reset, notification and token routes. */
export function accessRoutes(
  access: AccessService,
  users: UsersService,
  sessionHours: number,
  publicUrl: string,
): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/session',
      {
        ...publicRoute,
        schema: {
          tags: ['access'],
          summary: 'Sign in',
          body: signInSchema,
          response: { 200: sessionSchema },
        },
      },
      async (req, reply) => {
        const previous = req.cookies[SESSION_COOKIE];
        const outcome = await access.signIn(req.body.email, req.body.password, req.ip, req.id);
        if (outcome.kind === 'throttled') {
          reply.header('retry-after', String(outcome.retryAfterSeconds));
          return sendProblem(
            reply,
            problem(
              429,
              'too-many-attempts',
              'Too many attempts',
              req,
              `Wait ${outcome.retryAfterSeconds} seconds and try again.`,
            ),
          );
        }
        if (outcome.kind === 'locked')
          return sendProblem(
            reply,
            problem(
              423,
              'account-locked',
              'Account locked',
              req,
              'Too many failed attempts: try again later or reset your password.',
            ),
          );
        if (outcome.kind === 'invalid')
          return sendProblem(
            reply,
            problem(401, 'invalid-credentials', 'Sign-in failed', req, 'E-mail or password is wrong.'),
          );
        // A session cookie presented at sign-in is ended: a planted cookie never becomes a signed-in session.
        if (previous) await access.signOut(previous, null, req.id);
        setSessionCookie(req, reply, outcome.sessionToken, sessionHours * 3600);
        return sessionBody(outcome.principal, outcome.csrfToken);
      },
    );
    r.get(
      '/api/v1/session',
      {
        ...signedIn,
        schema: { tags: ['access'], summary: 'Who is signed in', response: { 200: sessionSchema } },
      },
      async (req) => sessionBody(req.principal!, req.sessionCsrf),
    );
    r.delete(
      '/api/v1/session',
      { ...signedIn, schema: { tags: ['access'], summary: 'Sign out' } },
      async (req, reply) => {
        const token = req.cookies[SESSION_COOKIE];
        if (token) await access.signOut(token, req.principal, req.id);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send();
      },
    );
    r.post(
      '/api/v1/password-resets',
      {
        ...publicRoute,
        schema: { tags: ['access'], summary: 'Send a password-reset link', body: resetRequestSchema },
      },
      async (req, reply) => {
        // The link's host is configuration: a forged Host header must not send someone's token elsewhere.
        await access.requestReset(req.body.email, (token) => `${publicUrl}/reset-password#${token}`);
        return reply.code(202).send({ status: 'If the account exists, a link is on its way.' });
      },
    );
    r.post(
      '/api/v1/password-resets/complete',
      {
        ...publicRoute,
        schema: {
          tags: ['access'],
          summary: 'Choose a new password with a reset token',
          body: resetCompleteSchema,
          response: { 204: z.null(), 400: problemSchema },
        },
      },
      async (req, reply) => {
        const outcome = await access.resetPassword(req.body.token, req.body.password, req.id);
        if (outcome.kind === 'invalid-token')
          return sendProblem(
            reply,
            problem(
              400,
              'invalid-token',
              'Link expired',
              req,
              'The link is used or expired: ask for a new one.',
            ),
          );
        if (outcome.kind === 'weak')
          return sendProblem(reply, problem(400, 'weak-password', 'Password too weak', req, outcome.reason));
        return reply.code(204).send(null);
      },
    );
    r.get(
      '/api/v1/me/notifications',
      {
        ...signedIn,
        schema: {
          tags: ['access'],
          summary: 'My notifications',
          response: { 200: z.object({ notifications: z.array(notificationSchema) }) },
        },
      },
      async (req) => ({
        notifications: (await users.notifications(req.principal!)).map((n) => ({
          ...n,
          link: n.link ?? null,
        })),
      }),
    );
    r.post(
      '/api/v1/me/notifications/:id/read',
      { ...signedIn, schema: { tags: ['access'], summary: 'Mark a notification read', params: idParams } },
      async (req, reply) =>
        (await users.markRead(req.principal!, req.params.id))
          ? reply.code(204).send()
          : notFound(reply, req, 'no such notification'),
    );
    r.get(
      '/api/v1/me/api-tokens',
      { ...signedIn, schema: { tags: ['access'], summary: 'My API tokens' } },
      async (req) => ({
        tokens: (await users.tokens(req.principal!)).map((t) => ({
          id: t.id,
          name: t.name,
          grant: { role: t.role, districtNumber: t.district_number, schoolNumber: t.school_number },
          createdAt: t.created_at,
          expiresAt: t.expires_at,
          lastUsedAt: t.last_used_at,
          revokedAt: t.revoked_at,
        })),
      }),
    );
    r.post(
      '/api/v1/me/api-tokens',
      {
        ...signedIn,
        schema: {
          tags: ['access'],
          summary: 'Create an API token (shown once)',
          body: createTokenSchema,
          response: { 201: apiTokenSchema.pick({ id: true, token: true, expiresAt: true }) },
        },
      },
      async (req, reply) => {
        const grant = grantOf(req.body.grant);
        if (!grant) return badGrant(req, reply);
        const outcome = await users.createToken(req.principal!, { ...req.body, grant }, req.id);
        if (outcome.kind !== 'done')
          return sendProblem(
            reply,
            problem(403, 'forbidden', 'Forbidden', req, 'reason' in outcome ? outcome.reason : ''),
          );
        return reply.code(201).send(outcome.value);
      },
    );
    r.delete(
      '/api/v1/me/api-tokens/:id',
      { ...signedIn, schema: { tags: ['access'], summary: 'Revoke an API token', params: idParams } },
      async (req, reply) =>
        (await users.revokeToken(req.principal!, req.params.id, req.id))
          ? reply.code(204).send()
          : notFound(reply, req, 'no such live token'),
    );
  };
}
