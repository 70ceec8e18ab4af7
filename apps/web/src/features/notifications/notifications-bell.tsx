import { useEffect, useRef, useState } from 'react';
import { useResource } from '../../lib/use-resource.ts';
// One date style everywhere (the identity queue's).
import { formatDateTime } from '../identity/review-labels.ts';
import type { Notification } from './notifications-api.ts';
import { listNotifications, markNotificationRead } from './notifications-api.ts';

// Links come from the server, but a `javascript:` one must never become clickable: same-site paths and
// web addresses only.
function safeLink(link: string | null): boolean {
  return link !== null && (/^\/(?![/\\])/.test(link) || /^https?:\/\//i.test(link));
}

/**
 * The header's notification button with its unread count, opening a list (a disclosure: Escape closes it and
 * returns focus to the button). Read marks are applied in place rather than reloading the list.
 */
export function NotificationsBell() {
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [list] = useResource(`notifications:${generation}`, listNotifications);
  const [readIds, setReadIds] = useState<ReadonlySet<number>>(new Set());
  const button = useRef<HTMLButtonElement>(null);
  const items = list.status === 'ok' ? list.data : [];
  const isRead = (n: Notification) => n.readAt !== null || readIds.has(n.id);
  const unread = items.filter((n) => !isRead(n)).length;
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  const markRead = (id: number) => {
    markNotificationRead(id).then(
      () => setReadIds((s) => new Set(s).add(id)),
      () => setGeneration((n) => n + 1),
    );
  };
  return (
    <div className="notifications">
      <button
        ref={button}
        type="button"
        className="button-header"
        aria-expanded={open}
        aria-controls="notifications-panel"
        onClick={() => {
          if (!open) setGeneration((n) => n + 1);
          setOpen(!open);
        }}
      >
        Notifications
        {unread > 0 && (
          <span className="badge">
            {unread}
            <span className="visually-hidden"> unread</span>
          </span>
        )}
      </button>
      <div id="notifications-panel" className="notifications-panel" hidden={!open}>
        <h2 className="visually-hidden">Notifications</h2>
        {list.status === 'loading' && <p className="note">Loading…</p>}
        {list.status === 'error' && <p className="status-bad">Could not load notifications.</p>}
        {list.status === 'ok' && items.length === 0 && <p className="note">No notifications.</p>}
        {items.length > 0 && (
          <ul>
            {items.map((n) => (
              <li key={n.id} className={isRead(n) ? 'notification-read' : undefined}>
                <p className="notification-subject">
                  {safeLink(n.link) ? <a href={n.link!}>{n.subject}</a> : n.subject}
                </p>
                <p>{n.body}</p>
                <p className="note">
                  {formatDateTime(n.createdAt)}
                  {!isRead(n) && (
                    <>
                      {' · '}
                      <button type="button" className="link-button" onClick={() => markRead(n.id)}>
                        Mark read
                      </button>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
