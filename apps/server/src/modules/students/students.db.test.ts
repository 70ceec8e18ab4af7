import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Upload } from '@bitterroot/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testMatchSettings, testProfile } from '../../../test/test-profile.ts';
import { createTestUser, sessionHeaders } from '../../../test/test-users.ts';
import { buildApp } from '../../http/app.ts';

let t: TestDatabase;
let app: FastifyInstance;
const who: Record<string, Record<string, string>> = {};
let schoolOf0001: string;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({
    database: t,
    profile: await testProfile(),
    matching: await testMatchSettings(),
    schoolYear: TEST_SCHOOL_YEAR,
  });
  schoolOf0001 = (
    await t.db
      .selectFrom('calendar')
      .innerJoin('school', 'school.school_number', 'calendar.school_number')
      .select('school.school_number')
      .where('school.district_number', '=', '0001')
      .where('calendar.calendar_number', '=', '001')
      .where('calendar.school_year', '=', TEST_SCHOOL_YEAR)
      .executeTakeFirstOrThrow()
  ).school_number;
  const other = (
    await t.db
      .selectFrom('school')
      .select('school_number')
      .where('district_number', '=', '0002')
      .executeTakeFirstOrThrow()
  ).school_number;
  const users: [string, Parameters<typeof createTestUser>[2]][] = [
    ['steward1', [{ role: 'district-steward', districtNumber: '0001', schoolNumber: null }]],
    ['steward2', [{ role: 'district-steward', districtNumber: '0002', schoolNumber: null }]],
    ['school1', [{ role: 'school-user', districtNumber: '0001', schoolNumber: schoolOf0001 }]],
    ['school2', [{ role: 'school-user', districtNumber: '0002', schoolNumber: other }]],
    ['auditor', [{ role: 'auditor', districtNumber: null, schoolNumber: null }]],
    ['staff', [{ role: 'state-staff', districtNumber: null, schoolNumber: null }]],
  ];
  for (const [name, grants] of users)
    who[name] = await sessionHeaders(t, await createTestUser(t, `${name}@students.test`, grants));
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const call = (as: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: who[as], ...(payload ? { payload } : {}) });

const tricky = 'O\'Brien"); DROP TABLE student;--';

describe('hand entry through the upload pipeline', () => {
  let studentId: number;
  let stateId: string;

  it('validates without saving, then creates a student with a new state ID, exactly as typed', async () => {
    const row = {
      district_number: '0001',
      student_local_id: '9001',
      last_name: tricky,
      first_name: '<script>alert(1)</script>',
      gender: 'F',
      birth_date: '05/06/2013',
      hispanic: 'N',
      race_codes: '6',
    };
    const dry = await call('steward1', 'POST', '/api/v1/districts/0001/entries/student-demographics', {
      rows: [row],
      dryRun: true,
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json<Upload>().committed).toBe(false);
    expect(
      await t.db.selectFrom('student').select('id').where('last_name', '=', tricky).executeTakeFirst(),
    ).toBeUndefined();
    const saved = await call('steward1', 'POST', '/api/v1/districts/0001/entries/student-demographics', {
      rows: [row],
    });
    expect(saved.json<Upload>().findings, JSON.stringify(saved.json<Upload>())).toEqual([]);
    expect(saved.json<Upload>().committed).toBe(true);
    const student = await t.db
      .selectFrom('student')
      .selectAll()
      .where('last_name', '=', tricky)
      .executeTakeFirstOrThrow();
    expect(student.first_name).toBe('<script>alert(1)</script>');
    expect(student.state_id).toMatch(/^\d{9}$/);
    studentId = student.id;
    stateId = student.state_id;
  });

  it('rejects a bad row with the same findings an upload gives (row, column, code), saving nothing', async () => {
    const bad = await call('steward1', 'POST', '/api/v1/districts/0001/entries/student-demographics', {
      rows: [
        {
          district_number: '0001',
          student_local_id: '9002',
          last_name: 'Bad',
          first_name: 'Date',
          gender: 'F',
          birth_date: '13/45/2013',
          hispanic: 'N',
          race_codes: '6',
        },
      ],
    });
    const body = bad.json<Upload>();
    expect(body.committed).toBe(false);
    expect(body.findings.some((f) => f.column !== null && f.line !== null)).toBe(true);
    expect(
      await t.db.selectFrom('student').select('id').where('last_name', '=', 'Bad').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('enrolls the student and shows the record to the district, masked until revealed (both logged)', async () => {
    const enrolled = await call('steward1', 'POST', '/api/v1/districts/0001/entries/student-enrollment', {
      rows: [
        {
          district_number: '0001',
          calendar_number: '001',
          school_number: schoolOf0001,
          student_state_id: stateId,
          student_local_id: '9001',
          last_name: tricky,
          first_name: '<script>alert(1)</script>',
          grade_level: '06',
          start_date: '08/27/2025',
          start_status: '01',
          service_type: 'P',
          school_year: String(TEST_SCHOOL_YEAR),
        },
      ],
    });
    expect(enrolled.json<Upload>().committed, enrolled.body).toBe(true);
    const page = await call('steward1', 'GET', `/api/v1/districts/0001/students/${studentId}`);
    expect(page.statusCode).toBe(200);
    const body = page.json<{
      identity: Record<string, unknown>;
      masked: boolean;
      enrollments: unknown[];
      audit: { action: string }[];
    }>();
    expect(body.masked).toBe(true);
    // The read's own event is committed (with the identity read) before the trail is read, so the page shows it.
    expect(body.audit[0]?.action).toBe('student-read');
    expect(body.identity.birthDate).toBe('•••');
    expect(body.enrollments).toHaveLength(1);
    const revealed = await call(
      'steward1',
      'GET',
      `/api/v1/districts/0001/students/${studentId}?reveal=true`,
    );
    expect(revealed.json<{ identity: Record<string, unknown> }>().identity.birthDate).toBe('2013-05-06');
    const trail = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('student_id', '=', studentId)
      .execute();
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['student-read', 'student-reveal']));
    const reads = await t.db
      .selectFrom('audit_event')
      .select(['action', 'entity_id', 'district_number', 'request_id'])
      .where('student_id', '=', studentId)
      .where('action', 'in', ['student-read', 'student-reveal'])
      .orderBy('id')
      .execute();
    // One event per page read, naming the student, the district and the request.
    expect(reads.slice(-2)).toMatchObject([
      { action: 'student-read', entity_id: String(studentId), district_number: '0001' },
      { action: 'student-reveal', entity_id: String(studentId), district_number: '0001' },
    ]);
    expect(reads.at(-1)!.request_id).toBe(revealed.headers['x-request-id']);
  });

  it('finds the student by name prefix and state ID within scope only', async () => {
    const hits = await call('steward1', 'GET', '/api/v1/districts/0001/students?q=o%27bri');
    expect(hits.json<{ students: { studentId: number }[] }>().students.map((s) => s.studentId)).toContain(
      studentId,
    );
    const state = await call('staff', 'GET', `/api/v1/students?q=${encodeURIComponent("o'brien")}`);
    expect(state.json<{ students: unknown[] }>().students.length).toBeGreaterThan(0);
    expect((await call('steward2', 'GET', '/api/v1/districts/0001/students?q=o')).statusCode).toBe(403);
    expect((await call('steward2', 'GET', '/api/v1/students?q=o')).statusCode).toBe(403);
  });

  it('keeps other districts, other schools and auditors to what they may see', async () => {
    expect((await call('steward2', 'GET', `/api/v1/districts/0001/students/${studentId}`)).statusCode).toBe(
      403,
    );
    const events = async () =>
      (
        await t.db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await events();
    expect((await call('steward2', 'GET', `/api/v1/districts/0002/students/${studentId}`)).statusCode).toBe(
      404,
    );
    // Not one of the district's students: nothing was read, so nothing is logged as read.
    expect(await events()).toBe(before);
    expect(
      (await call('school2', 'GET', `/api/v1/districts/0001/students/${studentId}?school=${schoolOf0001}`))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('school1', 'GET', `/api/v1/districts/0001/students/${studentId}?school=${schoolOf0001}`))
        .statusCode,
    ).toBe(200);
    const audited = await call('auditor', 'GET', `/api/v1/districts/0001/students/${studentId}?reveal=true`);
    expect(audited.json<{ masked: boolean }>().masked).toBe(true);
    expect(
      (
        await call('auditor', 'POST', '/api/v1/districts/0001/entries/student-demographics', {
          rows: [{ last_name: 'x' }],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('gives another district the state-ID lookup with name, birth date, state ID and last district only', async () => {
    const res = await call(
      'steward2',
      'GET',
      `/api/v1/districts/0002/state-id-lookup?lastName=${encodeURIComponent("o'bri")}&firstName=%3C&birthDate=2013-05-06`,
    );
    const matches = res.json<{ matches: Record<string, unknown>[] }>().matches;
    expect(matches).toHaveLength(1);
    expect(Object.keys(matches[0]!).sort()).toEqual([
      'birthDate',
      'firstName',
      'lastDistrict',
      'lastName',
      'stateId',
    ]);
    expect(matches[0]!.lastDistrict).toBe('0001');
    // The lookup is audited by its own statement: who, which district asked, how many hits, which request.
    const logged = await t.db
      .selectFrom('audit_event')
      .select(['actor', 'district_number', 'detail', 'entity', 'request_id'])
      .where('action', '=', 'state-id-lookup')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(logged).toMatchObject({ district_number: '0002', entity: 'student', detail: { hits: 1 } });
    expect(logged.actor).toContain('@');
    expect(logged.request_id).toBeTruthy();
    expect(
      (
        await call(
          'steward2',
          'GET',
          `/api/v1/districts/0001/state-id-lookup?lastName=a&firstName=b&birthDate=2013-05-06`,
        )
      ).statusCode,
    ).toBe(403);
  });
});
