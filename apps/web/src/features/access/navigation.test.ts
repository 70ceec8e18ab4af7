import type { SessionBody } from '@bitterroot/contracts';
import { describe, expect, it } from 'vitest';
import { homePath, navItems, roleSummary, safeNext, signInPath } from './navigation.ts';
import { ROLE_ACTIONS } from '@bitterroot/core';
import type { Role } from '@bitterroot/core';

type G = SessionBody['grants'][number];

function session(...grants: G[]): SessionBody {
  const actions = [...new Set(grants.flatMap((g) => ROLE_ACTIONS[g.role as Role]))];
  return { userId: 1, email: 'a@b.org', displayName: 'A', grants, actions, csrfToken: 'x' };
}
const state = (role: G['role']): G => ({ role, districtNumber: null, schoolNumber: null });
const district = (role: G['role'], d = '0001'): G => ({ role, districtNumber: d, schoolNumber: null });
const labels = (s: SessionBody) => navItems(s).map((i) => i.label);

describe('navigation per role', () => {
  it('shows state staff the state pages including identity reviews and the audit log', () => {
    expect(labels(session(state('state-staff')))).toEqual([
      'State overview',
      'Findings heat map',
      'ANB',
      'Outcomes',
      'Exports',
      'Public reports',
      'Early warning',
      'Certification',
      'Identity reviews',
      'Upload templates',
      'Users',
      'Audit log',
    ]);
  });

  it('shows the auditor no identity reviews', () => {
    expect(labels(session(state('auditor')))).not.toContain('Identity reviews');
    expect(labels(session(state('auditor')))).toContain('Audit log');
  });

  it('shows a district steward their district without user management', () => {
    const s = session(district('district-steward'));
    expect(navItems(s).map((i) => i.to)).toEqual([
      '/districts/0001',
      '/districts/0001/students',
      '/districts/0001/upload',
      '/districts/0001/staff-courses',
      '/districts/0001/findings',
      '/districts/0001/certification',
      '/districts/0001/anb',
      '/districts/0001/attendance',
      '/districts/0001/outcomes/graduation',
      '/public-reports?district=0001',
      '/districts/0001/early-warning',
      '/templates',
    ]);
    expect(homePath(s)).toBe('/districts/0001');
  });

  it('gives a district administrator the district user list', () => {
    expect(navItems(session(district('district-admin'))).at(-1)).toEqual({
      to: '/districts/0001/users',
      label: 'Users',
    });
  });

  it('sends a school user to their school page', () => {
    const s = session({ role: 'school-user', districtNumber: '0001', schoolNumber: '0101' });
    expect(navItems(s)).toEqual([
      { to: '/my-school', label: 'My school' },
      { to: '/districts/0001/students?school=0101', label: 'Students' },
      { to: '/districts/0001/early-warning?school=0101', label: 'Early warning' },
    ]);
    expect(homePath(s)).toBe('/my-school');
    expect(roleSummary(s)).toEqual(['School user · school 0101, district 0001']);
  });

  it('summarises many grants of one role by count', () => {
    const s = session(
      state('state-admin'),
      district('district-steward'),
      district('district-steward', '0002'),
    );
    expect(roleSummary(s)).toEqual(['State administrator', 'District data steward · 2 districts']);
    expect(homePath(s)).toBe('/');
  });
});

describe('return paths', () => {
  it.each([
    [null, '/'],
    ['/districts/0001?x=1', '/districts/0001?x=1'],
    ['//evil.example', '/'],
    ['https://evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/sign-in?next=/x', '/'],
  ])('safeNext(%s) is %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it('adds next except for home', () => {
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('/audit?actor=a')).toBe('/sign-in?next=%2Faudit%3Factor%3Da');
  });
});
