import type { SessionBody } from '@bitterroot/contracts';
import type { Action, Grant, Principal, Role } from '@bitterroot/core';
import { authorize, grantFrom, ROLE_LABELS } from '@bitterroot/core';
import { holds } from '../../lib/session.ts';

/** One link of the main navigation. */
export interface NavItem {
  to: string;
  label: string;
}

/** The session's grants as the core policy types them (rows the policy would reject are dropped). */
export function principalOf(session: SessionBody): Principal {
  const grants = session.grants
    .map((g) => grantFrom(g.role, g.districtNumber, g.schoolNumber))
    .filter((g): g is Grant => g !== null);
  return {
    userId: session.userId,
    email: session.email,
    displayName: session.displayName,
    grants,
    via: 'session',
  };
}

/** Whether the user holds a role for the whole state (state roles see the state overview as home). */
export function hasStateRole(session: SessionBody): boolean {
  return session.grants.some((g) => g.districtNumber === null);
}

/** The districts the user holds a district-wide role in, in number order. */
export function districtsOf(session: SessionBody): string[] {
  const numbers = session.grants
    .filter((g) => g.districtNumber !== null && g.schoolNumber === null)
    .map((g) => g.districtNumber!);
  return [...new Set(numbers)].sort();
}

/** Whether the policy lets the user do `action` in one district (for links only: the server decides). */
export function mayInDistrict(session: SessionBody, action: Action, districtNumber: string): boolean {
  return authorize(principalOf(session), action, { level: 'district', districtNumber }) === null;
}

/** Where "home" is: the state overview, the user's district, or the school page of a school user. */
export function homePath(session: SessionBody): string {
  if (hasStateRole(session)) return '/';
  const districts = districtsOf(session);
  if (districts.length > 0) return `/districts/${districts[0]}`;
  return '/my-school';
}

function stateNav(session: SessionBody): NavItem[] {
  const has = (action: string) => holds(session, action);
  const items: NavItem[] = [{ to: '/', label: 'State overview' }];
  if (has('findings:read')) items.push({ to: '/findings', label: 'Findings heat map' });
  if (has('reports:read')) items.push({ to: '/anb', label: 'ANB' });
  if (has('reports:read')) items.push({ to: '/outcomes/graduation', label: 'Outcomes' });
  if (has('extract:read')) items.push({ to: '/exports', label: 'Exports' });
  items.push({ to: '/public-reports', label: 'Public reports' });
  if (has('ews:manage')) items.push({ to: '/early-warning', label: 'Early warning' });
  if (has('collections:read')) items.push({ to: '/certification', label: 'Certification' });
  if (has('identity:review')) items.push({ to: '/identity-reviews', label: 'Identity reviews' });
  items.push({ to: '/templates', label: 'Upload templates' });
  if (has('users:read')) items.push({ to: '/users', label: 'Users' });
  if (has('audit:read')) items.push({ to: '/audit', label: 'Audit log' });
  return items;
}

function districtNav(session: SessionBody, districts: readonly string[]): NavItem[] {
  // Several districts: one link each (their pages link on to uploads and findings).
  if (districts.length > 1) return districts.map((d) => ({ to: `/districts/${d}`, label: `District ${d}` }));
  const d = districts[0]!;
  const items: NavItem[] = [{ to: `/districts/${d}`, label: `District ${d}` }];
  if (mayInDistrict(session, 'student:read', d))
    items.push({ to: `/districts/${d}/students`, label: 'Students' });
  if (mayInDistrict(session, 'upload:write', d))
    items.push({ to: `/districts/${d}/upload`, label: 'Uploads' });
  if (mayInDistrict(session, 'student:write', d))
    items.push({ to: `/districts/${d}/staff-courses`, label: 'Staff & courses' });
  items.push({ to: `/districts/${d}/findings`, label: 'Findings' });
  if (mayInDistrict(session, 'collections:read', d))
    items.push({ to: `/districts/${d}/certification`, label: 'Certification' });
  if (mayInDistrict(session, 'reports:read', d)) {
    items.push({ to: `/districts/${d}/anb`, label: 'ANB' });
    items.push({ to: `/districts/${d}/attendance`, label: 'Attendance' });
    items.push({ to: `/districts/${d}/outcomes/graduation`, label: 'Outcomes' });
  }
  items.push({ to: `/public-reports?district=${d}`, label: 'Public report' });
  if (mayInDistrict(session, 'ews:read', d))
    items.push({ to: `/districts/${d}/early-warning`, label: 'Early warning' });
  items.push({ to: '/templates', label: 'Upload templates' });
  if (mayInDistrict(session, 'users:manage', d)) items.push({ to: `/districts/${d}/users`, label: 'Users' });
  return items;
}

/** The main navigation for the user's roles: state pages, their district's pages, or their school page. */
export function navItems(session: SessionBody): NavItem[] {
  if (hasStateRole(session)) return stateNav(session);
  const districts = districtsOf(session);
  const items = districts.length > 0 ? districtNav(session, districts) : [];
  if (session.grants.some((g) => g.schoolNumber !== null))
    items.push({ to: '/my-school', label: 'My school' });
  // A school user's students: the first school's (the page names the school in every request).
  const school = session.grants.find(
    (g) => g.schoolNumber !== null && !districts.includes(g.districtNumber!),
  );
  if (school)
    items.push({
      to: `/districts/${school.districtNumber}/students?school=${school.schoolNumber}`,
      label: 'Students',
    });
  if (school)
    items.push({
      to: `/districts/${school.districtNumber}/early-warning?school=${school.schoolNumber}`,
      label: 'Early warning',
    });
  return items;
}

/** The user's roles in words, one per role: "District data steward · district 0123" or "… · 40 districts". */
export function roleSummary(session: SessionBody): string[] {
  const byRole = new Map<Role, string[]>();
  for (const g of session.grants) {
    const where =
      g.districtNumber === null
        ? ''
        : g.schoolNumber === null
          ? `district ${g.districtNumber}`
          : `school ${g.schoolNumber}, district ${g.districtNumber}`;
    byRole.set(g.role, [...(byRole.get(g.role) ?? []), where]);
  }
  return [...byRole].map(([role, places]) => {
    const label = ROLE_LABELS[role];
    if (places.length === 1) return places[0] ? `${label} · ${places[0]}` : label;
    return `${label} · ${places.length} ${role === 'school-user' ? 'schools' : 'districts'}`;
  });
}

/** A same-site path to return to after sign-in; anything else (another site, `//host`) goes home. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in') || next.startsWith('/reset-password')) return '/';
  return next;
}

/** The sign-in URL that brings the user back to `path` afterwards (home needs no `next`). */
export function signInPath(path: string): string {
  return path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`;
}
