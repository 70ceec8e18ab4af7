import { useState } from 'react';
import type { EwsIntervention, Problem } from '@bitterroot/contracts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { toProblem } from '../../lib/use-resource.ts';
import { recordIntervention } from './ews-api.ts';

/** The interventions recorded for a student, and a form to record one (people who may write records). */
export function Interventions(props: {
  district: string;
  school: string | null;
  stateId: string;
  interventions: EwsIntervention[];
  canRecord: boolean;
  onRecorded: () => void;
}) {
  const [startedOn, setStartedOn] = useState(new Date().toISOString().slice(0, 10));
  const [endedOn, setEndedOn] = useState('');
  const [kind, setKind] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await recordIntervention(props.district, props.stateId, props.school, {
        startedOn,
        endedOn: endedOn || null,
        kind,
        note: note || null,
      });
      setKind('');
      setNote('');
      setEndedOn('');
      props.onRecorded();
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="interventions">
      <h2 id="interventions">Interventions</h2>
      {props.interventions.length === 0 ? (
        <p>No interventions recorded yet.</p>
      ) : (
        <table className="data-table">
          <caption>What the school did, from when (marked on the trend above)</caption>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Ended</th>
              <th scope="col">Intervention</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {props.interventions.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.startedOn}</th>
                <td>{i.endedOn ?? 'ongoing'}</td>
                <td>{i.kind}</td>
                <td>{i.note ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canRecord && (
        <form onSubmit={(e) => void submit(e)} aria-label="Record an intervention">
          <label>
            Intervention{' '}
            <input required maxLength={80} value={kind} onChange={(e) => setKind(e.target.value)} />
          </label>{' '}
          <label>
            Started{' '}
            <input type="date" required value={startedOn} onChange={(e) => setStartedOn(e.target.value)} />
          </label>{' '}
          <label>
            Ended <input type="date" value={endedOn} onChange={(e) => setEndedOn(e.target.value)} />
          </label>{' '}
          <label>
            Note <input maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>{' '}
          <button type="submit" disabled={busy}>
            Record
          </button>
          {problem && <ProblemAlert context="Could not record the intervention" problem={problem} />}
        </form>
      )}
    </section>
  );
}
