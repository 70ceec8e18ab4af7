/** The notification outbox: written with what caused it, shown in the app, delivered by a pluggable sender. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** A notification to store. */
export type NotificationInput = {
  userId: number | null;
  email: string;
  kind: string;
  subject: string;
  body: string;
  link?: string | null;
};

/** A stored notification. */
export type Notification = NotificationInput & { id: number; createdAt: string; readAt: string | null };

/** Adds notifications to the outbox in one statement. */
export async function enqueueNotifications(db: Executor, items: readonly NotificationInput[]): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto('notification')
    .values(
      items.map((n) => ({
        user_id: n.userId,
        email: n.email,
        kind: n.kind,
        subject: n.subject,
        body: n.body,
        link: n.link ?? null,
      })),
    )
    .execute();
}

/** A user's newest notifications. */
export async function notificationsOf(db: Executor, userId: number, limit = 50): Promise<Notification[]> {
  const rows = await db
    .selectFrom('notification')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    email: r.email,
    kind: r.kind,
    subject: r.subject,
    body: r.body,
    link: r.link,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

/** Marks a user's notification read. */
export async function markNotificationRead(db: Executor, userId: number, id: number): Promise<boolean> {
  const res = await db
    .updateTable('notification')
    .set({ read_at: sql`now()` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Undelivered notifications, oldest first, for the sender; the sender marks them delivered. */
export async function undelivered(db: Executor, limit: number) {
  return await db
    .selectFrom('notification')
    .selectAll()
    .where('delivered_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Marks notifications delivered. */
export async function markDelivered(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length)
    await db
      .updateTable('notification')
      .set({ delivered_at: sql`now()` })
      .where('id', 'in', ids)
      .execute();
}
