import type { EwsIntervention, EwsRiskPoint } from '@bitterroot/contracts';
import { percent } from './ews-format.ts';

const W = 640;
const H = 240;
const PAD = 40;

/** Days since 1970 of an ISO date, so points sit at their true distance in time. */
const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;

/**
 * A student's risk at each stored scoring date as a line, with each intervention's start drawn as a dashed
 * marker, so a school sees whether the risk fell after it acted. The table below carries the same numbers.
 */
export function RiskTrend({
  points,
  interventions,
}: {
  points: EwsRiskPoint[];
  interventions: EwsIntervention[];
}) {
  if (points.length === 0)
    return <p className="notice">No stored scores yet: the trend appears after the first statewide run.</p>;
  const days = [...points.map((p) => day(p.asOf)), ...interventions.map((i) => day(i.startedOn))];
  const first = Math.min(...days);
  const span = Math.max(1, Math.max(...days) - first);
  const max = Math.min(1, Math.max(0.1, ...points.map((p) => p.probability)) * 1.1);
  const x = (iso: string) => PAD + ((day(iso) - first) / span) * (W - 2 * PAD);
  const y = (v: number) => H - PAD - (v / max) * (H - 2 * PAD);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Risk of dropping out at each scoring date">
        <line className="chart-axis" x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} />
        {interventions.map((i) => (
          <g key={i.id} className="intervention-marker">
            <line
              x1={x(i.startedOn)}
              x2={x(i.startedOn)}
              y1={PAD}
              y2={H - PAD}
              stroke="currentColor"
              strokeDasharray="4 4"
            />
            <text x={x(i.startedOn) + 4} y={PAD + 12} fontSize={11}>
              {i.kind}
            </text>
          </g>
        ))}
        <polyline
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          points={points.map((p) => `${x(p.asOf)},${y(p.probability)}`).join(' ')}
        />
        {points.map((p) => (
          <circle key={p.asOf} cx={x(p.asOf)} cy={y(p.probability)} r={4} fill="currentColor">
            <title>{`${p.asOf}: ${percent(p.probability)} (${p.band})`}</title>
          </circle>
        ))}
        {points.map((p) => (
          <text key={`l${p.asOf}`} x={x(p.asOf)} y={H - PAD + 16} fontSize={11} textAnchor="middle">
            {p.asOf}
          </text>
        ))}
        <text x={PAD} y={16} fontSize={12}>
          {`Solid: risk · dashed: intervention started · top of chart ${percent(max)}`}
        </text>
      </svg>
      <table className="data-table">
        <caption>Risk at each scoring date, with the reasons at that date</caption>
        <thead>
          <tr>
            <th scope="col">As of</th>
            <th scope="col" className="numeric">
              Risk
            </th>
            <th scope="col">Band</th>
            <th scope="col">Reasons</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.asOf}>
              <th scope="row">{p.asOf}</th>
              <td className="numeric">{percent(p.probability)}</td>
              <td>{p.band}</td>
              <td>{p.reasons.length === 0 ? '—' : p.reasons.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
