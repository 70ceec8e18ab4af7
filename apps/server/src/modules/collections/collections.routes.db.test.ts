import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { authorize, type Principal } from '@bitterroot/core';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { collectionsRoutes } from './collections.routes.ts';
import { collectionsServices } from './collections.service.ts';

let t: TestDatabase;
let app: FastifyInstance;
let district = '';
const now = '2025-10-10T18:00:00Z';
const principals: Record<string, Principal> = {};

// A stand-in for the real auth hooks (built concurrently): the `x-test-user` header names the principal, and the
// route's access declaration is enforced with the one policy, as http/auth.ts does.
async function build(): Promise<FastifyInstance> {
  const a = Fastify();
  a.setValidatorCompiler(validatorCompiler);
  a.setSerializerCompiler(serializerCompiler);
  a.decorateRequest('principal', null);
  a.decorateRequest('accessScope', null);
  a.addHook('onRequest', async (req) => {
    req.principal = principals[String(req.headers['x-test-user'])] ?? null;
  });
  a.addHook('preHandler', async (req, reply) => {
    const rule = req.routeOptions.config?.access;
    if (!rule) return reply.code(500).send({ detail: 'no access declaration' });
    if (rule.kind === 'public' || rule.kind === 'signed-in') return;
    const scope = await rule.scope(req);
    if (!scope) return reply.code(404).send({ detail: 'not found' });
    const denial = authorize(req.principal, rule.action, scope);
    if (denial)
      return reply.code(denial.kind === 'unauthenticated' ? 401 : 403).send({ detail: denial.message });
  });
  const services = await collectionsServices(t, await testProfile(), TEST_SCHOOL_YEAR, () => now);
  await a.register(collectionsRoutes(services));
  return a;
}

async function user(name: string, role: string, d: string | null): Promise<void> {
  const u = await sql<{ id: number }>`
    INSERT INTO app_user (email, display_name) VALUES (${`${name}@example.org`}, ${name}) RETURNING id`.execute(
    t.db,
  );
  await sql`INSERT INTO user_role (user_id, role, district_number) VALUES (${u.rows[0]!.id}, ${role}, ${d})`.execute(
    t.db,
  );
  principals[name] = {
    userId: u.rows[0]!.id,
    email: `${name}@example.org`,
    displayName: name,
    grants: [{ role: role as Principal['grants'][number]['role'], districtNumber: d, schoolNumber: null }],
    via: 'token',
  } as Principal;
}

beforeAll(async () => {
  t = await createTestDatabase();
  district = (await sql<{ d: string }>`SELECT min(district_number) AS d FROM school`.execute(t.db)).rows[0]!
    .d;
  await user('staff', 'state-staff', null);
  await user('approver', 'state-approver', null);
  await user('admin', 'district-admin', district);
  await user('steward', 'district-steward', district);
  app = await build();
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const call = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  await app.inject(
    payload === undefined
      ? { method, url, headers: { 'x-test-user': who } }
      : { method, url, headers: { 'x-test-user': who }, payload },
  );

describe('collections routes', () => {
  it('computes the calendar with the fall count date and lets only the state adjust it', async () => {
    const cal = await call('steward', 'GET', `/api/v1/collections/calendar/${TEST_SCHOOL_YEAR}`);
    expect(cal.statusCode).toBe(200);
    expect(cal.json().dates['fall-count-date']).toBe('2025-10-06');
    const body = { opens: '2025-10-07', closes: '2025-10-24' };
    expect(
      (await call('steward', 'PUT', `/api/v1/collections/calendar/${TEST_SCHOOL_YEAR}/fall-count`, body))
        .statusCode,
    ).toBe(403);
    const moved = await call(
      'staff',
      'PUT',
      `/api/v1/collections/calendar/${TEST_SCHOOL_YEAR}/fall-count`,
      body,
    );
    expect(
      moved.json().collections.find((c: { collectionId: string }) => c.collectionId === 'fall-count'),
    ).toMatchObject({
      closes: '2025-10-24',
      computedCloses: '2025-10-22',
    });
  });

  it('walks an event from creation to the dashboard and a district certification', async () => {
    const created = await call('staff', 'POST', '/api/v1/certification-events', {
      name: 'Fall count',
      types: ['fall-anb'],
      level: 'district',
      collectionId: 'fall-count',
      eventStart: '2025-10-06',
      certificationOpens: '2025-10-07',
      dueDate: '2025-10-22',
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id as number;
    expect((await call('steward', 'GET', '/api/v1/certification-events')).json().events).toEqual([]);
    expect((await call('staff', 'POST', `/api/v1/certification-events/${id}/publish`)).statusCode).toBe(200);
    expect((await call('staff', 'POST', `/api/v1/certification-events/${id}/publish`)).statusCode).toBe(409);
    const members = {
      members: [{ userId: principals.steward!.userId, typeId: 'fall-anb', role: 'primary' }],
    };
    expect(
      (await call('steward', 'PUT', `/api/v1/districts/${district}/certification-members`, members))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('admin', 'PUT', `/api/v1/districts/${district}/certification-members`, members)).statusCode,
    ).toBe(200);
    const certify = await call(
      'steward',
      'POST',
      `/api/v1/certification-events/${id}/districts/${district}/certify`,
      {},
    );
    expect(certify.json()).toMatchObject({ status: 'sent-to-state' });
    const dash = await call(
      'staff',
      'GET',
      `/api/v1/certification-dashboard?eventId=${id}&status=sent-to-state`,
    );
    expect(dash.json().rows).toHaveLength(1);
    expect(dash.json().progress[0]).toMatchObject({ certified: 1 });
    expect((await call('steward', 'GET', '/api/v1/certification-dashboard')).statusCode).toBe(403);
    const mine = await call('steward', 'GET', `/api/v1/districts/${district}/certification-events`);
    expect(mine.json().events[0].members[0]).toMatchObject({ status: 'complete' });
    const approve = await call(
      'approver',
      'POST',
      `/api/v1/certification-events/${id}/districts/${district}/approve`,
      {},
    );
    expect(approve.json()).toMatchObject({ status: 'approved' });
  });

  it('writes status rows at publication and reads a district’s events without writing', async () => {
    const districts = await sql<{ n: number; d: string }>`
      SELECT count(*)::int AS n, max(district_number) AS d FROM district WHERE level <> 'state_agency'`.execute(
      t.db,
    );
    const { n, d: other } = districts.rows[0]!;
    const rows = async (d: string) =>
      Number(
        (
          await sql<{ n: number }>`SELECT count(*)::int AS n FROM district_certification
            WHERE district_number = ${d}`.execute(t.db)
        ).rows[0]!.n,
      );
    const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM district_certification`.execute(
      t.db,
    );
    expect(total.rows[0]!.n).toBe(n);
    // A district added after publication has no row: it reads as Not Started and the read writes none.
    await sql`DELETE FROM district_certification WHERE district_number = ${other}`.execute(t.db);
    const mine = await call('staff', 'GET', `/api/v1/districts/${other}/certification-events`);
    expect(mine.json().events[0]).toMatchObject({ status: 'not-started', round: 1, members: [] });
    expect(await rows(other)).toBe(0);
  });

  it('keeps contacts and exports them safely', async () => {
    const contacts = [{ area: 'data', rank: 'primary', name: '=HYPERLINK("x")', email: 'd@example.org' }];
    expect(
      (await call('admin', 'PUT', `/api/v1/districts/${district}/contacts`, { contacts })).statusCode,
    ).toBe(200);
    const csv = await call('staff', 'GET', '/api/v1/contacts.csv?area=data');
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
    expect((await call('staff', 'GET', '/api/v1/contacts?q=hyperlink')).json().contacts).toHaveLength(1);
  });
});
