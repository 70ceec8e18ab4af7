import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { createTestUser, sessionHeaders } from '../../../test/test-users.ts';
import { buildApp } from '../../http/app.ts';
import { DEFAULT_ACCESS_SETTINGS } from './access.service.ts';

// The session cache (decision 0067) with a TTL far longer than the test: a session checked once is served from
// memory, yet signing out, deactivating the account and removing a grant take effect on the very next request.

let t: TestDatabase;
let app: FastifyInstance;
let adminHeaders: Record<string, string>;
const grant = { role: 'district-steward', districtNumber: '0001', schoolNumber: null } as const;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({
    database: t,
    profile: await testProfile(),
    schoolYear: TEST_SCHOOL_YEAR,
    access: { ...DEFAULT_ACCESS_SETTINGS, sessionCacheMs: 10 * 60_000 },
  });
  adminHeaders = await sessionHeaders(
    t,
    await createTestUser(t, 'admin@cache.test', [{ ...grant, role: 'district-admin' }]),
  );
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const district = (headers: Record<string, string>) => app.inject({ url: '/api/v1/districts/0001', headers });
const asAdmin = (method: 'POST' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: adminHeaders, payload });

describe('cached sessions', () => {
  it('serves a checked session from memory within the TTL, even past a database-side expiry', async () => {
    const id = await createTestUser(t, 'cached@cache.test', [grant]);
    const headers = await sessionHeaders(t, id);
    expect((await district(headers)).statusCode).toBe(200);
    // Behind the app's back (no sign-out, no admin action): the cache still holds the checked session.
    await t.db
      .updateTable('user_session')
      .set({ expires_at: '2000-01-01' })
      .where('user_id', '=', id)
      .execute();
    expect((await district(headers)).statusCode).toBe(200);
  });

  it('ends a session at sign-out at once', async () => {
    const headers = await sessionHeaders(t, await createTestUser(t, 'leaver@cache.test', [grant]));
    expect((await district(headers)).statusCode).toBe(200);
    const out = await app.inject({ method: 'DELETE', url: '/api/v1/session', headers });
    expect(out.statusCode).toBeLessThan(300);
    expect((await district(headers)).statusCode).toBe(401);
  });

  it('drops a deactivated account and a removed grant on the next request', async () => {
    const gone = await createTestUser(t, 'gone@cache.test', [grant]);
    const goneHeaders = await sessionHeaders(t, gone);
    expect((await district(goneHeaders)).statusCode).toBe(200);
    expect((await asAdmin('POST', `/api/v1/users/${gone}/deactivate`)).statusCode).toBe(200);
    expect((await district(goneHeaders)).statusCode).toBe(401);

    const narrowed = await createTestUser(t, 'narrowed@cache.test', [grant]);
    const narrowedHeaders = await sessionHeaders(t, narrowed);
    expect((await district(narrowedHeaders)).statusCode).toBe(200);
    expect((await asAdmin('DELETE', `/api/v1/users/${narrowed}/grants`, grant)).statusCode).toBe(200);
    expect((await district(narrowedHeaders)).statusCode).toBe(403);
  });
});
