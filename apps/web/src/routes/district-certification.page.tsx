import { Link, Navigate, useParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { getDistrictEvents } from '../features/collections/collections-api.ts';
import { DistrictEventsTable } from '../features/collections/district-events-table.tsx';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

/** A district's published certification events: status, what blocks each, who still has to certify. */
export function DistrictCertificationPage() {
  const raw = useParams().districtNumber ?? '';
  if (/^\d{1,3}$/.test(raw))
    return <Navigate replace to={`/districts/${raw.padStart(4, '0')}/certification`} />;
  return <DistrictCertification district={raw} />;
}

function DistrictCertification({ district }: { district: string }) {
  const [events, reload] = useResource(`district-events:${district}`, (signal) =>
    getDistrictEvents(district, signal),
  );
  if (events.status === 'error' && isForbidden(events.problem))
    return <NotAllowed problem={events.problem} what={`the certification of district ${district}`} />;
  return (
    <>
      <title>{`Certification · District ${district} · ${PRODUCT_NAME}`}</title>
      <p className="back">
        <Link to={`/districts/${district}`}>← District {district}</Link>
      </p>
      <h1>
        Certification <span className="subtitle">District {district}</span>
      </h1>
      <p>
        <Link to={`/districts/${district}/certification/members`}>Type Membership</Link> ·{' '}
        <Link to={`/districts/${district}/contacts`}>Contacts</Link> ·{' '}
        <Link to={`/districts/${district}/findings`}>Findings</Link>
      </p>
      {events.status === 'loading' && <Loading what="certification events" />}
      {events.status === 'error' && (
        <ProblemAlert
          context="Could not load certification events"
          problem={events.problem}
          onRetry={reload}
        />
      )}
      {events.status === 'ok' && <DistrictEventsTable events={events.data} />}
    </>
  );
}
