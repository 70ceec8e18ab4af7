/** Accounts and their role grants: all SQL of users lives here. */
import { sql } from 'kysely';
import { grantFrom, type Grant, type ScopeFilter } from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';

/** An account as services see it (no password hash). */
export type UserAccount = {
  id: number;
  email: string;
  displayName: string;
  active: boolean;
  lockedUntil: string | null;
  grants: Grant[];
};

/** What sign-in needs: the account, its hash and its failure counters. */
export type SignInRecord = UserAccount & { passwordHash: string | null; failedLogins: number };

/** The grants of several users, keyed by user id. */
export async function grantsOf(db: Executor, userIds: readonly number[]): Promise<Map<number, Grant[]>> {
  const byUser = new Map<number, Grant[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('user_role')
    .select(['user_id', 'role', 'district_number', 'school_number'])
    .where('user_id', 'in', userIds)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const grant = grantFrom(r.role, r.district_number, r.school_number);
    if (!grant) continue;
    const list = byUser.get(r.user_id) ?? [];
    list.push(grant);
    byUser.set(r.user_id, list);
  }
  return byUser;
}

/** The account signing in with this e-mail (case-insensitive), or undefined. */
export async function findSignIn(db: Executor, email: string): Promise<SignInRecord | undefined> {
  const row = await db
    .selectFrom('app_user')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!row) return undefined;
  const grants = (await grantsOf(db, [row.id])).get(row.id) ?? [];
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    active: row.active,
    lockedUntil: row.locked_until,
    grants,
    passwordHash: row.password_hash,
    failedLogins: row.failed_logins,
  };
}

/** Counts a failed sign-in and locks the account for `lockMinutes` once `maxFailures` is reached. */
export async function recordFailedSignIn(
  db: Executor,
  userId: number,
  maxFailures: number,
  lockMinutes: number,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      failed_logins: sql`failed_logins + 1`,
      locked_until: sql`CASE WHEN failed_logins + 1 >= ${maxFailures}
        THEN now() + make_interval(mins => ${lockMinutes}) ELSE locked_until END`,
    })
    .where('id', '=', userId)
    .execute();
}

/** Clears the failure counter after a good sign-in. */
export async function clearFailedSignIns(db: Executor, userId: number): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

/** Creates an account; returns its id, or undefined when the e-mail is taken. */
export async function insertUser(
  db: Executor,
  user: { email: string; displayName: string; passwordHash: string | null },
): Promise<number | undefined> {
  const row = await db
    .insertInto('app_user')
    .values({ email: user.email.trim(), display_name: user.displayName, password_hash: user.passwordHash })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Adds a grant (idempotent). */
export async function insertGrant(
  db: Executor,
  userId: number,
  grant: Grant,
  grantedBy: number | null,
): Promise<void> {
  await db
    .insertInto('user_role')
    .values({
      user_id: userId,
      role: grant.role,
      district_number: grant.districtNumber,
      school_number: grant.schoolNumber,
      granted_by: grantedBy,
    })
    .onConflict((oc) =>
      oc
        .expression(sql`user_id, role, coalesce(district_number, ''), coalesce(school_number, '')`)
        .doNothing(),
    )
    .execute();
}

/** Removes a grant; true when one was removed. */
export async function deleteGrant(db: Executor, userId: number, grant: Grant): Promise<boolean> {
  const res = await db
    .deleteFrom('user_role')
    .where('user_id', '=', userId)
    .where('role', '=', grant.role)
    .where(sql<string>`coalesce(district_number, '')`, '=', grant.districtNumber ?? '')
    .where(sql<string>`coalesce(school_number, '')`, '=', grant.schoolNumber ?? '')
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Sets a new password hash and unlocks the account. */
export async function updatePassword(db: Executor, userId: number, passwordHash: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

/** Activates or deactivates an account; deactivation also ends its sessions and tokens. */
export async function setActive(db: Executor, userId: number, active: boolean): Promise<boolean> {
  const res = await db
    .updateTable('app_user')
    .set({ active, updated_at: sql`now()` })
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!active) {
    await db
      .updateTable('user_session')
      .set({ revoked_at: sql`now()` })
      .where('user_id', '=', userId)
      .execute();
    await db
      .updateTable('api_token')
      .set({ revoked_at: sql`now()` })
      .where('user_id', '=', userId)
      .execute();
  }
  return Number(res.numUpdatedRows) > 0;
}

/** One account by id. */
export async function findUser(db: Executor, userId: number): Promise<UserAccount | undefined> {
  return (await listUsers(db, { all: true }, { id: userId }))[0];
}

/**
 * Accounts holding at least one grant inside the scope filter (a district administrator sees their district's
 * users, not the state's), with all of their grants that fall inside it.
 */
export async function listUsers(
  db: Executor,
  scope: ScopeFilter,
  filter: { id?: number; search?: string } = {},
): Promise<UserAccount[]> {
  let q = db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.email', 'u.display_name', 'u.active', 'u.locked_until'])
    .orderBy('u.email')
    .limit(1000);
  if (filter.id !== undefined) q = q.where('u.id', '=', filter.id);
  if (filter.search)
    q = q.where((eb) =>
      eb.or([
        eb('u.email', 'ilike', `%${escapeLike(filter.search!)}%`),
        eb('u.display_name', 'ilike', `%${escapeLike(filter.search!)}%`),
      ]),
    );
  if (!scope.all) {
    const districts = [...scope.districts, '~none~'];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role as r')
          .select('r.id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.district_number', 'in', districts),
      ),
    );
  }
  const rows = await q.execute();
  const grants = await grantsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    active: r.active,
    lockedUntil: r.locked_until,
    grants: (grants.get(r.id) ?? []).filter(
      (g) => scope.all || (g.districtNumber !== null && scope.districts.includes(g.districtNumber)),
    ),
  }));
}

/** Escapes LIKE wildcards so a search for "100%" matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
