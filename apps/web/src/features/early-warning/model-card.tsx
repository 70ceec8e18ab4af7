import type { EwsModelCard } from '@bitterroot/contracts';
import { CalibrationChart } from './calibration-chart.tsx';
import { ATTRIBUTE_LABELS, FEATURE_LABELS, percent, score3 } from './ews-format.ts';

/** The model card: accuracy, calibration, fairness per group, inputs, cohorts and limitations in plain words. */
export function ModelCard({ card }: { card: EwsModelCard }) {
  const e = card.evaluation;
  return (
    <>
      <section aria-labelledby="limits">
        <h2 id="limits">What this model can and cannot do</h2>
        <ul>
          {card.limitations.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="accuracy">
        <h2 id="accuracy">Accuracy on {card.test.year}, a year it was not trained on</h2>
        <dl className="facts">
          <div>
            <dt>AUC</dt>
            <dd>
              {score3(e.auc?.auc)}
              {e.auc && (
                <span className="stat-note">{` (95% interval ${score3(e.auc.lower)}–${score3(e.auc.upper)})`}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>ABC checklist AUC</dt>
            <dd>{score3(e.abc.auc)}</dd>
          </div>
          <div>
            <dt>Brier score</dt>
            <dd>{score3(e.brier)}</dd>
          </div>
          <div>
            <dt>Students / dropouts</dt>
            <dd>{`${e.rows} / ${e.dropouts}`}</dd>
          </div>
        </dl>
        <table className="data-table">
          <caption>Precision and recall at each band threshold</caption>
          <thead>
            <tr>
              <th scope="col">Band</th>
              <th scope="col" className="numeric">
                Threshold
              </th>
              <th scope="col" className="numeric">
                Flagged
              </th>
              <th scope="col" className="numeric">
                Precision
              </th>
              <th scope="col" className="numeric">
                Recall
              </th>
              <th scope="col" className="numeric">
                False-positive rate
              </th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                ['High (flagged)', e.thresholds.high, e.atHigh],
                ['Moderate or high', e.thresholds.moderate, e.atModerate],
                ['ABC checklist', null, e.abc.rates],
              ] as const
            ).map(([name, t, r]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td className="numeric">{t === null ? '—' : `${(t * 100).toFixed(1)}%`}</td>
                <td className="numeric">{percent(r.flagRate)}</td>
                <td className="numeric">{percent(r.precision)}</td>
                <td className="numeric">{percent(r.recall)}</td>
                <td className="numeric">{percent(r.falsePositiveRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <CalibrationChart bins={e.calibration} />
      </section>
      <section aria-labelledby="fairness">
        <h2 id="fairness">Fairness by group (high band)</h2>
        <ul>
          {e.fprGaps.map((g) => (
            <li key={g.attribute}>
              {ATTRIBUTE_LABELS[g.attribute] ?? g.attribute}:{' '}
              {g.gap === null ? (
                'too few students to compare'
              ) : (
                <strong>{`false-positive gap ${percent(g.gap)} (${g.highest} vs ${g.lowest})`}</strong>
              )}
            </li>
          ))}
        </ul>
        <table className="data-table">
          <caption>
            Accuracy per group; groups under {card.settings.minimumGroupSize} students are suppressed
          </caption>
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">Group</th>
              <th scope="col" className="numeric">
                Students
              </th>
              <th scope="col" className="numeric">
                Dropout rate
              </th>
              <th scope="col" className="numeric">
                Flagged
              </th>
              <th scope="col" className="numeric">
                AUC
              </th>
              <th scope="col" className="numeric">
                False-positive rate
              </th>
              <th scope="col" className="numeric">
                False-negative rate
              </th>
              <th scope="col" className="numeric">
                Precision
              </th>
            </tr>
          </thead>
          <tbody>
            {e.fairness.map((f) => (
              <tr key={`${f.attribute}:${f.group}`}>
                <td>{ATTRIBUTE_LABELS[f.attribute] ?? f.attribute}</td>
                <th scope="row">{f.group}</th>
                <td className="numeric">{f.suppressed ? `< ${card.settings.minimumGroupSize}` : f.count}</td>
                {f.suppressed ? (
                  <td colSpan={6}>suppressed (small group)</td>
                ) : (
                  <>
                    <td className="numeric">{percent(f.baseRate)}</td>
                    <td className="numeric">{percent(f.flagRate)}</td>
                    <td className="numeric">{score3(f.auc)}</td>
                    <td className="numeric">{percent(f.fpr)}</td>
                    <td className="numeric">{percent(f.fnr)}</td>
                    <td className="numeric">{percent(f.ppv)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="inputs">
        <h2 id="inputs">Inputs and training</h2>
        <p>
          Trained on {card.training.rows} students ({card.training.dropouts} dropouts) in school years{' '}
          {card.training.years.join(', ')}; ridge penalty {card.l2} on standardised inputs. Version{' '}
          {card.version}, fingerprint <code>{card.contentHash.slice(0, 12)}</code>.
        </p>
        <table className="data-table">
          <caption>Weights per standard deviation of each input (positive raises risk)</caption>
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col" className="numeric">
                Weight
              </th>
              <th scope="col" className="numeric">
                State mean
              </th>
            </tr>
          </thead>
          <tbody>
            {card.coefficients.map((c) => (
              <tr key={c.feature}>
                <th scope="row">{FEATURE_LABELS[c.feature] ?? c.feature}</th>
                <td className="numeric">{c.coefficient.toFixed(2)}</td>
                <td className="numeric">{c.mean.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
