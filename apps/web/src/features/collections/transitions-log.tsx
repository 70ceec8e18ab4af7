import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { listTransitions } from './collections-api.ts';

/** Every transition of a district's certification: who, when, from which status to which, and why (item 9). */
export function TransitionsLog(props: { eventId: number; district: string; generation: string }) {
  const { eventId, district, generation } = props;
  const [log, reload] = useResource(`transitions:${eventId}:${district}:${generation}`, (signal) =>
    listTransitions(eventId, district, signal),
  );
  if (log.status === 'loading') return <Loading what="the history" />;
  if (log.status === 'error')
    return <ProblemAlert context="Could not load the history" problem={log.problem} onRetry={reload} />;
  return (
    <div className="table-scroll">
      <table className="data-table compact">
        <caption>History</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">From → to</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {log.data.length === 0 && (
            <tr>
              <td colSpan={5} className="empty">
                Nothing has happened yet.
              </td>
            </tr>
          )}
          {log.data.map((t, i) => (
            <tr key={i}>
              <th scope="row">{new Date(t.at).toLocaleString('en-US')}</th>
              <td>{t.actor}</td>
              <td>{t.command}</td>
              <td>
                {t.from} → {t.to}
              </td>
              <td>{t.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
