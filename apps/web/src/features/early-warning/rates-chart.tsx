import type { EwsComparisonOverTime } from '@bitterroot/contracts';
import { percent } from './ews-format.ts';

const W = 640;
const H = 240;
const PAD = 40;

/** Share of students in the high band at each scored date: this school or district against the state. */
export function RatesChart({ data, label }: { data: EwsComparisonOverTime; label: string }) {
  const points = data.points;
  if (points.length === 0)
    return (
      <p className="notice">No statewide scoring runs yet: the comparison appears after the first run.</p>
    );
  const max = Math.max(0.05, ...points.flatMap((p) => [p.localHighRate ?? 0, p.stateHighRate ?? 0]));
  const x = (i: number) =>
    PAD + (points.length === 1 ? (W - 2 * PAD) / 2 : (i * (W - 2 * PAD)) / (points.length - 1));
  const y = (v: number) => H - PAD - (v / max) * (H - 2 * PAD);
  const line = (values: (number | null)[]) =>
    values
      .map((v, i) => (v === null ? '' : `${x(i)},${y(v)}`))
      .filter((s) => s !== '')
      .join(' ');
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`High-band share over time: ${label} and the state`}
      >
        <line className="chart-axis" x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} />
        <polyline
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          points={line(points.map((p) => p.localHighRate))}
        />
        <polyline
          fill="none"
          stroke="currentColor"
          strokeDasharray="6 4"
          strokeWidth={2}
          points={line(points.map((p) => p.stateHighRate))}
        />
        {points.map((p, i) => (
          <text key={p.asOf} x={x(i)} y={H - PAD + 16} fontSize={11} textAnchor="middle">
            {p.asOf}
          </text>
        ))}
        <text x={PAD} y={16} fontSize={12}>
          {`Solid: ${label} · dashed: state · top of chart ${percent(max)}`}
        </text>
      </svg>
      <table className="data-table">
        <caption>
          Share of students in the high and moderate bands by scoring date (suppressed under the minimum group
          size)
        </caption>
        <thead>
          <tr>
            <th scope="col">As of</th>
            <th scope="col" className="numeric">{`${label} students`}</th>
            <th scope="col" className="numeric">{`${label} high`}</th>
            <th scope="col" className="numeric">
              State high
            </th>
            <th scope="col" className="numeric">{`${label} moderate`}</th>
            <th scope="col" className="numeric">
              State moderate
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.asOf}>
              <th scope="row">{p.asOf}</th>
              <td className="numeric">{p.localStudents}</td>
              <td className="numeric">{percent(p.localHighRate)}</td>
              <td className="numeric">{percent(p.stateHighRate)}</td>
              <td className="numeric">{percent(p.localModerateRate)}</td>
              <td className="numeric">{percent(p.stateModerateRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
