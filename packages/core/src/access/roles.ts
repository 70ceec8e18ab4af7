/**
 * Roles and the scopes they are granted at (issue 9): state roles see the state, district roles one district,
 * school users one school of a district. The permission matrix is data here, checked by `policy.ts`.
 */

/** Every role a user can hold. */
export const ROLES = [
  'state-admin',
  'state-staff',
  'state-approver',
  'auditor',
  'district-admin',
  'district-steward',
  'school-user',
] as const;

/** A role name. */
export type Role = (typeof ROLES)[number];

/** Roles granted for the whole state (no district). */
export const STATE_ROLES: readonly Role[] = ['state-admin', 'state-staff', 'state-approver', 'auditor'];

/** Human labels for role names, as shown in the portal. */
export const ROLE_LABELS: Record<Role, string> = {
  'state-admin': 'State administrator',
  'state-staff': 'State data staff',
  'state-approver': 'State approver',
  auditor: 'Auditor (read-only)',
  'district-admin': 'District administrator',
  'district-steward': 'District data steward',
  'school-user': 'School user',
};

/** One role a user holds, at the scope it was granted. */
export type Grant =
  | {
      role: 'state-admin' | 'state-staff' | 'state-approver' | 'auditor';
      districtNumber: null;
      schoolNumber: null;
    }
  | { role: 'district-admin' | 'district-steward'; districtNumber: string; schoolNumber: null }
  | { role: 'school-user'; districtNumber: string; schoolNumber: string };

/** Who is acting: a signed-in user or an API token acting for its owner with narrowed grants. */
export type Principal = {
  userId: number;
  email: string;
  displayName: string;
  grants: readonly Grant[];
  via: 'session' | 'token';
};

/** What an action is aimed at: the state as a whole, one district, or one school of a district. */
export type Scope =
  | { level: 'state' }
  | { level: 'district'; districtNumber: string }
  | { level: 'school'; districtNumber: string; schoolNumber: string };

/** Builds a grant from stored columns, rejecting combinations the database also rejects. */
export function grantFrom(
  role: string,
  districtNumber: string | null,
  schoolNumber: string | null,
): Grant | null {
  if (!(ROLES as readonly string[]).includes(role)) return null;
  const r = role as Role;
  if (r === 'school-user')
    return districtNumber && schoolNumber ? { role: r, districtNumber, schoolNumber } : null;
  if (r === 'district-admin' || r === 'district-steward')
    return districtNumber && !schoolNumber ? { role: r, districtNumber, schoolNumber: null } : null;
  if (districtNumber || schoolNumber) return null;
  return { role: r, districtNumber: null, schoolNumber: null };
}
