import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { TEST_SCHOOL_YEAR } from '../../../test/test-env.ts';
import { testProfile } from '../../../test/test-profile.ts';
import { createTestUser, sessionHeaders, TEST_PASSWORD } from '../../../test/test-users.ts';
import { buildApp } from '../../http/app.ts';
import { DEFAULT_ACCESS_SETTINGS } from './access.service.ts';
import { readAudited } from './audit.repository.ts';

let t: TestDatabase;
let app: FastifyInstance;
const steward = 'steward.0001@access.test';
const admin = 'admin.0001@access.test';

beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({
    database: t,
    profile: await testProfile(),
    schoolYear: TEST_SCHOOL_YEAR,
    access: { ...DEFAULT_ACCESS_SETTINGS, maxFailures: 3, throttle: { attempts: 8, windowMs: 60_000 } },
  });
  await createTestUser(t, steward, [
    { role: 'district-steward', districtNumber: '0001', schoolNumber: null },
  ]);
  await createTestUser(t, admin, [{ role: 'district-admin', districtNumber: '0001', schoolNumber: null }]);
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const signIn = (email: string, password: string, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, remoteAddress: ip });

function cookieOf(res: { cookies: { name: string; value: string }[] }): string {
  const c = res.cookies.find((x) => x.name === 'bitterroot_session')!;
  return `bitterroot_session=${c.value}`;
}

describe('sign-in and sessions', () => {
  it('signs in with an HTTP-only, SameSite session cookie and a CSRF token, case-insensitive e-mail', async () => {
    const res = await signIn(steward.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const set = String(res.headers['set-cookie']);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    const body = res.json<{ csrfToken: string; grants: unknown[]; actions: string[] }>();
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(body.actions).toContain('upload:write');
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: cookieOf(res) },
    });
    expect(me.json<{ email: string }>().email).toBe(steward);
  });

  it('never reveals whether an account exists, and stores no password in clear', async () => {
    const unknown = await signIn('nobody@access.test', TEST_PASSWORD);
    const wrong = await signIn(steward, 'wrong password!!');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json<{ detail: string }>().detail).toBe(wrong.json<{ detail: string }>().detail);
    const stored = await t.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('email', '=', steward)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('issues a new session id at every sign-in and ends a planted one (no session fixation)', async () => {
    const first = await signIn(steward, TEST_PASSWORD);
    const planted = cookieOf(first);
    const second = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: steward, password: TEST_PASSWORD },
      headers: { cookie: planted },
    });
    expect(cookieOf(second)).not.toBe(planted);
    const old = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: planted } });
    expect(old.statusCode).toBe(401);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const res = await signIn(steward, TEST_PASSWORD);
    const cookie = cookieOf(res);
    const csrf = res.json<{ csrfToken: string }>().csrfToken;
    const url = '/api/v1/districts/0001/validation-runs';
    expect((await app.inject({ method: 'POST', url, headers: { cookie } })).statusCode).toBe(403);
    expect(
      (await app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': 'forged' } })).statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf } })).statusCode,
    ).toBe(200);
  });

  it('signs out: the cookie stops working', async () => {
    const res = await signIn(steward, TEST_PASSWORD);
    const headers = { cookie: cookieOf(res), 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/session', headers })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/session', headers })).statusCode).toBe(401);
  });

  it('refuses expired and idle sessions', async () => {
    const id = await createTestUser(t, 'idle@access.test', [
      { role: 'auditor', districtNumber: null, schoolNumber: null },
    ]);
    const expired = await sessionHeaders(t, id, -1);
    expect((await app.inject({ method: 'GET', url: '/api/v1/session', headers: expired })).statusCode).toBe(
      401,
    );
    const idle = await sessionHeaders(t, id);
    await t.db
      .updateTable('user_session')
      .set({ last_seen_at: sql`now() - interval '2 hours'` })
      .where('user_id', '=', id)
      .execute();
    expect((await app.inject({ method: 'GET', url: '/api/v1/session', headers: idle })).statusCode).toBe(401);
  });

  it('locks an account after repeated failures, even with the right password', async () => {
    const email = 'lock@access.test';
    await createTestUser(t, email, [{ role: 'auditor', districtNumber: null, schoolNumber: null }]);
    for (let i = 0; i < 3; i++)
      expect((await signIn(email, 'not the password', `10.1.0.${i}`)).statusCode).toBe(401);
    const locked = await signIn(email, TEST_PASSWORD, '10.1.0.9');
    expect(locked.statusCode).toBe(423);
    const audit = await t.db.selectFrom('audit_event').select('action').where('actor', '=', email).execute();
    expect(audit.filter((a) => a.action === 'sign-in-failed')).toHaveLength(3);
  });

  it('throttles a burst of attempts from one address before hashing anything', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 10; i++)
      codes.push((await signIn(`spray${i}@access.test`, 'x', '10.9.9.9')).statusCode);
    expect(codes.slice(0, 8).every((c) => c === 401)).toBe(true);
    expect(codes.slice(8)).toEqual([429, 429]);
  });
});

describe('password reset', () => {
  it('sends a one-time link through the outbox; the token works once and ends old sessions', async () => {
    const email = 'reset@access.test';
    const id = await createTestUser(t, email, [
      { role: 'auditor', districtNumber: null, schoolNumber: null },
    ]);
    const old = await sessionHeaders(t, id);
    const asked = await app.inject({
      method: 'POST',
      url: '/api/v1/password-resets',
      payload: { email },
      headers: { host: 'evil.example' },
    });
    expect(asked.statusCode).toBe(202);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/password-resets',
      payload: { email: 'none@x.org' },
    });
    expect(unknown.statusCode).toBe(202);
    const note = await t.db
      .selectFrom('notification')
      .selectAll()
      .where('user_id', '=', id)
      .executeTakeFirstOrThrow();
    // The link's host is the configured public address, whatever Host header the request carried.
    expect(note.body).toContain('http://127.0.0.1:3000/reset-password#');
    const token = /#([\w-]+)/.exec(note.body)![1]!;
    const weak = await app.inject({
      method: 'POST',
      url: '/api/v1/password-resets/complete',
      payload: { token, password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    const done = await app.inject({
      method: 'POST',
      url: '/api/v1/password-resets/complete',
      payload: { token, password: 'a brand new passphrase' },
    });
    expect(done.statusCode).toBe(204);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/password-resets/complete',
      payload: { token, password: 'another new passphrase' },
    });
    expect(again.statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/session', headers: old })).statusCode).toBe(401);
    expect((await signIn(email, 'a brand new passphrase', '10.2.0.1')).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('act with one grant the owner holds, and stop when revoked or when the owner loses the grant', async () => {
    const id = await createTestUser(t, 'sis@access.test', [
      { role: 'district-steward', districtNumber: '0002', schoolNumber: null },
    ]);
    const session = await sessionHeaders(t, id);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      headers: session,
      payload: {
        name: 'SIS',
        grant: { role: 'district-steward', districtNumber: '0001', schoolNumber: null },
      },
    });
    expect(refused.statusCode).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      headers: session,
      payload: {
        name: 'SIS',
        grant: { role: 'district-steward', districtNumber: '0002', schoolNumber: null },
      },
    });
    expect(created.statusCode).toBe(201);
    const { token, id: tokenId } = created.json<{ token: string; id: number }>();
    const bearer = { authorization: `Bearer ${token}` };
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/districts/0002/findings', headers: bearer }))
        .statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/districts/0001/findings', headers: bearer }))
        .statusCode,
    ).toBe(403);
    // Writes with a bearer token need no CSRF token: browsers never send it on their own.
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/districts/0002/validation-runs', headers: bearer }))
        .statusCode,
    ).toBe(200);
    // A token cannot mint tokens (only a signed-in person can).
    const minted = await app.inject({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      headers: bearer,
      payload: { name: 'x', grant: { role: 'district-steward', districtNumber: '0002', schoolNumber: null } },
    });
    expect(minted.statusCode).toBe(403);
    await t.db.deleteFrom('user_role').where('user_id', '=', id).execute();
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/districts/0002/findings', headers: bearer }))
        .statusCode,
    ).toBe(403);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/me/api-tokens/${tokenId}`,
      headers: session,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/session', headers: bearer })).statusCode).toBe(
      401,
    );
  });
});

describe('user administration', () => {
  it('lets a district administrator manage their district only, never granting more than they hold', async () => {
    const adminId = (
      await t.db.selectFrom('app_user').select('id').where('email', '=', admin).executeTakeFirstOrThrow()
    ).id;
    const headers = await sessionHeaders(t, adminId);
    const create = (grant: object, email: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers,
        payload: { email, displayName: 'New Person', password: 'a long enough passphrase', grant },
      });
    const made = await create(
      { role: 'district-steward', districtNumber: '0001', schoolNumber: null },
      'new1@access.test',
    );
    expect(made.statusCode).toBe(201);
    expect(
      (
        await create(
          { role: 'district-steward', districtNumber: '0002', schoolNumber: null },
          'new2@access.test',
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await create({ role: 'state-staff', districtNumber: null, schoolNumber: null }, 'new3@access.test'))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await create(
          { role: 'district-steward', districtNumber: null, schoolNumber: null },
          'new4@access.test',
        )
      ).statusCode,
    ).toBe(400);
    const list = await app.inject({ method: 'GET', url: '/api/v1/users?district=0001', headers });
    expect(list.json<{ users: { email: string }[] }>().users.map((u) => u.email)).toContain(
      'new1@access.test',
    );
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/users?district=0002', headers })).statusCode,
    ).toBe(403);
    const newId = made.json<{ id: number }>().id;
    const off = await app.inject({ method: 'POST', url: `/api/v1/users/${newId}/deactivate`, headers });
    expect(off.json<{ active: boolean }>().active).toBe(false);
    expect((await signIn('new1@access.test', 'a long enough passphrase', '10.3.0.1')).statusCode).toBe(401);
  });
});

describe('audit log', () => {
  it('is append-only in the database itself', async () => {
    await t.db.insertInto('audit_event').values({ actor: 'x', action: 'test', detail: '{}' }).execute();
    await expect(t.db.updateTable('audit_event').set({ action: 'changed' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.deleteFrom('audit_event').execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_event`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('records an audited read in its own statement, only when asked when it found nothing, flush deferred locally', async () => {
    const event = { userId: null, actor: 'reader@access.test', action: 'audited-read-test' };
    const read = (n: number) => sql<{ ord: number }>`SELECT g AS ord FROM generate_series(1, ${n}::int) g`;
    const logged = () =>
      t.db
        .selectFrom('audit_event')
        .select('detail')
        .where('action', '=', event.action)
        .orderBy('id')
        .execute();
    expect(await readAudited(t.db, read(2), event)).toEqual([{ ord: 1 }, { ord: 2 }]);
    expect(await readAudited(t.db, read(0), event)).toEqual([]);
    expect(await readAudited(t.db, read(0), event, { onlyWhenRead: true })).toEqual([]);
    expect((await logged()).map((e) => e.detail)).toEqual([{ hits: 2 }, { hits: 0 }]);
    // The deferred flush is the statement's transaction's only; the event is committed all the same.
    await t.db.transaction().execute(async (trx) => {
      await readAudited(trx, read(1), event, { deferFlush: true });
      const inside = await sql<{ s: string }>`SELECT current_setting('synchronous_commit') AS s`.execute(trx);
      expect(inside.rows[0]!.s).toBe('off');
    });
    await readAudited(t.db, read(1), event, { onlyWhenRead: true, deferFlush: true });
    const after = await sql<{ s: string }>`SELECT current_setting('synchronous_commit') AS s`.execute(t.db);
    expect(after.rows[0]!.s).toBe('on');
    expect((await logged()).map((e) => e.detail)).toEqual([
      { hits: 2 },
      { hits: 0 },
      { hits: 1 },
      { hits: 1 },
    ]);
  });
});
