/**
 * Authentication and authorisation at the edge (issue 9): resolves the caller from the session cookie or a bearer
 * API token, enforces each route's access declaration (`access.ts`) with the one policy, and checks the CSRF
 * token on cookie-authenticated writes. Anything under /api/ without a declaration is refused (fail closed).
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '@bitterroot/core';
import type { AccessService } from '../modules/access/access.service.ts';
import { sameSecret } from '../modules/access/secrets.ts';
import type { RouteAccess } from './access.ts';
import { problem, sendProblem } from './problems.ts';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'bitterroot_session';
/** Header carrying the CSRF token on writes. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Registers the cookie parser and the authentication and authorisation hooks on the root instance. */
export async function registerAuth(app: FastifyInstance, access: AccessService): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('principal', null);
  app.decorateRequest('accessScope', null);
  app.decorateRequest('sessionCsrf', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      req.principal = await access.fromApiToken(bearer);
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await access.fromSession(token);
    if (session) {
      req.principal = session.principal;
      req.sessionCsrf = session.csrfToken;
    }
  });
  // Before body validation, so a caller without the right learns nothing from validation errors.
  app.addHook('preValidation', async (req, reply) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const rule = req.routeOptions.config?.access;
    return await enforce(req, reply, rule);
  });
}

async function enforce(req: FastifyRequest, reply: FastifyReply, rule: RouteAccess | undefined) {
  if (!rule) {
    req.log.error({ route: req.routeOptions.url }, 'route has no access declaration');
    return sendProblem(
      reply,
      problem(500, 'internal', 'Internal error', req, 'This route is not available.'),
    );
  }
  if (rule.kind === 'public') return;
  if (!req.principal) return deny(req, reply, 401, 'Sign in first.');
  const csrf = csrfProblem(req);
  if (csrf) return deny(req, reply, 403, csrf);
  if (rule.kind === 'signed-in') return;
  const scope = await rule.scope(req);
  if (!scope) return sendProblem(reply, problem(404, 'not-found', 'Not found', req, 'No such record.'));
  const denial = authorize(req.principal, rule.action, scope);
  if (denial) return deny(req, reply, 403, denial.message);
  req.accessScope = scope;
}

// Cookies ride along on cross-site requests; a write must also show the session's CSRF token, which another
// site cannot read. Bearer tokens are not sent automatically by browsers, so they need none.
function csrfProblem(req: FastifyRequest): string | null {
  if (SAFE_METHODS.has(req.method) || req.principal?.via !== 'session') return null;
  const given = req.headers[CSRF_HEADER];
  if (typeof given === 'string' && req.sessionCsrf && sameSecret(given, req.sessionCsrf)) return null;
  return 'Missing or wrong CSRF token: reload the page and try again.';
}

function deny(req: FastifyRequest, reply: FastifyReply, status: 401 | 403, detail: string) {
  const slug = status === 401 ? 'unauthenticated' : 'forbidden';
  return sendProblem(
    reply,
    problem(status, slug, status === 401 ? 'Not signed in' : 'Forbidden', req, detail),
  );
}
