/**
 * Sign-in, sessions, API tokens and password resets (issue 9). Outcomes are typed values; the HTTP edge turns
 * them into cookies and status codes. Nothing here logs an e-mail, name or password.
 */
import { grantFrom, type Grant, type Principal } from '@bitterroot/core';
import type { Database } from '../../db/database.ts';
import { appendAudit } from './audit.repository.ts';
import { enqueueNotifications } from './notifications.repository.ts';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { digest, newSecret } from './secrets.ts';
import {
  consumePasswordReset,
  insertPasswordReset,
  insertSession,
  liveApiToken,
  liveSession,
  revokeSession,
  type CredentialOwner,
} from './sessions.repository.ts';
import { sessionCache } from './session-cache.ts';
import { signInThrottle } from './sign-in-throttle.ts';
import {
  clearFailedSignIns,
  findSignIn,
  grantsOf,
  recordFailedSignIn,
  updatePassword,
} from './users.repository.ts';

/** Session and lockout settings (decision 0025). */
export type AccessSettings = {
  sessionHours: number;
  idleMinutes: number;
  maxFailures: number;
  lockMinutes: number;
  resetMinutes: number;
  throttle: { attempts: number; windowMs: number };
  /** How long a checked session is served from memory (decision 0067); 0 reads the database every time. */
  sessionCacheMs: number;
};

/** Defaults: 8-hour sessions, 30 idle minutes, lock for 15 minutes after 5 failures (OWASP guidance). */
export const DEFAULT_ACCESS_SETTINGS: AccessSettings = {
  sessionHours: 8,
  idleMinutes: 30,
  maxFailures: 5,
  lockMinutes: 15,
  resetMinutes: 60,
  throttle: { attempts: 20, windowMs: 5 * 60_000 },
  sessionCacheMs: 2_000,
};

/** Outcome of a sign-in. */
export type SignInOutcome =
  | { kind: 'signed-in'; sessionToken: string; csrfToken: string; principal: Principal }
  | { kind: 'invalid' }
  | { kind: 'locked'; until: string }
  | { kind: 'throttled'; retryAfterSeconds: number };

/** A live session's principal and CSRF token. */
export type SessionPrincipal = { principal: Principal; csrfToken: string };

/** The access service. */
export function accessService(database: Database, settings: AccessSettings = DEFAULT_ACCESS_SETTINGS) {
  const throttle = signInThrottle(settings.throttle);
  const db = database.db;
  const sessions = sessionCache<SessionPrincipal>(settings.sessionCacheMs);

  const principalOf = async (owner: CredentialOwner, via: Principal['via']): Promise<Principal> => {
    const held = owner.grants
      ? owner.grants.flatMap((g) => grantFrom(g.role, g.districtNumber, g.schoolNumber) ?? [])
      : ((await grantsOf(db, [owner.userId])).get(owner.userId) ?? []);
    let grants: Grant[] = held;
    if (owner.tokenGrant) {
      // A token acts with one grant, and only while its owner still holds it.
      const g = grantFrom(
        owner.tokenGrant.role,
        owner.tokenGrant.districtNumber,
        owner.tokenGrant.schoolNumber,
      );
      grants = g && held.some((h) => sameGrant(h, g)) ? [g] : [];
    }
    return { userId: owner.userId, email: owner.email, displayName: owner.displayName, grants, via };
  };

  return {
    /** Checks a password and opens a new session (a fresh token every time: no session fixation). */
    async signIn(email: string, password: string, client: string, requestId: string): Promise<SignInOutcome> {
      const wait = throttle.attempt(client);
      if (wait > 0) return { kind: 'throttled', retryAfterSeconds: wait };
      const user = await findSignIn(db, email);
      const good = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
      if (!user || !user.active || !user.passwordHash) return { kind: 'invalid' };
      if (user.lockedUntil && Date.parse(user.lockedUntil) > Date.now())
        return { kind: 'locked', until: user.lockedUntil };
      if (!good) {
        await database.db.transaction().execute(async (trx) => {
          await recordFailedSignIn(trx, user.id, settings.maxFailures, settings.lockMinutes);
          await appendAudit(trx, [
            { userId: user.id, actor: user.email, action: 'sign-in-failed', requestId },
          ]);
        });
        return { kind: 'invalid' };
      }
      throttle.forgive(client);
      const sessionToken = newSecret();
      const csrfToken = newSecret();
      await database.db.transaction().execute(async (trx) => {
        await clearFailedSignIns(trx, user.id);
        await insertSession(trx, {
          tokenHash: digest(sessionToken),
          userId: user.id,
          csrfToken,
          hours: settings.sessionHours,
        });
        await appendAudit(trx, [{ userId: user.id, actor: user.email, action: 'sign-in', requestId }]);
      });
      const principal: Principal = {
        userId: user.id,
        email: user.email,
        displayName: user.displayName,
        grants: user.grants,
        via: 'session',
      };
      return { kind: 'signed-in', sessionToken, csrfToken, principal };
    },

    /** The principal of a session cookie, or null when it is unknown, expired, idle or revoked. */
    async fromSession(sessionToken: string): Promise<SessionPrincipal | null> {
      const key = digest(sessionToken);
      const cached = sessions.get(key);
      if (cached) return cached;
      const owner = await liveSession(db, key, settings.idleMinutes);
      if (!owner) return null;
      const live = { principal: await principalOf(owner, 'session'), csrfToken: owner.csrfToken! };
      sessions.set(key, owner.userId, live);
      return live;
    },

    /** Forgets the cached sessions of a user whose grants or status changed (decision 0067). */
    forgetUser: (userId: number) => sessions.forgetUser(userId),

    /** The principal of a bearer API token, or null. */
    async fromApiToken(token: string): Promise<Principal | null> {
      const owner = await liveApiToken(db, digest(token));
      return owner ? await principalOf(owner, 'token') : null;
    },

    /** Ends a session. */
    async signOut(sessionToken: string, principal: Principal | null, requestId: string): Promise<void> {
      sessions.forget(digest(sessionToken));
      await database.db.transaction().execute(async (trx) => {
        await revokeSession(trx, digest(sessionToken));
        if (principal)
          await appendAudit(trx, [
            { userId: principal.userId, actor: principal.email, action: 'sign-out', requestId },
          ]);
      });
    },

    /**
     * Starts a password reset: a one-time token goes to the account's e-mail through the outbox. The answer is
     * the same whether or not the account exists (no account enumeration).
     */
    async requestReset(email: string, resetLink: (token: string) => string): Promise<void> {
      const user = await findSignIn(db, email);
      if (!user || !user.active) return;
      const token = newSecret();
      await database.db.transaction().execute(async (trx) => {
        await insertPasswordReset(trx, digest(token), user.id, settings.resetMinutes);
        await enqueueNotifications(trx, [
          {
            userId: user.id,
            email: user.email,
            kind: 'password-reset',
            subject: 'Reset your Bitterroot password',
            body: `Use this link within ${settings.resetMinutes} minutes to choose a new password: ${resetLink(token)}\nIf you did not ask for it, ignore this message.`,
          },
        ]);
      });
    },

    /** Sets a new password with a reset token (once); ends every session of the account. */
    async resetPassword(
      token: string,
      password: string,
      requestId: string,
    ): Promise<{ kind: 'done' } | { kind: 'invalid-token' } | { kind: 'weak'; reason: string }> {
      return await database.db
        .transaction()
        .execute(async (trx) => {
          const userId = await consumePasswordReset(trx, digest(token));
          if (userId === undefined) return { kind: 'invalid-token' } as const;
          const user = await trx
            .selectFrom('app_user')
            .select('email')
            .where('id', '=', userId)
            .executeTakeFirstOrThrow();
          const weak = passwordProblem(password, user.email);
          if (weak) throw new WeakPassword(weak);
          await updatePassword(trx, userId, await hashPassword(password));
          await trx
            .updateTable('user_session')
            .set({ revoked_at: new Date().toISOString() })
            .where('user_id', '=', userId)
            .execute();
          await appendAudit(trx, [{ userId, actor: user.email, action: 'password-reset', requestId }]);
          sessions.forgetUser(userId);
          return { kind: 'done' } as const;
        })
        .catch((e: unknown) => {
          // A weak password rolls the transaction back so the one-time token stays usable.
          if (e instanceof WeakPassword) return { kind: 'weak', reason: e.message } as const;
          throw e;
        });
    },
  };
}

/** The service's type. */
export type AccessService = ReturnType<typeof accessService>;

class WeakPassword extends Error {}

/** Whether two grants are the same role at the same scope. */
export function sameGrant(a: Grant, b: Grant): boolean {
  return a.role === b.role && a.districtNumber === b.districtNumber && a.schoolNumber === b.schoolNumber;
}
