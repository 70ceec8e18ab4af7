import type { EwsEvaluationBody } from '@bitterroot/contracts';
import { percent } from './ews-format.ts';

const SIZE = 320;
const PAD = 40;

/**
 * Reliability diagram: each decile of predicted risk as a point (mean predicted, observed dropout rate) against
 * the diagonal of perfect calibration. The same numbers follow in a table for screen readers.
 */
export function CalibrationChart({ bins }: { bins: EwsEvaluationBody['calibration'] }) {
  const max = Math.max(0.05, ...bins.map((b) => Math.max(b.meanPredicted, b.observedRate)));
  const scale = (v: number) => (v / max) * (SIZE - 2 * PAD);
  const x = (v: number) => PAD + scale(v);
  const y = (v: number) => SIZE - PAD - scale(v);
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label="Calibration: predicted against observed dropout rate by decile"
        style={{ maxWidth: 360 }}
      >
        <line className="chart-axis" x1={PAD} y1={SIZE - PAD} x2={SIZE - PAD} y2={SIZE - PAD} />
        <line className="chart-axis" x1={PAD} y1={PAD} x2={PAD} y2={SIZE - PAD} />
        <line
          x1={x(0)}
          y1={y(0)}
          x2={x(max)}
          y2={y(max)}
          stroke="currentColor"
          strokeDasharray="4 4"
          opacity={0.5}
        />
        {bins.map((b) => (
          <circle key={b.bin} cx={x(b.meanPredicted)} cy={y(b.observedRate)} r={5} fill="currentColor">
            <title>{`Decile ${b.bin}: predicted ${percent(b.meanPredicted)}, observed ${percent(b.observedRate)} of ${b.count}`}</title>
          </circle>
        ))}
        <text x={SIZE / 2} y={SIZE - 8} textAnchor="middle" fontSize={12}>
          Predicted risk (up to {percent(max)})
        </text>
        <text x={12} y={SIZE / 2} fontSize={12} transform={`rotate(-90 12 ${SIZE / 2})`} textAnchor="middle">
          Observed dropout rate
        </text>
      </svg>
      <details>
        <summary>Calibration table</summary>
        <table className="data-table">
          <caption>Predicted and observed dropout by decile of predicted risk</caption>
          <thead>
            <tr>
              <th scope="col">Decile</th>
              <th scope="col" className="numeric">
                Students
              </th>
              <th scope="col" className="numeric">
                Mean predicted
              </th>
              <th scope="col" className="numeric">
                Observed
              </th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b) => (
              <tr key={b.bin}>
                <th scope="row">{b.bin}</th>
                <td className="numeric">{b.count}</td>
                <td className="numeric">{percent(b.meanPredicted)}</td>
                <td className="numeric">{percent(b.observedRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
