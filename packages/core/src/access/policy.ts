/**
 * The one access policy (issue 9): an action is allowed when the principal holds a role that grants it at a
 * scope covering the target. Services call `authorize`; repositories take the `ScopeFilter` from `readableScope`
 * so a query cannot return another district's rows by accident.
 */
import type { Grant, Principal, Role, Scope } from './roles.ts';

/** Everything the portal and API let someone do. */
export const ACTIONS = [
  'organization:read',
  'reference:read',
  'student:read',
  'student:write',
  'pii:reveal',
  'state-id:lookup',
  'upload:read',
  'upload:write',
  'findings:read',
  'findings:acknowledge',
  'validation:run',
  'extract:read',
  'identity:review',
  'users:read',
  'users:manage',
  'audit:read',
  'collections:read',
  'collections:manage',
  'membership:manage',
  'certify',
  'certification:approve',
  'contacts:read',
  'contacts:manage',
  'reports:read',
  'ews:read',
  'ews:manage',
] as const;

/** An action name. */
export type Action = (typeof ACTIONS)[number];

const READS: Action[] = [
  'organization:read',
  'reference:read',
  'student:read',
  'upload:read',
  'findings:read',
  'extract:read',
  'collections:read',
  'contacts:read',
  'reports:read',
  'ews:read',
];

/** The permission matrix: what each role may do within its scope. */
export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  'state-admin': ACTIONS.filter((a) => a !== 'certify' && a !== 'findings:acknowledge'),
  'state-staff': [
    ...READS,
    'pii:reveal',
    'state-id:lookup',
    'validation:run',
    'identity:review',
    'users:read',
    'audit:read',
    'collections:manage',
    'contacts:manage',
    'ews:manage',
  ],
  'state-approver': [...READS, 'certification:approve', 'users:read'],
  // Auditors read everything, including the audit log, and change nothing.
  auditor: [...READS, 'users:read', 'audit:read'],
  'district-admin': [
    ...READS,
    'student:write',
    'pii:reveal',
    'state-id:lookup',
    'upload:write',
    'findings:acknowledge',
    'validation:run',
    'users:read',
    'users:manage',
    'membership:manage',
    'certify',
    'contacts:manage',
  ],
  'district-steward': [
    ...READS,
    'student:write',
    'pii:reveal',
    'state-id:lookup',
    'upload:write',
    'findings:acknowledge',
    'validation:run',
    'certify',
  ],
  'school-user': [
    'organization:read',
    'reference:read',
    'student:read',
    'student:write',
    'pii:reveal',
    'state-id:lookup',
    'findings:read',
    'collections:read',
    'contacts:read',
    'ews:read',
  ],
};

/** Why an action was refused: no one signed in, or signed in without the right. */
export type Denial = { kind: 'unauthenticated' | 'forbidden'; message: string };

/** Whether a grant's scope contains the target scope. */
export function grantCovers(grant: Grant, scope: Scope): boolean {
  if (grant.districtNumber === null) return true;
  if (scope.level === 'state') return false;
  if (grant.districtNumber !== scope.districtNumber) return false;
  if (grant.schoolNumber === null) return true;
  return scope.level === 'school' && scope.schoolNumber === grant.schoolNumber;
}

/** Whether a role allows an action at all (anywhere). */
export function roleAllows(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}

/** Decides one request: `null` when allowed, otherwise the reason. */
export function authorize(principal: Principal | null, action: Action, scope: Scope): Denial | null {
  if (!principal) return { kind: 'unauthenticated', message: 'Sign in first.' };
  const allowed = principal.grants.some((g) => roleAllows(g.role, action) && grantCovers(g, scope));
  if (allowed) return null;
  return { kind: 'forbidden', message: `Your roles do not allow ${action} for ${describeScope(scope)}.` };
}

/** Plain-language name of a scope for messages. */
export function describeScope(scope: Scope): string {
  if (scope.level === 'state') return 'the whole state';
  if (scope.level === 'district') return `district ${scope.districtNumber}`;
  return `school ${scope.schoolNumber} of district ${scope.districtNumber}`;
}

/** Which rows a principal may read for an action: every district, or listed districts and schools. */
export type ScopeFilter =
  | { all: true }
  | {
      all: false;
      districts: readonly string[];
      schools: readonly { districtNumber: string; schoolNumber: string }[];
    };

/** The rows an action may touch, for repositories to filter by; nothing at all when no grant allows it. */
export function readableScope(principal: Principal | null, action: Action): ScopeFilter {
  const grants = (principal?.grants ?? []).filter((g) => roleAllows(g.role, action));
  if (grants.some((g) => g.districtNumber === null)) return { all: true };
  const districts = new Set<string>();
  const schools: { districtNumber: string; schoolNumber: string }[] = [];
  for (const g of grants) {
    if (g.schoolNumber === null) districts.add(g.districtNumber!);
    else schools.push({ districtNumber: g.districtNumber, schoolNumber: g.schoolNumber });
  }
  return {
    all: false,
    districts: [...districts],
    schools: schools.filter((s) => !districts.has(s.districtNumber)),
  };
}

/**
 * Whether the granter may hand out a grant: a state administrator may grant any role; anyone else must manage
 * users at the grant's scope and hold every action the new role carries there (no one grants more than they hold).
 */
export function canGrant(granter: Principal, grant: Grant): boolean {
  if (granter.grants.some((g) => g.role === 'state-admin')) return true;
  const scope: Scope =
    grant.districtNumber === null
      ? { level: 'state' }
      : grant.schoolNumber === null
        ? { level: 'district', districtNumber: grant.districtNumber }
        : { level: 'school', districtNumber: grant.districtNumber, schoolNumber: grant.schoolNumber };
  if (authorize(granter, 'users:manage', scope)) return false;
  return ROLE_ACTIONS[grant.role].every((a) => authorize(granter, a, scope) === null);
}
