import type { Grant, Principal } from '@bitterroot/core';
import { describe, expect, it } from 'vitest';
import { describeGrant, grantableRoles, grantFor } from './grant-options.ts';

const as = (...grants: Grant[]): Principal => ({
  userId: 1,
  email: 'a@b',
  displayName: 'A',
  grants,
  via: 'session',
});

describe('grantableRoles', () => {
  it('lets a district administrator grant district roles in their own district only', () => {
    const admin = as({ role: 'district-admin', districtNumber: '0001', schoolNumber: null });
    expect(grantableRoles(admin, '0001')).toEqual(['district-admin', 'district-steward', 'school-user']);
    expect(grantableRoles(admin, '0002')).toEqual([]);
    expect(grantableRoles(admin, null)).toEqual([]);
  });

  it('lets a state administrator grant every role on the state page', () => {
    const admin = as({ role: 'state-admin', districtNumber: null, schoolNumber: null });
    expect(grantableRoles(admin, null)).toHaveLength(7);
  });

  it('gives a steward or state staff nothing to grant', () => {
    expect(
      grantableRoles(as({ role: 'district-steward', districtNumber: '0001', schoolNumber: null }), '0001'),
    ).toEqual([]);
    expect(
      grantableRoles(as({ role: 'state-staff', districtNumber: null, schoolNumber: null }), null),
    ).toEqual([]);
  });
});

describe('grants in words', () => {
  it('names role and place', () => {
    expect(describeGrant(grantFor('school-user', '0001', '0101'))).toBe(
      'School user · school 0101, district 0001',
    );
    expect(describeGrant(grantFor('auditor', '0001', null))).toBe('Auditor (read-only)');
  });
});
