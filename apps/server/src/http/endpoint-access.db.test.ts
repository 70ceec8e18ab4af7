/**
 * Every API endpoint, called by people who must not get in: anonymous, an expired session, a steward of another
 * district, and a school user of another school. The table must list every route the app serves, so a new
 * endpoint without an entry fails this test until someone decides who may call it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../test/test-env.ts';
import { testProfile } from '../../test/test-profile.ts';
import { createTestUser, sessionHeaders } from '../../test/test-users.ts';
import { buildApp } from './app.ts';

/**
 * Who may call each endpoint. `district`: people of the district in the path (or `?district=`) and the state;
 * `state`: state roles only; `signed-in`: anyone signed in (reference data without students, or the caller's own
 * things, or checked against the target account in the service); `public`: sign-in and password reset.
 */
const ENDPOINTS: Record<string, 'district' | 'state' | 'signed-in' | 'public'> = {
  'GET /health': 'public',
  'POST /api/v1/session': 'public',
  'GET /api/v1/session': 'signed-in',
  'DELETE /api/v1/session': 'signed-in',
  'POST /api/v1/password-resets': 'public',
  'POST /api/v1/password-resets/complete': 'public',
  'GET /api/v1/me/notifications': 'signed-in',
  'POST /api/v1/me/notifications/{id}/read': 'signed-in',
  'GET /api/v1/me/api-tokens': 'signed-in',
  'POST /api/v1/me/api-tokens': 'signed-in',
  'DELETE /api/v1/me/api-tokens/{id}': 'signed-in',
  'GET /api/v1/users': 'state',
  'POST /api/v1/users': 'signed-in',
  'POST /api/v1/users/{id}/grants': 'signed-in',
  'DELETE /api/v1/users/{id}/grants': 'signed-in',
  'POST /api/v1/users/{id}/deactivate': 'signed-in',
  'POST /api/v1/users/{id}/activate': 'signed-in',
  'GET /api/v1/audit-events': 'state',
  'GET /api/v1/audit-events.{format}': 'state',
  'GET /api/v1/districts': 'signed-in',
  'GET /api/v1/districts/{district}': 'district',
  'GET /api/v1/districts/{district}/schools': 'district',
  'POST /api/v1/districts/{district}/uploads': 'district',
  'GET /api/v1/districts/{district}/uploads/{id}': 'district',
  'GET /api/v1/districts/{district}/uploads/{id}/findings.{format}': 'district',
  'GET /api/v1/districts/{district}/uploads/{id}/new-state-ids.{format}': 'district',
  'GET /api/v1/identity-reviews': 'state',
  'GET /api/v1/identity-reviews/{id}': 'state',
  'POST /api/v1/identity-reviews/{id}/decision': 'state',
  'GET /api/v1/templates': 'signed-in',
  'GET /api/v1/templates/{id}': 'signed-in',
  'GET /api/v1/templates/{id}/template.xlsx': 'signed-in',
  'GET /api/v1/rules': 'signed-in',
  'GET /api/v1/districts/{district}/findings': 'district',
  'GET /api/v1/districts/{district}/findings.{format}': 'district',
  'GET /api/v1/findings/matrix': 'state',
  'GET /api/v1/findings/trend': 'state',
  'GET /api/v1/districts/{district}/findings/trend': 'district',
  'POST /api/v1/districts/{district}/validation-runs': 'district',
  'POST /api/v1/findings/{id}/acknowledgement': 'district',
  'GET /api/v1/districts/{district}/extracts/{template}.{format}': 'district',
  'GET /api/v1/certification-dashboard': 'state',
  'GET /api/v1/certification-dashboard.csv': 'state',
  'GET /api/v1/certification-events': 'signed-in',
  'GET /api/v1/certification-events/{id}/districts/{district}/snapshots': 'district',
  'GET /api/v1/certification-events/{id}/districts/{district}/transitions': 'district',
  'GET /api/v1/collections/calendar/{year}': 'signed-in',
  'GET /api/v1/contacts': 'state',
  'GET /api/v1/contacts.csv': 'state',
  'GET /api/v1/districts/{district}/certification-events': 'district',
  'GET /api/v1/districts/{district}/certification-members': 'district',
  'PUT /api/v1/districts/{district}/certification-members': 'district',
  'PUT /api/v1/districts/{district}/contacts': 'district',
  'GET /api/v1/snapshots/{id}/diff': 'district',
  'POST /api/v1/certification-events': 'state',
  'PUT /api/v1/certification-events/{id}': 'state',
  'POST /api/v1/certification-events/{id}/close': 'state',
  'POST /api/v1/certification-events/{id}/publish': 'state',
  'POST /api/v1/certification-events/{id}/reminders': 'state',
  'POST /api/v1/certification-events/{id}/reopen': 'state',
  'POST /api/v1/collections/calendar/{year}/publish': 'state',
  'PUT /api/v1/collections/calendar/{year}/{collection}': 'state',
  'POST /api/v1/certification-events/{id}/districts/{district}/approve': 'district',
  'POST /api/v1/certification-events/{id}/districts/{district}/return': 'district',
  'POST /api/v1/certification-events/{id}/districts/{district}/certify': 'district',
  'POST /api/v1/certification-events/{id}/districts/{district}/recertification-request': 'district',
  'POST /api/v1/certification-events/{id}/districts/{district}/recertification-request/accept': 'district',
  'POST /api/v1/certification-events/{id}/districts/{district}/recertification-request/decline': 'district',
  'PUT /api/v1/certification-events/{id}/districts/{district}/extension': 'district',
  'GET /api/v1/students': 'state',
  'GET /api/v1/districts/{district}/students': 'district',
  'GET /api/v1/districts/{district}/students/{id}': 'district',
  'GET /api/v1/districts/{district}/state-id-lookup': 'district',
  'POST /api/v1/districts/{district}/entries/{template}': 'district',
  'POST /api/v1/districts/{district}/entries/undo': 'district',
  'GET /api/v1/districts/{district}/identity-candidates': 'district',
  'GET /api/v1/districts/{district}/enrollment-places': 'district',
  'GET /api/v1/districts/{district}/stored-rows/{template}': 'district',
  'GET /api/v1/districts/{district}/anb': 'district',
  'GET /api/v1/districts/{district}/anb/students.csv': 'district',
  'GET /api/v1/anb': 'state',
  'GET /api/v1/districts/{district}/outcomes/{measure}': 'district',
  'GET /api/v1/districts/{district}/outcomes/{measure}/students.csv': 'district',
  'GET /api/v1/outcomes/{measure}': 'state',
  'GET /api/v1/outcomes/{measure}/students.csv': 'state',
  'GET /api/v1/exports/edfacts/{file}': 'state',
  'GET /api/v1/exports/state/{name}': 'state',
  'GET /api/v1/public-reports': 'signed-in',
  'GET /api/v1/ews/cohorts': 'state',
  'POST /api/v1/ews/models/train': 'state',
  'GET /api/v1/ews/models': 'signed-in',
  'GET /api/v1/ews/models/{id}': 'signed-in',
  'GET /api/v1/ews/models/{id}/comparison': 'state',
  'POST /api/v1/ews/models/{id}/promote': 'state',
  'POST /api/v1/ews/score-runs': 'state',
  'GET /api/v1/districts/{district}/ews/students': 'district',
  'GET /api/v1/districts/{district}/ews/comparison': 'district',
  'GET /api/v1/districts/{district}/ews/students.csv': 'district',
  'GET /api/v1/districts/{district}/ews/students/{stateId}/history': 'district',
  'POST /api/v1/districts/{district}/ews/students/{stateId}/interventions': 'district',
};

/** Sample values for path parameters: district 0001 is the target; callers belong elsewhere. */
const SAMPLE: Record<string, string> = {
  district: '0001',
  id: '1',
  format: 'csv',
  template: 'student-enrollment',
  measure: 'graduation',
  file: 'FS052',
  name: 'missing-child-photos',
};

let t: TestDatabase;
let app: FastifyInstance;
let callers: Record<string, Record<string, string>>;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({ database: t, profile: await testProfile(), schoolYear: TEST_SCHOOL_YEAR });
  await app.ready();
  const otherSchool = await t.db
    .selectFrom('school')
    .select('school_number')
    .where('district_number', '=', '0002')
    .executeTakeFirstOrThrow();
  const steward = await createTestUser(t, 'steward.0002@deny.test', [
    { role: 'district-steward', districtNumber: '0002', schoolNumber: null },
  ]);
  const admin = await createTestUser(t, 'admin.0002@deny.test', [
    { role: 'district-admin', districtNumber: '0002', schoolNumber: null },
  ]);
  const school = await createTestUser(t, 'school@deny.test', [
    { role: 'school-user', districtNumber: '0002', schoolNumber: otherSchool.school_number },
  ]);
  const expired = await createTestUser(t, 'expired@deny.test', [
    { role: 'state-admin', districtNumber: null, schoolNumber: null },
  ]);
  callers = {
    anonymous: {},
    'expired session': await sessionHeaders(t, expired, -1),
    'steward of another district': await sessionHeaders(t, steward),
    'administrator of another district': await sessionHeaders(t, admin),
    'school user of another school': await sessionHeaders(t, school),
  };
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

/** Routes the app serves, as "METHOD /path" in OpenAPI notation. */
function servedRoutes(): string[] {
  const spec = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

const urlOf = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE[name] ?? '1');

describe('endpoint access table', () => {
  it('lists every endpoint the app serves, and nothing it does not', () => {
    const served = servedRoutes().sort();
    expect(served.filter((r) => !(r in ENDPOINTS))).toEqual([]);
    expect(Object.keys(ENDPOINTS).filter((r) => !served.includes(r))).toEqual([]);
  });

  it.each(Object.entries(ENDPOINTS).filter(([, who]) => who !== 'public'))(
    '%s refuses callers who are not signed in',
    async (route) => {
      const [method, path] = route.split(' ') as ['GET', string];
      for (const who of ['anonymous', 'expired session']) {
        const res = await app.inject({ method, url: urlOf(path), headers: callers[who] });
        expect(res.statusCode, `${route} as ${who}`).toBe(401);
      }
    },
  );

  it.each(Object.entries(ENDPOINTS).filter(([, who]) => who === 'district' || who === 'state'))(
    '%s refuses people of another district and school',
    async (route) => {
      const [method, path] = route.split(' ') as ['GET', string];
      const url = route.includes('/acknowledgement') ? `${urlOf(path)}?district=0001` : urlOf(path);
      for (const who of [
        'steward of another district',
        'administrator of another district',
        'school user of another school',
      ]) {
        const res = await app.inject({ method, url, headers: callers[who] });
        expect([403, 404], `${route} as ${who}: ${res.statusCode}`).toContain(res.statusCode);
      }
    },
  );

  it('keeps account administration inside the administrator’s district', async () => {
    const victim = await createTestUser(t, 'victim.0001@deny.test', [
      { role: 'district-steward', districtNumber: '0001', schoolNumber: null },
    ]);
    const headers = callers['administrator of another district']!;
    const grant = { role: 'district-admin', districtNumber: '0001', schoolNumber: null };
    const calls = [
      { method: 'POST', url: `/api/v1/users/${victim}/deactivate` },
      { method: 'POST', url: `/api/v1/users/${victim}/grants`, payload: grant },
      {
        method: 'DELETE',
        url: `/api/v1/users/${victim}/grants`,
        payload: { ...grant, role: 'district-steward' },
      },
      { method: 'POST', url: '/api/v1/users', payload: { email: 'x@deny.test', displayName: 'X', grant } },
    ] as const;
    for (const call of calls) {
      const res = await app.inject({ ...call, headers });
      expect([403, 404], `${call.method} ${call.url}`).toContain(res.statusCode);
    }
  });
});
