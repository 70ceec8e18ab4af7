import { useState } from 'react';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatCount } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import type { Snapshot } from './collections-api.ts';
import { getDiff, listSnapshots } from './collections-api.ts';

/** Props of SnapshotsSection. */
export interface SnapshotsSectionProps {
  eventId: number;
  district: string;
  /** Changes whenever the district's status changes, so a new snapshot shows up. */
  generation: string;
}

const when = (iso: string) => new Date(iso).toLocaleString('en-US');

function Diff({ from, against }: { from: number; against: number | 'live' }) {
  const [diff, reload] = useResource(`diff:${from}:${against}`, (signal) => getDiff(from, against, signal));
  if (diff.status === 'loading') return <Loading what="the differences" />;
  if (diff.status === 'error')
    return <ProblemAlert context="Could not compare" problem={diff.problem} onRetry={reload} />;
  const label = against === 'live' ? 'live data' : `snapshot ${against}`;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>
          Snapshot {from} compared with {label}
        </caption>
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col" className="numeric">
              Added
            </th>
            <th scope="col" className="numeric">
              Removed
            </th>
            <th scope="col" className="numeric">
              Changed
            </th>
            <th scope="col" className="numeric">
              Unchanged
            </th>
            <th scope="col">Records (first keys)</th>
          </tr>
        </thead>
        <tbody>
          {diff.data.templates.map((t) => (
            <tr key={t.template}>
              <th scope="row">{t.template}</th>
              <td className="numeric">{formatCount(t.added)}</td>
              <td className="numeric">{formatCount(t.removed)}</td>
              <td className="numeric">{formatCount(t.changed)}</td>
              <td className="numeric">{formatCount(t.unchanged)}</td>
              <td className="note">
                {[
                  ['added', t.addedKeys],
                  ['removed', t.removedKeys],
                  ['changed', t.changedKeys],
                ]
                  .filter(([, keys]) => keys!.length > 0)
                  .map(([kind, keys]) => `${String(kind)}: ${(keys as string[]).slice(0, 5).join(', ')}`)
                  .join(' · ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SnapshotList({ snapshots }: { snapshots: Snapshot[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>Snapshots, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Snapshot</th>
            <th scope="col">Round</th>
            <th scope="col">Taken</th>
            <th scope="col" className="numeric">
              Records
            </th>
            <th scope="col">Content hash</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {snapshots.map((s) => (
            <tr key={s.id}>
              <th scope="row">Snapshot {s.id}</th>
              <td>{s.round}</td>
              <td>{when(s.takenAt)}</td>
              <td className="numeric">{formatCount(s.rowCount)}</td>
              <td>
                <code>{s.contentHash}</code>
              </td>
              <td>{s.supersededBy ? `Superseded by ${s.supersededBy}` : 'Current'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A district's immutable snapshots of an event and a per-template diff of two of them, or of one and live data. */
export function SnapshotsSection({ eventId, district, generation }: SnapshotsSectionProps) {
  const [snapshots, reload] = useResource(`snapshots:${eventId}:${district}:${generation}`, (signal) =>
    listSnapshots(eventId, district, signal),
  );
  const [pair, setPair] = useState<{ from: string; against: string }>({ from: '', against: 'live' });
  const [shown, setShown] = useState<{ from: number; against: number | 'live' } | null>(null);
  if (snapshots.status === 'loading') return <Loading what="snapshots" />;
  if (snapshots.status === 'error')
    return <ProblemAlert context="Could not load snapshots" problem={snapshots.problem} onRetry={reload} />;
  const list = snapshots.data;
  if (list.length === 0)
    return <p className="note">No snapshot yet: one is taken when every primary has certified.</p>;
  const from = pair.from || String(list[0]!.id);
  return (
    <>
      <SnapshotList snapshots={list} />
      <form
        className="filters"
        aria-label="Compare snapshots"
        onSubmit={(e) => {
          e.preventDefault();
          setShown({ from: Number(from), against: pair.against === 'live' ? 'live' : Number(pair.against) });
        }}
      >
        <div className="field">
          <label htmlFor="diff-from">Compare snapshot</label>
          <select id="diff-from" value={from} onChange={(e) => setPair({ ...pair, from: e.target.value })}>
            {list.map((s) => (
              <option key={s.id} value={String(s.id)}>
                Snapshot {s.id} (round {s.round})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="diff-against">With</label>
          <select
            id="diff-against"
            value={pair.against}
            onChange={(e) => setPair({ ...pair, against: e.target.value })}
          >
            <option value="live">Live data</option>
            {list.map((s) => (
              <option key={s.id} value={String(s.id)}>
                Snapshot {s.id} (round {s.round})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-secondary">
          Compare
        </button>
      </form>
      {shown && <Diff from={shown.from} against={shown.against} />}
    </>
  );
}
