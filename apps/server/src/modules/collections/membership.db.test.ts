/** School-level Type Membership (montana-aim.md §7.1): a school's own certifiers, only schools of the district. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { createTestUser } from '../../../test/test-users.ts';
import { membershipService, type MembershipService } from './membership.service.ts';

let t: TestDatabase;
let membership: MembershipService;
let district = '';
let school = '';
let foreignSchool = '';
let certifier = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  membership = membershipService({
    database: t,
    now: () => '2025-10-10T18:00:00Z',
    timeZone: 'America/Denver',
    profile: await testProfile(),
  });
  const schools = await sql<{ d: string; s: string }>`
    SELECT district_number AS d, min(school_number) AS s FROM school GROUP BY 1 ORDER BY 1 LIMIT 2`.execute(
    t.db,
  );
  [district, school] = [schools.rows[0]!.d, schools.rows[0]!.s];
  foreignSchool = schools.rows[1]!.s;
  certifier = await createTestUser(t, 'school.certifier@example.org', [
    { role: 'district-steward', districtNumber: district, schoolNumber: null },
  ]);
});
afterAll(async () => {
  await t?.drop();
});

describe('school-level Type Membership', () => {
  it('keeps a school’s certifier apart from the district-wide one', async () => {
    const actor = { userId: certifier, name: 'admin' };
    const members = [
      { userId: certifier, typeId: 'fall-anb', role: 'secondary' as const, schoolNumber: null },
      { userId: certifier, typeId: 'fall-anb', role: 'primary' as const, schoolNumber: school },
    ];
    expect(await membership.setMembers(district, members, actor)).toEqual({ kind: 'done' });
    const stored = await membership.members(district);
    expect(stored.map((m) => [m.schoolNumber, m.role]).sort()).toEqual([
      [null, 'secondary'],
      [school, 'primary'],
    ]);
  });

  it('refuses a school of another district and keeps the membership unchanged', async () => {
    const actor = { userId: certifier, name: 'admin' };
    const out = await membership.setMembers(
      district,
      [{ userId: certifier, typeId: 'fall-anb', role: 'primary', schoolNumber: foreignSchool }],
      actor,
    );
    expect(out).toEqual({
      kind: 'refused',
      reason: `School(s) ${foreignSchool} are not schools of district ${district}.`,
    });
    expect(await membership.members(district)).toHaveLength(2);
  });
});
