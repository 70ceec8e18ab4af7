import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { HandEntryResult, IdentityCandidate } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testMatchSettings, testProfile } from '../../../test/test-profile.ts';
import { createTestUser, sessionHeaders } from '../../../test/test-users.ts';
import { buildApp } from '../../http/app.ts';

// "Is this one of these students?" and a school taking a child in: a school user creates a new student,
// finds them, enrolls them, and links a child from another district after seeing them as a candidate.

let t: TestDatabase;
let app: FastifyInstance;
const who: Record<string, Record<string, string>> = {};
let school: { number: string; calendar: string };

beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({
    database: t,
    profile: await testProfile(),
    matching: await testMatchSettings(),
    schoolYear: TEST_SCHOOL_YEAR,
  });
  const row = await t.db
    .selectFrom('calendar')
    .innerJoin('school', 'school.school_number', 'calendar.school_number')
    .select(['school.school_number', 'calendar.calendar_number'])
    .where('school.district_number', '=', '0001')
    .where('calendar.school_year', '=', TEST_SCHOOL_YEAR)
    .executeTakeFirstOrThrow();
  school = { number: row.school_number, calendar: row.calendar_number };
  const users: [string, Parameters<typeof createTestUser>[2]][] = [
    ['other', [{ role: 'district-steward', districtNumber: '0002', schoolNumber: null }]],
    ['secretary', [{ role: 'school-user', districtNumber: '0001', schoolNumber: school.number }]],
  ];
  for (const [name, grants] of users)
    who[name] = await sessionHeaders(t, await createTestUser(t, `${name}@candidates.test`, grants));
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const person = (district: string, localId: string, first: string) => ({
  district_number: district,
  student_local_id: localId,
  last_name: 'Quillfeather',
  first_name: first,
  gender: 'F',
  birth_date: '06/15/2014',
  hispanic: 'N',
  race_codes: '6',
});
const post = async (as: string, url: string, row: Record<string, string>) =>
  await app.inject({ method: 'POST', url, headers: who[as], payload: { rows: [row] } });
const get = async (as: string, url: string) => await app.inject({ method: 'GET', url, headers: who[as] });
/** A path under district 0001 as the school user calls it (their school in `?school=`). */
const at = (path: string) => `/api/v1/districts/0001${path}?school=${school.number}`;

describe('new students entered by a school', () => {
  let otherStateId: string;

  beforeAll(async () => {
    const res = await post(
      'other',
      '/api/v1/districts/0002/entries/student-demographics',
      person('0002', '5101', 'Rosamund'),
    );
    expect(res.json<HandEntryResult>().committed).toBe(true);
    otherStateId = (
      await t.db
        .selectFrom('student')
        .select('state_id')
        .where('first_name', '=', 'Rosamund')
        .executeTakeFirstOrThrow()
    ).state_id;
  });

  it('shows likely existing students with the lookup fields only, and logs the question', async () => {
    const query = 'lastName=Quillfeather&firstName=Rosamund&birthDate=2014-06-15&gender=F';
    const res = await get('secretary', `${at('/identity-candidates')}&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const [first] = res.json<{ candidates: IdentityCandidate[] }>().candidates;
    expect(first).toMatchObject({ stateId: otherStateId, lastDistrict: '0002', decision: 'match' });
    expect(Object.keys(first!).sort()).toEqual([
      'birthDate',
      'decision',
      'firstName',
      'lastDistrict',
      'lastName',
      'score',
      'stateId',
    ]);
    const logged = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'identity-candidates')
      .execute();
    expect(logged).toHaveLength(1);
    const none = await get(
      'secretary',
      `${at('/identity-candidates')}&lastName=Zzyzx&firstName=Q&birthDate=2001-01-01`,
    );
    expect(none.json<{ candidates: unknown[] }>().candidates).toEqual([]);
  });

  it('lets the school create a student, find them before enrolling, and enroll them', async () => {
    const made = await post(
      'secretary',
      at('/entries/student-demographics'),
      person('0001', '5201', 'Philippa'),
    );
    expect(made.json<HandEntryResult>().committed, made.body).toBe(true);
    const hits = await get('secretary', `/api/v1/districts/0001/students?q=5201&school=${school.number}`);
    const [hit] = hits.json<{ students: { studentId: number; stateId: string }[] }>().students;
    expect(hit).toBeDefined();
    expect((await get('secretary', at(`/students/${hit!.studentId}`))).statusCode).toBe(200);
    const enrolled = await post('secretary', at('/entries/student-enrollment'), {
      district_number: '0001',
      calendar_number: school.calendar,
      school_number: school.number,
      student_state_id: hit!.stateId,
      last_name: 'Quillfeather',
      first_name: 'Philippa',
      grade_level: '05',
      start_date: '08/27/2025',
      start_status: '01',
      service_type: 'P',
      school_year: String(TEST_SCHOOL_YEAR),
    });
    expect(enrolled.json<HandEntryResult>().committed, enrolled.body).toBe(true);
  });

  it('lets the school take in a child from another district by the candidate’s state ID', async () => {
    const linked = await post('secretary', at('/entries/student-demographics'), {
      ...person('0001', '5202', 'Rosamund'),
      student_state_id: otherStateId,
    });
    expect(linked.json<HandEntryResult>().committed, linked.body).toBe(true);
    const districts = await t.db
      .selectFrom('student_district as sd')
      .innerJoin('student as s', 's.id', 'sd.student_id')
      .select('sd.district_number')
      .where('s.state_id', '=', otherStateId)
      .orderBy('sd.district_number')
      .execute();
    expect(districts.map((d) => d.district_number)).toEqual(['0001', '0002']);
  });

  it('keeps the places list to the school user’s own school', async () => {
    const res = await get('secretary', at('/enrollment-places'));
    const body = res.json<{ schoolYear: number; places: { schoolNumber: string }[] }>();
    expect(body.schoolYear).toBe(TEST_SCHOOL_YEAR);
    expect(new Set(body.places.map((p) => p.schoolNumber))).toEqual(new Set([school.number]));
  });
});
