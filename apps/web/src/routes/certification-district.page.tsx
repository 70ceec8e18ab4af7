import { Link, useParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { hasStateRole, mayInDistrict } from '../features/access/navigation.ts';
import { CertifyPanel } from '../features/collections/certify-panel.tsx';
import { DISTRICT_STATUS_LABELS } from '../features/collections/certification-view.ts';
import { getDistrictEvents } from '../features/collections/collections-api.ts';
import { GatesList } from '../features/collections/gates-list.tsx';
import { MembersStatus } from '../features/collections/members-status.tsx';
import { ReviewPanel } from '../features/collections/review-panel.tsx';
import { SnapshotsSection } from '../features/collections/snapshots-section.tsx';
import { TransitionsLog } from '../features/collections/transitions-log.tsx';
import { useKeptResource } from '../features/collections/use-kept-resource.ts';
import { useSignedInSession } from '../lib/session.ts';
import { PRODUCT_NAME } from '../lib/state.ts';

/**
 * One district's certification of one event, for the district and the state alike: status, the gates with links
 * to the findings, every certifier's status, certify or request recertification (primaries), approve or return
 * (state approvers), snapshots with diffs, and the history.
 */
export function CertificationDistrictPage() {
  const params = useParams();
  const eventId = Number(params.eventId);
  const district = params.district ?? '';
  const session = useSignedInSession();
  const [events, reload] = useKeptResource(`district-events:${district}`, (signal) =>
    getDistrictEvents(district, signal),
  );
  if (events.status === 'loading') return <Loading what="the certification" />;
  if (events.status === 'error')
    return isForbidden(events.problem) ? (
      <NotAllowed problem={events.problem} what={`the certification of district ${district}`} />
    ) : (
      <ProblemAlert context="Could not load the certification" problem={events.problem} onRetry={reload} />
    );
  const event = events.data.find((e) => e.eventId === eventId);
  const back = hasStateRole(session) ? (
    <Link to={`/certification/dashboard?event=${eventId}`}>← Dashboard</Link>
  ) : (
    <Link to={`/districts/${district}/certification`}>← District {district} certification</Link>
  );
  if (!event)
    return (
      <>
        <p className="back">{back}</p>
        <h1>No such event</h1>
        <p>The event is not published, or it was closed.</p>
      </>
    );
  // The status and counts change with every command: panels below refetch when it does.
  const generation = `${event.status}:${event.round}:${event.certified}:${event.snapshotId ?? ''}`;
  return (
    <>
      <title>{`${event.eventName} · District ${district} · ${PRODUCT_NAME}`}</title>
      <p className="back">{back}</p>
      <h1>
        {event.eventName}{' '}
        <span className="subtitle">
          {event.districtName} ({district})
        </span>
      </h1>
      <p>
        District status:{' '}
        <strong className={event.overdue ? 'severity severity-fatal' : 'badge'} data-testid="district-status">
          {DISTRICT_STATUS_LABELS[event.displayStatus]}
        </strong>{' '}
        · round {event.round} · certification opens {event.certificationOpens} · due {event.dueDate}
        {event.extendedUntil && ` (extended to ${event.extendedUntil})`}
      </p>
      {event.description && <p>{event.description}</p>}
      <GatesList event={event} />
      <MembersStatus event={event} />
      {mayInDistrict(session, 'certify', district) && (
        <CertifyPanel event={event} userId={session.userId} onDone={reload} />
      )}
      {mayInDistrict(session, 'certification:approve', district) && (
        <ReviewPanel event={event} onDone={reload} />
      )}
      <section aria-labelledby="snapshots-heading">
        <h2 id="snapshots-heading">Snapshots</h2>
        <SnapshotsSection eventId={eventId} district={district} generation={generation} />
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <TransitionsLog eventId={eventId} district={district} generation={generation} />
      </section>
    </>
  );
}
