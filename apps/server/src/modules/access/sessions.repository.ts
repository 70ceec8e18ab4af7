/** Sessions, API tokens and password-reset tokens, stored by digest only. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** The user a live credential belongs to, with the narrowed grant of an API token. */
export type CredentialOwner = {
  userId: number;
  email: string;
  displayName: string;
  csrfToken: string | null;
  tokenGrant: { role: string; districtNumber: string | null; schoolNumber: string | null } | null;
  /** The user's grants as stored, when the lookup read them in the same statement. */
  grants?: { role: string; districtNumber: string | null; schoolNumber: string | null }[];
};

type StoredGrant = { role: string; d: string | null; s: string | null };

/** Stores a new session. */
export async function insertSession(
  db: Executor,
  session: { tokenHash: string; userId: number; csrfToken: string; hours: number },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: sql<string>`now() + make_interval(hours => ${session.hours})`,
    })
    .execute();
}

/**
 * The owner of a live session (not revoked, not expired, not idle past `idleMinutes`, account active) with the
 * user's grants. One statement, one round trip per request; the idle clock is touched at most once a minute, so
 * steady reads write nothing.
 */
export async function liveSession(
  db: Executor,
  tokenHash: string,
  idleMinutes: number,
): Promise<CredentialOwner | undefined> {
  const row = await sql<{
    user_id: number;
    email: string;
    display_name: string;
    csrf_token: string;
    grants: StoredGrant[] | string;
  }>`
    WITH live AS (
      SELECT u.id AS user_id, u.email, u.display_name, s.csrf_token, s.last_seen_at
      FROM user_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_hash = ${tokenHash} AND u.active AND s.revoked_at IS NULL AND s.expires_at > now()
        AND s.last_seen_at > now() - make_interval(mins => ${idleMinutes})
    ), touch AS (
      UPDATE user_session SET last_seen_at = now()
      WHERE token_hash = ${tokenHash} AND last_seen_at < now() - interval '1 minute'
        AND EXISTS (SELECT 1 FROM live)
    )
    SELECT l.user_id, l.email, l.display_name, l.csrf_token,
      (SELECT coalesce(json_agg(json_build_object('role', g.role, 'd', g.district_number, 's', g.school_number)
                                ORDER BY g.id), '[]')::text
       FROM user_role g WHERE g.user_id = l.user_id) AS grants
    FROM live l`.execute(db);
  const r = row.rows[0];
  if (!r) return undefined;
  // As text on both drivers, so PGlite and pg hand back the same thing.
  const grants = (typeof r.grants === 'string' ? JSON.parse(r.grants) : r.grants) as StoredGrant[];
  return {
    userId: r.user_id,
    email: r.email,
    displayName: r.display_name,
    csrfToken: r.csrf_token,
    tokenGrant: null,
    grants: grants.map((g) => ({ role: g.role, districtNumber: g.d, schoolNumber: g.s })),
  };
}

/** Ends a session. */
export async function revokeSession(db: Executor, tokenHash: string): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ revoked_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Stores a new API token. */
export async function insertApiToken(
  db: Executor,
  token: {
    tokenHash: string;
    name: string;
    userId: number;
    role: string;
    districtNumber: string | null;
    schoolNumber: string | null;
    days: number;
  },
): Promise<{ id: number; expiresAt: string }> {
  const row = await db
    .insertInto('api_token')
    .values({
      token_hash: token.tokenHash,
      name: token.name,
      user_id: token.userId,
      role: token.role,
      district_number: token.districtNumber,
      school_number: token.schoolNumber,
      expires_at: sql<string>`now() + make_interval(days => ${token.days})`,
    })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, expiresAt: row.expires_at };
}

/** The owner and grant of a live API token; its owner must still hold the grant (checked by the caller). */
export async function liveApiToken(db: Executor, tokenHash: string): Promise<CredentialOwner | undefined> {
  const row = await sql<{
    user_id: number;
    email: string;
    display_name: string;
    role: string;
    district_number: string | null;
    school_number: string | null;
  }>`
    UPDATE api_token t SET last_used_at = now()
    FROM app_user u
    WHERE t.token_hash = ${tokenHash} AND u.id = t.user_id AND u.active
      AND t.revoked_at IS NULL AND t.expires_at > now()
    RETURNING u.id AS user_id, u.email, u.display_name, t.role, t.district_number, t.school_number`.execute(
    db,
  );
  const r = row.rows[0];
  return (
    r && {
      userId: r.user_id,
      email: r.email,
      displayName: r.display_name,
      csrfToken: null,
      tokenGrant: { role: r.role, districtNumber: r.district_number, schoolNumber: r.school_number },
    }
  );
}

/** API tokens of a user (never their secrets). */
export async function listApiTokens(db: Executor, userId: number) {
  return await db
    .selectFrom('api_token')
    .select([
      'id',
      'name',
      'role',
      'district_number',
      'school_number',
      'created_at',
      'expires_at',
      'last_used_at',
      'revoked_at',
    ])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

/** Revokes one of a user's tokens; true when it was live. */
export async function revokeApiToken(db: Executor, userId: number, id: number): Promise<boolean> {
  const res = await db
    .updateTable('api_token')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Stores a password-reset token. */
export async function insertPasswordReset(db: Executor, tokenHash: string, userId: number, minutes: number) {
  await db
    .insertInto('password_reset')
    .values({
      token_hash: tokenHash,
      user_id: userId,
      expires_at: sql<string>`now() + make_interval(mins => ${minutes})`,
    })
    .execute();
}

/** Uses up a live reset token: returns its user once, never again. */
export async function consumePasswordReset(db: Executor, tokenHash: string): Promise<number | undefined> {
  const row = await sql<{ user_id: number }>`
    UPDATE password_reset SET used_at = now()
    WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > now()
    RETURNING user_id`.execute(db);
  return row.rows[0]?.user_id;
}
