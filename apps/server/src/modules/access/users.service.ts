/**
 * User administration (issue 9 §6): district administrators manage their district's accounts, state
 * administrators everyone; no one grants more than they hold (`canGrant`). Every change is audited.
 */
import { canGrant, readableScope, type Grant, type Principal } from '@bitterroot/core';
import type { Database } from '../../db/database.ts';
import { appendAudit, searchAudit, type AuditFilter } from './audit.repository.ts';
import { markNotificationRead, notificationsOf } from './notifications.repository.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { newSecret, digest } from './secrets.ts';
import { insertApiToken, listApiTokens, revokeApiToken } from './sessions.repository.ts';
import { sameGrant } from './access.service.ts';
import {
  deleteGrant,
  findUser,
  insertGrant,
  insertUser,
  listUsers,
  setActive,
  type UserAccount,
} from './users.repository.ts';

/** Expected outcomes of an administration command. */
export type AdminOutcome<T = UserAccount> =
  | { kind: 'done'; value: T }
  | { kind: 'not-found' }
  | { kind: 'forbidden'; reason: string }
  | { kind: 'conflict'; reason: string }
  | { kind: 'invalid'; reason: string };

/** The user administration service. */
export function usersService(database: Database, accessChanged: (userId: number) => void = () => undefined) {
  const db = database.db;
  const audit = (
    actor: Principal,
    action: string,
    entityId: string,
    detail: Record<string, unknown>,
    requestId: string,
  ) =>
    appendAudit(db, [
      { userId: actor.userId, actor: actor.email, action, entity: 'user', entityId, requestId, detail },
    ]);

  // A district administrator may only touch accounts that hold a grant in a district they manage.
  const visible = async (actor: Principal, userId: number): Promise<UserAccount | undefined> =>
    (await listUsers(db, readableScope(actor, 'users:manage'), { id: userId }))[0];

  return {
    /** Accounts the actor may see. */
    list: (actor: Principal, search?: string) =>
      listUsers(db, readableScope(actor, 'users:read'), { search }),

    /** Creates an account with one grant. */
    async create(
      actor: Principal,
      input: { email: string; displayName: string; password?: string | undefined; grant: Grant },
      requestId: string,
    ): Promise<AdminOutcome> {
      if (!canGrant(actor, input.grant))
        return { kind: 'forbidden', reason: 'You cannot grant that role at that scope.' };
      if (input.password !== undefined) {
        const weak = passwordProblem(input.password, input.email);
        if (weak) return { kind: 'invalid', reason: weak };
      }
      const hash = input.password === undefined ? null : await hashPassword(input.password);
      const id = await database.db.transaction().execute(async (trx) => {
        const userId = await insertUser(trx, {
          email: input.email,
          displayName: input.displayName,
          passwordHash: hash,
        });
        if (userId !== undefined) await insertGrant(trx, userId, input.grant, actor.userId);
        return userId;
      });
      if (id === undefined) return { kind: 'conflict', reason: 'An account with that e-mail exists.' };
      await audit(actor, 'user-created', String(id), { grant: input.grant }, requestId);
      return { kind: 'done', value: (await findUser(db, id))! };
    },

    /** Adds or removes a grant. */
    async changeGrant(
      actor: Principal,
      userId: number,
      grant: Grant,
      change: 'add' | 'remove',
      requestId: string,
    ): Promise<AdminOutcome> {
      if (!canGrant(actor, grant))
        return { kind: 'forbidden', reason: 'You cannot grant that role at that scope.' };
      const target = actor.grants.some((g) => g.role === 'state-admin')
        ? await findUser(db, userId)
        : await visible(actor, userId);
      if (!target) return { kind: 'not-found' };
      if (change === 'add') await insertGrant(db, userId, grant, actor.userId);
      else if (!(await deleteGrant(db, userId, grant))) return { kind: 'not-found' };
      accessChanged(userId);
      await audit(
        actor,
        change === 'add' ? 'grant-added' : 'grant-removed',
        String(userId),
        { grant },
        requestId,
      );
      return { kind: 'done', value: (await findUser(db, userId))! };
    },

    /** Deactivates or reactivates an account (ending its sessions and tokens). */
    async setActive(
      actor: Principal,
      userId: number,
      active: boolean,
      requestId: string,
    ): Promise<AdminOutcome> {
      const target = await visible(actor, userId);
      if (!target) return { kind: 'not-found' };
      if (target.id === actor.userId) return { kind: 'conflict', reason: 'You cannot deactivate yourself.' };
      // Deactivating someone who holds more than the actor could grant would let an administrator remove a superior.
      const full = (await findUser(db, userId))!;
      if (!full.grants.every((g) => canGrant(actor, g)))
        return { kind: 'forbidden', reason: 'That account holds roles you cannot manage.' };
      await setActive(db, userId, active);
      accessChanged(userId);
      await audit(actor, active ? 'user-activated' : 'user-deactivated', String(userId), {}, requestId);
      return { kind: 'done', value: (await findUser(db, userId))! };
    },

    /** The actor's own API tokens. */
    tokens: (actor: Principal) => listApiTokens(db, actor.userId),

    /** Creates an API token narrowed to one grant the actor holds; the secret is returned once. */
    async createToken(
      actor: Principal,
      input: { name: string; grant: Grant; days: number },
      requestId: string,
    ): Promise<AdminOutcome<{ id: number; token: string; expiresAt: string }>> {
      if (actor.via !== 'session')
        return { kind: 'forbidden', reason: 'Tokens are created by a signed-in person.' };
      if (!actor.grants.some((g) => sameGrant(g, input.grant)))
        return { kind: 'forbidden', reason: 'A token can only carry a role you hold.' };
      const token = `brt_${newSecret()}`;
      const row = await insertApiToken(db, {
        tokenHash: digest(token),
        name: input.name,
        userId: actor.userId,
        role: input.grant.role,
        districtNumber: input.grant.districtNumber,
        schoolNumber: input.grant.schoolNumber,
        days: input.days,
      });
      await audit(
        actor,
        'api-token-created',
        String(row.id),
        { grant: input.grant, name: input.name },
        requestId,
      );
      return { kind: 'done', value: { id: row.id, token, expiresAt: row.expiresAt } };
    },

    /** Revokes one of the actor's tokens. */
    async revokeToken(actor: Principal, id: number, requestId: string): Promise<boolean> {
      const done = await revokeApiToken(db, actor.userId, id);
      if (done) await audit(actor, 'api-token-revoked', String(id), {}, requestId);
      return done;
    },

    /** The audit log, for state staff and auditors. */
    audit: (filter: AuditFilter) => searchAudit(db, filter),

    /** Records an event from another module's edge (exports, reads of student records). */
    record: (
      actor: Principal,
      event: {
        action: string;
        entity?: string;
        entityId?: string;
        districtNumber?: string;
        studentId?: number;
        detail?: Record<string, unknown>;
      },
      requestId: string,
    ) => appendAudit(db, [{ userId: actor.userId, actor: actor.email, requestId, ...event }]),

    /** The actor's notifications. */
    notifications: (actor: Principal) => notificationsOf(db, actor.userId),
    /** Marks one read. */
    markRead: (actor: Principal, id: number) => markNotificationRead(db, actor.userId, id),
  };
}

/** The service's type. */
export type UsersService = ReturnType<typeof usersService>;
