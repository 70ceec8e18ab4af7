import { describe, expect, it } from 'vitest';
import { ACTIONS, authorize, canGrant, readableScope, ROLE_ACTIONS } from './policy.ts';
import type { Grant, Principal } from './roles.ts';

const as = (...grants: Grant[]): Principal => ({
  userId: 1,
  email: 'a@b.org',
  displayName: 'A',
  grants,
  via: 'session',
});
const steward = as({ role: 'district-steward', districtNumber: '0001', schoolNumber: null });
const schoolUser = as({ role: 'school-user', districtNumber: '0001', schoolNumber: '0101' });
const stateStaff = as({ role: 'state-staff', districtNumber: null, schoolNumber: null });
const auditor = as({ role: 'auditor', districtNumber: null, schoolNumber: null });
const districtAdmin = as({ role: 'district-admin', districtNumber: '0001', schoolNumber: null });
const stateAdmin = as({ role: 'state-admin', districtNumber: null, schoolNumber: null });
const d1 = { level: 'district', districtNumber: '0001' } as const;
const d2 = { level: 'district', districtNumber: '0002' } as const;

describe('access policy', () => {
  it('refuses anonymous callers as unauthenticated', () => {
    expect(authorize(null, 'student:read', d1)?.kind).toBe('unauthenticated');
  });

  it('keeps a district steward inside their district', () => {
    expect(authorize(steward, 'student:read', d1)).toBeNull();
    expect(authorize(steward, 'student:read', d2)?.kind).toBe('forbidden');
    expect(authorize(steward, 'student:read', { level: 'state' })?.kind).toBe('forbidden');
    expect(
      authorize(steward, 'student:read', { level: 'school', districtNumber: '0001', schoolNumber: '0102' }),
    ).toBeNull();
  });

  it('keeps a school user inside their school', () => {
    expect(
      authorize(schoolUser, 'student:read', {
        level: 'school',
        districtNumber: '0001',
        schoolNumber: '0101',
      }),
    ).toBeNull();
    expect(
      authorize(schoolUser, 'student:read', { level: 'school', districtNumber: '0001', schoolNumber: '0102' })
        ?.kind,
    ).toBe('forbidden');
    expect(authorize(schoolUser, 'student:read', d1)?.kind).toBe('forbidden');
    expect(
      authorize(schoolUser, 'upload:write', { level: 'school', districtNumber: '0001', schoolNumber: '0101' })
        ?.kind,
    ).toBe('forbidden');
  });

  it('lets the auditor read everything and change nothing', () => {
    for (const action of ROLE_ACTIONS.auditor) expect(action.endsWith(':read')).toBe(true);
    expect(authorize(auditor, 'audit:read', { level: 'state' })).toBeNull();
    expect(authorize(auditor, 'student:write', d1)?.kind).toBe('forbidden');
  });

  it('gives state staff every district but not certification', () => {
    expect(authorize(stateStaff, 'findings:read', d2)).toBeNull();
    expect(authorize(stateStaff, 'certify', d2)?.kind).toBe('forbidden');
    expect(authorize(stateStaff, 'certification:approve', d2)?.kind).toBe('forbidden');
  });

  it('names the action and scope in a refusal', () => {
    expect(authorize(steward, 'extract:read', d2)?.message).toBe(
      'Your roles do not allow extract:read for district 0002.',
    );
  });

  it('filters reads to the granted districts and schools', () => {
    expect(readableScope(stateStaff, 'student:read')).toEqual({ all: true });
    expect(readableScope(steward, 'student:read')).toEqual({ all: false, districts: ['0001'], schools: [] });
    expect(readableScope(schoolUser, 'student:read')).toEqual({
      all: false,
      districts: [],
      schools: [{ districtNumber: '0001', schoolNumber: '0101' }],
    });
    expect(readableScope(schoolUser, 'upload:read')).toEqual({ all: false, districts: [], schools: [] });
    expect(readableScope(null, 'student:read')).toEqual({ all: false, districts: [], schools: [] });
  });

  it('never lets anyone grant more than they hold', () => {
    expect(
      canGrant(districtAdmin, { role: 'district-steward', districtNumber: '0001', schoolNumber: null }),
    ).toBe(true);
    expect(
      canGrant(districtAdmin, { role: 'school-user', districtNumber: '0001', schoolNumber: '0101' }),
    ).toBe(true);
    expect(
      canGrant(districtAdmin, { role: 'district-steward', districtNumber: '0002', schoolNumber: null }),
    ).toBe(false);
    expect(canGrant(districtAdmin, { role: 'state-staff', districtNumber: null, schoolNumber: null })).toBe(
      false,
    );
    expect(canGrant(steward, { role: 'district-steward', districtNumber: '0001', schoolNumber: null })).toBe(
      false,
    );
    expect(canGrant(stateStaff, { role: 'district-admin', districtNumber: '0001', schoolNumber: null })).toBe(
      false,
    );
    expect(canGrant(stateAdmin, { role: 'district-admin', districtNumber: '0001', schoolNumber: null })).toBe(
      true,
    );
  });

  it('has a role for every action', () => {
    for (const action of ACTIONS)
      expect(Object.values(ROLE_ACTIONS).some((list) => list.includes(action))).toBe(true);
  });
});
