import { getJson, sendJson } from '../../lib/api.ts';

/** One in-app notification, as `notificationSchema` in packages/contracts access.ts (which exports no type). */
export interface Notification {
  id: number;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The signed-in user's latest notifications, newest first. */
export async function listNotifications(signal?: AbortSignal): Promise<Notification[]> {
  return (await getJson<{ notifications: Notification[] }>('/api/v1/me/notifications', signal)).notifications;
}

/** Marks one notification read. */
export async function markNotificationRead(id: number): Promise<void> {
  await sendJson<void>('POST', `/api/v1/me/notifications/${id}/read`);
}
