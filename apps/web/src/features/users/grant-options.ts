import type { GrantBody } from '@bitterroot/contracts';
import type { Principal, Role } from '@bitterroot/core';
import { canGrant, grantFrom, ROLE_LABELS, ROLES, STATE_ROLES } from '@bitterroot/core';

/** Roles given for a whole district or one of its schools. */
export const DISTRICT_ROLES: readonly Role[] = ['district-admin', 'district-steward', 'school-user'];

// Stand-ins when the form has no district or school chosen yet: a state administrator may grant anywhere,
// anyone else only inside their own district, which the page fixes.
const ANY_DISTRICT = '0000';
const ANY_SCHOOL = '0000';

/** The grant a role makes at a place: state roles ignore the place, school users need a school. */
export function grantFor(role: Role, district: string | null, school: string | null): GrantBody {
  if ((STATE_ROLES as readonly string[]).includes(role))
    return { role, districtNumber: null, schoolNumber: null };
  if (role === 'school-user') return { role, districtNumber: district, schoolNumber: school };
  return { role, districtNumber: district, schoolNumber: null };
}

/**
 * The roles the user may hand out on this page (`district` null: the state's page), by the same rule the
 * server applies: no one grants more than they hold.
 */
export function grantableRoles(principal: Principal, district: string | null): Role[] {
  const candidates = district === null ? ROLES : DISTRICT_ROLES;
  return candidates.filter((role) => {
    const body = grantFor(role, district ?? ANY_DISTRICT, ANY_SCHOOL);
    const grant = grantFrom(body.role, body.districtNumber, body.schoolNumber);
    return grant !== null && canGrant(principal, grant);
  });
}

/** A grant in words: "District data steward · district 0123". */
export function describeGrant(grant: GrantBody): string {
  const label = ROLE_LABELS[grant.role];
  if (grant.districtNumber === null) return label;
  if (grant.schoolNumber === null) return `${label} · district ${grant.districtNumber}`;
  return `${label} · school ${grant.schoolNumber}, district ${grant.districtNumber}`;
}

/** Whether two grants are the same role at the same place. */
export function sameGrant(a: GrantBody, b: GrantBody): boolean {
  return a.role === b.role && a.districtNumber === b.districtNumber && a.schoolNumber === b.schoolNumber;
}
