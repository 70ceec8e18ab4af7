import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { districtsOf, hasStateRole } from '../features/access/navigation.ts';
import { getCalendar, listEvents } from '../features/collections/collections-api.ts';
import { EventForm } from '../features/collections/event-form.tsx';
import { EventsTable } from '../features/collections/events-table.tsx';
import { holds, useSignedInSession } from '../lib/session.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

async function load(signal: AbortSignal) {
  const list = await listEvents(signal);
  return { ...list, calendar: await getCalendar(list.schoolYear, signal) };
}

/** The state's certification events of the year, and a form to create one; district users go to theirs. */
export function CertificationEventsPage() {
  const session = useSignedInSession();
  const [generation, setGeneration] = useState(0);
  const [creating, setCreating] = useState(false);
  const [data, reload] = useResource(`events:${generation}`, load);
  if (!hasStateRole(session)) {
    const [district] = districtsOf(session);
    return district ? (
      <Navigate replace to={`/districts/${district}/certification`} />
    ) : (
      <Navigate replace to="/" />
    );
  }
  const mayManage = holds(session, 'collections:manage');
  return (
    <>
      <title>{`Certification events · ${PRODUCT_NAME}`}</title>
      <div className="page-heading">
        <h1>
          Certification events{' '}
          {data.status === 'ok' && <span className="subtitle">School year {data.data.schoolYear}</span>}
        </h1>
        {mayManage && !creating && (
          <button type="button" className="button-primary" onClick={() => setCreating(true)}>
            New event
          </button>
        )}
      </div>
      <p>
        <Link to="/certification/dashboard">Certification dashboard</Link> ·{' '}
        <Link to="/collections/calendar">Collections calendar</Link> ·{' '}
        <Link to="/contacts">Contacts directory</Link>
      </p>
      {data.status === 'loading' && <Loading what="events" />}
      {data.status === 'error' && (
        <ProblemAlert context="Could not load events" problem={data.problem} onRetry={reload} />
      )}
      {data.status === 'ok' && (
        <>
          {creating && (
            <EventForm
              calendar={data.data.calendar}
              event={null}
              onSaved={() => {
                setCreating(false);
                setGeneration((n) => n + 1);
              }}
              onCancel={() => setCreating(false)}
            />
          )}
          <EventsTable
            events={data.data.events}
            typeNames={new Map(data.data.calendar.certificationTypes.map((t) => [t.id, t.name]))}
          />
        </>
      )}
    </>
  );
}
