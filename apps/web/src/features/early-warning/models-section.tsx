import { useState } from 'react';
import { Link } from 'react-router';
import type { EwsCohorts, EwsModelSummary, Problem } from '@bitterroot/contracts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { toProblem } from '../../lib/use-resource.ts';
import { promoteModel, runStateScoring, trainModels } from './ews-api.ts';
import { percent, score3 } from './ews-format.ts';

/** Train form, model list with promote, and a statewide scoring run (state data staff). */
export function ModelsSection(props: {
  cohorts: EwsCohorts;
  models: EwsModelSummary[];
  onChange: () => void;
}) {
  const closed = props.cohorts.cohorts.filter((c) => c.schoolYear <= props.cohorts.closedThrough);
  const newest = closed[closed.length - 1]?.schoolYear ?? null;
  const [testYear, setTestYear] = useState<number | null>(newest);
  const [trainYears, setTrainYears] = useState<number[]>(
    closed.map((c) => c.schoolYear).filter((y) => y !== newest),
  );
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [message, setMessage] = useState('');
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 10));

  async function act(what: () => Promise<string>) {
    setBusy(true);
    setProblem(null);
    try {
      setMessage(await what());
      props.onChange();
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setBusy(false);
    }
  }
  const toggle = (y: number) =>
    setTrainYears((ys) => (ys.includes(y) ? ys.filter((x) => x !== y) : [...ys, y].sort()));

  return (
    <>
      <section aria-labelledby="train">
        <h2 id="train">Train new candidate models</h2>
        <fieldset>
          <legend>Training school years</legend>
          {closed.map((c) => (
            <label key={c.schoolYear}>
              <input
                type="checkbox"
                checked={trainYears.includes(c.schoolYear)}
                onChange={() => toggle(c.schoolYear)}
              />
              {` ${c.schoolYear} (${c.students} students)`}
            </label>
          ))}
        </fieldset>
        <label>
          Test year (out of time){' '}
          <select value={testYear ?? ''} onChange={(e) => setTestYear(Number(e.target.value))}>
            {closed.map((c) => (
              <option key={c.schoolYear} value={c.schoolYear}>
                {c.schoolYear}
              </option>
            ))}
          </select>
        </label>{' '}
        <button
          type="button"
          disabled={busy || testYear === null || trainYears.length === 0}
          onClick={() =>
            void act(async () => {
              const r = await trainModels({ trainYears, testYear: testYear! });
              const ok = r.results.filter((x) => x.model).length;
              return `Trained ${ok} candidate model${ok === 1 ? '' : 's'}.`;
            })
          }
        >
          Train models
        </button>
      </section>
      {problem && <ProblemAlert context="The request failed" problem={problem} />}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <section aria-labelledby="models">
        <h2 id="models">Models by grade</h2>
        <table className="data-table">
          <caption>Stored models, newest first within each grade</caption>
          <thead>
            <tr>
              <th scope="col">Grade</th>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Trained on</th>
              <th scope="col" className="numeric">
                AUC
              </th>
              <th scope="col" className="numeric">
                ABC AUC
              </th>
              <th scope="col" className="numeric">
                Precision (high)
              </th>
              <th scope="col" className="numeric">
                Recall (high)
              </th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {props.models.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.grade}</th>
                <td>{m.version}</td>
                <td>{m.status}</td>
                <td>{`${m.trainingYears.join(', ')} → ${m.testYear}`}</td>
                <td className="numeric">{score3(m.auc)}</td>
                <td className="numeric">{score3(m.abcAuc)}</td>
                <td className="numeric">{percent(m.precisionAtHigh)}</td>
                <td className="numeric">{percent(m.recallAtHigh)}</td>
                <td>
                  <Link to={`/early-warning/models/${m.id}`}>Model card</Link>{' '}
                  {m.status !== 'current' && (
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={`Promote grade ${m.grade} version ${m.version}`}
                      onClick={() =>
                        void act(async () => {
                          await promoteModel(m.id);
                          return `Grade ${m.grade} version ${m.version} is now the current model.`;
                        })
                      }
                    >
                      Promote
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="runs">
        <h2 id="runs">Score the state</h2>
        <label>
          As of <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>{' '}
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              const r = await runStateScoring(asOf);
              const uploaded = r.uploaded > 0 ? ` and ${r.uploaded} uploaded (not in the system)` : '';
              return `Scored ${r.students} students${uploaded} as of ${r.asOf}.`;
            })
          }
        >
          Run scoring
        </button>
      </section>
    </>
  );
}
