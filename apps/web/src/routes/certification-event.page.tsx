import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { districtsOf, hasStateRole } from '../features/access/navigation.ts';
import { ActionStatus } from '../features/collections/action-status.tsx';
import { EVENT_STATE_LABELS } from '../features/collections/certification-view.ts';
import { getCalendar, listEvents, moveEvent } from '../features/collections/collections-api.ts';
import { DeadlineActions } from '../features/collections/deadline-actions.tsx';
import { EventForm } from '../features/collections/event-form.tsx';
import { useAction } from '../features/collections/use-action.ts';
import { useKeptResource } from '../features/collections/use-kept-resource.ts';
import { holds, useSignedInSession } from '../lib/session.ts';
import { PRODUCT_NAME } from '../lib/state.ts';

/**
 * One event for state staff: its content, edit, publish and close, reminders, reopening and extensions; district
 * users go to their district's view.
 */
export function CertificationEventPage() {
  const session = useSignedInSession();
  const eventId = Number(useParams().eventId);
  const [generation, setGeneration] = useState(0);
  const [editing, setEditing] = useState(false);
  const [action, run] = useAction();
  const [data, reload] = useKeptResource(`event:${eventId}:${generation}`, async (signal) => {
    const list = await listEvents(signal);
    return {
      event: list.events.find((e) => e.id === eventId) ?? null,
      calendar: await getCalendar(list.schoolYear, signal),
    };
  });
  if (!hasStateRole(session)) {
    // Notification links name the event only: a district user sees it for their district.
    const [district] = districtsOf(session);
    return <Navigate replace to={district ? `/certification/${eventId}/districts/${district}` : '/'} />;
  }
  if (data.status === 'loading') return <Loading what="the event" />;
  if (data.status === 'error')
    return <ProblemAlert context="Could not load the event" problem={data.problem} onRetry={reload} />;
  const { event, calendar } = data.data;
  if (!event) return <h1>No such event</h1>;
  const mayManage = holds(session, 'collections:manage');
  const move = (to: 'publish' | 'close') =>
    run(async () => {
      const moved = await moveEvent(event.id, to);
      setGeneration((n) => n + 1);
      return `${moved.name} is now ${EVENT_STATE_LABELS[moved.state]}.`;
    });
  const types = new Map(calendar.certificationTypes.map((t) => [t.id, t.name]));
  return (
    <>
      <title>{`${event.name} · ${PRODUCT_NAME}`}</title>
      <p className="back">
        <Link to="/certification">← Certification events</Link>
      </p>
      <div className="page-heading">
        <h1>
          {event.name} <span className="badge">{EVENT_STATE_LABELS[event.state]}</span>
        </h1>
        {mayManage && (
          <span>
            {event.state !== 'published' && (
              <button
                type="button"
                className="button-primary"
                disabled={action.busy}
                onClick={() => move('publish')}
              >
                Publish
              </button>
            )}{' '}
            {event.state !== 'closed' && (
              <>
                <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
                  Edit
                </button>{' '}
                <button
                  type="button"
                  className="button-secondary"
                  disabled={action.busy}
                  onClick={() => move('close')}
                >
                  Close
                </button>
              </>
            )}
          </span>
        )}
      </div>
      <ActionStatus state={action} context="Not allowed now" />
      {editing && (
        <EventForm
          calendar={calendar}
          event={event}
          onSaved={() => {
            setEditing(false);
            setGeneration((n) => n + 1);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      <dl className="facts">
        <dt>Types</dt>
        <dd>{event.types.map((t) => types.get(t) ?? t).join(', ')}</dd>
        <dt>Level</dt>
        <dd>{event.level}</dd>
        <dt>Validation group</dt>
        <dd>
          {event.validationGroup ?? 'none'} ({event.validationRules.length} rules)
        </dd>
        <dt>Event start · certification opens · due</dt>
        <dd>
          {event.eventStart} · {event.certificationOpens} · {event.dueDate}
        </dd>
        <dt>Templates frozen at certification</dt>
        <dd>{event.templates.join(', ') || '—'}</dd>
      </dl>
      {event.description && <p>{event.description}</p>}
      {mayManage && (event.state === 'published' || event.state === 'unpublished-changes') && (
        <DeadlineActions event={event} />
      )}
      <p>
        <Link to={`/certification/dashboard?event=${event.id}`}>Every district’s status for this event</Link>
      </p>
    </>
  );
}
