/**
 * No PII in logs: a session of ordinary work at the most verbose log level — sign-in, hand entry of a student,
 * search by name, the record page revealed, the state-ID lookup, a failing request — and then every log line
 * is searched for the student's name, birth date and state ID and the user's e-mail and password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../test/test-env.ts';
import { testMatchSettings, testProfile } from '../../test/test-profile.ts';
import { createTestUser, TEST_PASSWORD } from '../../test/test-users.ts';
import { buildApp } from './app.ts';

let t: TestDatabase;
let app: FastifyInstance;
const lines: string[] = [];
const email = 'pii.steward@logs.test';

beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({
    database: t,
    profile: await testProfile(),
    matching: await testMatchSettings(),
    schoolYear: TEST_SCHOOL_YEAR,
    logLevel: 'trace',
    logStream: { write: (line) => void lines.push(line) },
  });
  await createTestUser(t, email, [{ role: 'district-steward', districtNumber: '0001', schoolNumber: null }]);
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

describe('logs', () => {
  it('never contain names, birth dates, state IDs, e-mails or passwords', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email, password: TEST_PASSWORD },
    });
    const cookie = `bitterroot_session=${signIn.cookies.find((c) => c.name === 'bitterroot_session')!.value}`;
    const headers = { cookie, 'x-csrf-token': signIn.json<{ csrfToken: string }>().csrfToken };
    await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email, password: 'wrong-password-xyz' },
    });
    const row = {
      district_number: '0001',
      student_local_id: '7301',
      last_name: 'Zwieback',
      first_name: 'Quintessa',
      gender: 'F',
      birth_date: '07/19/2012',
      hispanic: 'N',
      race_codes: '6',
    };
    const entry = await app.inject({
      method: 'POST',
      url: '/api/v1/districts/0001/entries/student-demographics',
      headers,
      payload: { rows: [row] },
    });
    expect(entry.statusCode).toBe(200);
    const student = await t.db
      .selectFrom('student')
      .selectAll()
      .where('last_name', '=', 'Zwieback')
      .executeTakeFirstOrThrow();
    await app.inject({ method: 'GET', url: '/api/v1/districts/0001/students?q=zwieback%2C%20quin', headers });
    await app.inject({
      method: 'GET',
      url: `/api/v1/districts/0001/students?q=${student.state_id}`,
      headers,
    });
    await app.inject({
      method: 'GET',
      url: `/api/v1/districts/0001/students/${student.id}?reveal=true`,
      headers,
    });
    await app.inject({
      method: 'GET',
      url: '/api/v1/districts/0001/state-id-lookup?lastName=Zwieback&firstName=Quintessa&birthDate=2012-07-19',
      headers,
    });
    await app.inject({
      method: 'GET',
      url: '/api/v1/districts/0001/state-id-lookup?lastName=Zwieback&birthDate=bad',
      headers,
    });
    expect(lines.length).toBeGreaterThan(10);
    const text = lines.join('\n').toLowerCase();
    for (const secret of [
      'zwieback',
      'quintessa',
      '2012-07-19',
      '07/19/2012',
      student.state_id,
      email,
      TEST_PASSWORD,
      'wrong-password-xyz',
    ])
      expect(text, `log output contains ${secret}`).not.toContain(secret.toLowerCase());
  });
});
