/**
 * Route access declarations (issue 9). Every API route states in its config who may call it: `publicRoute` for the
 * few that need no sign-in, or an action with the scope it targets. One hook enforces them, and a route registered
 * without a declaration answers 500 rather than serving anyone (fail closed); the endpoint table test catches it.
 */
import type { FastifyRequest } from 'fastify';
import type { Action, Principal, Scope } from '@bitterroot/core';

/** Finds the scope a request targets, e.g. the district in its path or the owner of the record it names. */
export type ScopeOf = (req: FastifyRequest) => Scope | null | Promise<Scope | null>;

/** What a route requires; `scope: null` from a resolver means the target does not exist (404). */
export type RouteAccess =
  { kind: 'public' } | { kind: 'signed-in' } | { kind: 'action'; action: Action; scope: ScopeOf };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The signed-in user or API token, or null for anonymous callers. */
    principal: Principal | null;
    /** The scope the access check resolved (for services that filter by it). */
    accessScope: Scope | null;
    /** How the principal authenticated: cookie sessions need CSRF tokens on writes. */
    sessionCsrf: string | null;
  }
}

/** Anyone may call the route (sign-in, health). */
export const publicRoute = { config: { access: { kind: 'public' } as RouteAccess } };

/** Any signed-in user may call it: reference data with no student in it (templates, rule catalogue). */
export const signedIn = { config: { access: { kind: 'signed-in' } as RouteAccess } };

/** The route needs `action` at the scope `scope` resolves. */
export function requires(action: Action, scope: ScopeOf): { config: { access: RouteAccess } } {
  return { config: { access: { kind: 'action', action, scope } } };
}

/** The whole state as target: state roles only. */
export const stateScope: ScopeOf = () => ({ level: 'state' });

/** The district named by the `:district` path parameter. */
export const districtFromPath: ScopeOf = (req) => {
  const district = (req.params as { district?: unknown }).district;
  return typeof district === 'string' ? { level: 'district', districtNumber: district } : null;
};

/** The district named by the `district` query parameter (routes on records that name their district). */
export const districtFromQuery: ScopeOf = (req) => {
  const district = (req.query as { district?: unknown }).district;
  return typeof district === 'string' ? { level: 'district', districtNumber: district } : { level: 'state' };
};

/** The district in the path, narrowed to a school by `?school=` (how school users reach their own students). */
export const districtOrSchool: ScopeOf = (req) => {
  const district = (req.params as { district?: unknown }).district;
  const school = (req.query as { school?: unknown }).school;
  if (typeof district !== 'string') return null;
  return typeof school === 'string'
    ? { level: 'school', districtNumber: district, schoolNumber: school }
    : { level: 'district', districtNumber: district };
};
