import { Link } from 'react-router';
import { plural } from '../../lib/format.ts';
import type { DistrictEvent } from './collections-api.ts';
import { DISTRICT_STATUS_LABELS } from './certification-view.ts';

/** A district's published events: status, due date, what blocks certification, and who still has to certify. */
export function DistrictEventsTable({ events }: { events: DistrictEvent[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>Certification events of this year</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Certification opens</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Blocking</th>
            <th scope="col">Still to certify</th>
          </tr>
        </thead>
        <tbody>
          {events.length === 0 && (
            <tr>
              <td colSpan={6} className="empty">
                The state has published no certification event yet.
              </td>
            </tr>
          )}
          {events.map((e) => {
            const waiting = e.members.filter((m) => m.role === 'primary' && m.certifiedAt === null);
            const blocking = [
              e.openFatals > 0 ? plural(e.openFatals, 'open fatal') : '',
              e.unacknowledgedWarnings > 0 ? plural(e.unacknowledgedWarnings, 'unacknowledged warning') : '',
            ].filter(Boolean);
            return (
              <tr key={e.eventId}>
                <th scope="row">
                  <Link to={`/certification/${e.eventId}/districts/${e.district}`}>{e.eventName}</Link>
                </th>
                <td>{e.certificationOpens}</td>
                <td>{e.extendedUntil ? `${e.extendedUntil} (extended)` : e.dueDate}</td>
                <td>
                  <span className={e.overdue ? 'severity severity-fatal' : 'badge'}>
                    {DISTRICT_STATUS_LABELS[e.displayStatus]}
                  </span>
                </td>
                <td>{blocking.join(', ') || 'nothing'}</td>
                <td>{waiting.map((m) => m.displayName).join(', ') || '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
