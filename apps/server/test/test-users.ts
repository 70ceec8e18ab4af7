/**
 * Accounts for tests: real users, grants and sessions in the test database, so every request in a test passes
 * the same authentication and policy as in production.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import type { Grant } from '@bitterroot/core';
import type { Database } from '../src/db/database.ts';
import { SESSION_COOKIE } from '../src/http/auth.ts';
import { hashPassword } from '../src/modules/access/passwords.ts';
import { digest, newSecret } from '../src/modules/access/secrets.ts';
import { insertGrant, insertUser } from '../src/modules/access/users.repository.ts';

/** Password of every test account. */
export const TEST_PASSWORD = 'correct horse battery staple';

let hashed: Promise<string> | undefined;

/** Creates (or finds) an account with the given grants; returns its id. */
export async function createTestUser(
  database: Database,
  email: string,
  grants: readonly Grant[],
): Promise<number> {
  hashed ??= hashPassword(TEST_PASSWORD);
  const id =
    (await insertUser(database.db, {
      email,
      displayName: email.split('@')[0]!,
      passwordHash: await hashed,
    })) ??
    (
      await database.db
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;
  for (const g of grants) await insertGrant(database.db, id, g, null);
  return id;
}

/** Headers of a fresh session for a user: the cookie and its CSRF token, as the web app sends them. */
export async function sessionHeaders(
  database: Database,
  userId: number,
  hours = 8,
): Promise<Record<string, string>> {
  const token = newSecret();
  const csrf = newSecret();
  await database.db
    .insertInto('user_session')
    .values({
      token_hash: digest(token),
      user_id: userId,
      csrf_token: csrf,
      expires_at: sql<string>`now() + make_interval(hours => ${hours})`,
    })
    .execute();
  return { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrf };
}

/**
 * A session for a tester who is state administrator and data steward of every district: for tests of what an
 * endpoint does, not who may call it (the access tests cover that).
 */
export async function testerHeaders(database: Database): Promise<Record<string, string>> {
  const id = await createTestUser(database, 'tester@bitterroot.test', []);
  await grantEveryDistrict(database, id);
  return await sessionHeaders(database, id);
}

/** Makes a user state administrator and data steward of every district. */
export async function grantEveryDistrict(database: Database, id: number): Promise<void> {
  await insertGrant(database.db, id, { role: 'state-admin', districtNumber: null, schoolNumber: null }, null);
  await database.db
    .insertInto('user_role')
    .columns(['user_id', 'role', 'district_number'])
    .expression((eb) =>
      eb
        .selectFrom('district')
        .select([sql.lit(id).as('user_id'), sql.lit('district-steward').as('role'), 'district_number']),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** `app.inject` with the given headers added to every request. */
export function injectAs(app: FastifyInstance, headers: Record<string, string>) {
  return (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: { ...headers, ...(options.headers as Record<string, string> | undefined) },
    });
}
