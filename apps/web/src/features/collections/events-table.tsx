import { Link } from 'react-router';
import type { CertificationEvent } from './collections-api.ts';
import { EVENT_STATE_LABELS } from './certification-view.ts';

/** Props of EventsTable. */
export interface EventsTableProps {
  events: readonly CertificationEvent[];
  typeNames: ReadonlyMap<string, string>;
}

/** A year's certification events: name (links to the event), types, dates and state. */
export function EventsTable({ events, typeNames }: EventsTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>Certification events</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Types</th>
            <th scope="col">Level</th>
            <th scope="col">Certification opens</th>
            <th scope="col">Due</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {events.length === 0 && (
            <tr>
              <td colSpan={6} className="empty">
                No event this year yet.
              </td>
            </tr>
          )}
          {events.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                <Link to={`/certification/${e.id}`}>{e.name}</Link>
              </th>
              <td>{e.types.map((t) => typeNames.get(t) ?? t).join(', ')}</td>
              <td>{e.level}</td>
              <td>{e.certificationOpens}</td>
              <td>{e.dueDate}</td>
              <td>
                <span className="badge">{EVENT_STATE_LABELS[e.state]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
