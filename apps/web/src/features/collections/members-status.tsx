import type { DistrictEvent } from './collections-api.ts';
import { USER_STATUS_LABELS } from './certification-view.ts';

/** Who certifies an event for the district and where each stands (§7.2 step 3 per-user statuses). */
export function MembersStatus({ event }: { event: DistrictEvent }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>Certifiers of this event</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Certified</th>
          </tr>
        </thead>
        <tbody>
          {event.members.length === 0 && (
            <tr>
              <td colSpan={5} className="empty">
                No one is a member of this event’s certification types yet.
              </td>
            </tr>
          )}
          {event.members.map((m) => (
            <tr key={m.userId}>
              <th scope="row">{m.displayName}</th>
              <td>{m.email}</td>
              <td>{m.role}</td>
              <td>{USER_STATUS_LABELS[m.status]}</td>
              <td>
                {m.certifiedAt ? new Date(m.certifiedAt).toLocaleString('en-US') : '—'}
                {m.nothingToReport && <span className="note"> · nothing to report</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
