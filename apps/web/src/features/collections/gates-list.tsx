import { Link } from 'react-router';
import { plural } from '../../lib/format.ts';
import type { DistrictEvent } from './collections-api.ts';
import { stateToday } from './certification-view.ts';

/** Why certification is blocked now, if it is (§7.2 step 2 and issue 7 item 4), each with where to fix it. */
export function GatesList({ event }: { event: DistrictEvent }) {
  const findings = `/districts/${event.district}/findings`;
  const today = stateToday();
  const last =
    event.extendedUntil && event.extendedUntil > event.dueDate ? event.extendedUntil : event.dueDate;
  const gates = [
    {
      key: 'window',
      blocked: today < event.certificationOpens || today > last,
      text:
        today < event.certificationOpens
          ? `Certification opens on ${event.certificationOpens}.`
          : today > last
            ? `The last day to certify was ${last}; ask the state for an extension.`
            : `Certification is open until ${last}${event.extendedUntil ? ' (extended)' : ''}.`,
      link: null,
    },
    {
      key: 'fatals',
      blocked: event.openFatals > 0,
      text:
        event.openFatals > 0
          ? `${plural(event.openFatals, 'open fatal finding')} in this event's validation group: fix them first.`
          : 'No open fatal finding in this event’s validation group.',
      link:
        event.openFatals > 0 ? { to: `${findings}?severity=fatal`, label: 'See the fatal findings' } : null,
    },
    {
      key: 'warnings',
      blocked: event.unacknowledgedWarnings > 0,
      text:
        event.unacknowledgedWarnings > 0
          ? `${plural(event.unacknowledgedWarnings, 'warning')} not acknowledged: acknowledge or fix them first.`
          : 'Every warning is acknowledged or fixed.',
      link:
        event.unacknowledgedWarnings > 0
          ? { to: `${findings}?severity=warning`, label: 'See the warnings to acknowledge' }
          : null,
    },
    {
      key: 'primaries',
      blocked: event.primaries === 0,
      text:
        event.primaries === 0
          ? 'No primary certifier is named for this event’s types (Type Membership).'
          : `${event.certified} of ${plural(event.primaries, 'primary certifier')} certified.`,
      link:
        event.primaries === 0
          ? { to: `/districts/${event.district}/certification/members`, label: 'Edit Type Membership' }
          : null,
    },
  ];
  const rules = (severity: 'fatal' | 'warning') =>
    event.blocking
      .filter((b) => b.severity === severity)
      .map((b) => (
        <li key={b.rule}>
          <Link to={`${findings}?rule=${encodeURIComponent(b.rule)}&severity=${severity}`}>
            {plural(b.count, `${b.rule} ${severity}`)}
          </Link>
        </li>
      ));
  return (
    <section aria-labelledby="gates-heading" className="panel">
      <h2 id="gates-heading">What certification needs</h2>
      <ul className="key-list">
        {gates.map((g) => (
          <li key={g.key} className={g.blocked ? 'status-bad' : undefined}>
            <strong>{g.blocked ? 'Blocked: ' : 'Ready: '}</strong>
            {g.text} {g.link && <Link to={g.link.to}>{g.link.label}</Link>}
            {(g.key === 'fatals' || g.key === 'warnings') && g.blocked && (
              <ul>{rules(g.key === 'fatals' ? 'fatal' : 'warning')}</ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
