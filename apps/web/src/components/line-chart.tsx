import { useId } from 'react';
import { formatCount } from '../lib/format.ts';

/** One line: a name for the legend and a value per x label. */
export interface Line {
  name: string;
  values: readonly number[];
}

/** Props of LineChart. */
export interface LineChartProps {
  title: string;
  description: string;
  /** Labels along the x axis (e.g. days), one per value of each line. */
  labels: readonly string[];
  lines: readonly Line[];
  xLabel: string;
  yLabel: string;
}

const WIDTH = 1060;
const HEIGHT = 260;
const MARGIN = { top: 24, right: 16, bottom: 48, left: 48 };
// Lines differ by dash as well as colour, so they stay apart in print and for colour-blind readers.
const DASHES = ['', '8 4', '2 4', '12 4 2 4'];

/**
 * A dependency-free line chart in inline SVG, in the style of BarChart: labelled for screen readers, a point
 * per value with its number as a tooltip, a legend, and the same numbers as a table under a disclosure.
 */
export function LineChart({ title, description, labels, lines, xLabel, yLabel }: LineChartProps) {
  const id = useId();
  const max = Math.max(1, ...lines.flatMap((l) => l.values));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (i: number) =>
    MARGIN.left + (labels.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (labels.length - 1));
  const y = (v: number) => MARGIN.top + plotHeight - (v / max) * plotHeight;
  // Label at most about ten days so the axis stays readable over a season.
  const every = Math.max(1, Math.ceil(labels.length / 10));
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line
          className="chart-axis"
          x1={MARGIN.left}
          x2={WIDTH - MARGIN.right}
          y1={MARGIN.top + plotHeight}
          y2={MARGIN.top + plotHeight}
        />
        <line
          className="chart-axis"
          x1={MARGIN.left}
          x2={MARGIN.left}
          y1={MARGIN.top}
          y2={MARGIN.top + plotHeight}
        />
        <text className="chart-label" x={MARGIN.left - 6} y={MARGIN.top + 4} textAnchor="end">
          {formatCount(max)}
        </text>
        <text className="chart-label" x={MARGIN.left - 6} y={MARGIN.top + plotHeight} textAnchor="end">
          0
        </text>
        {lines.map((line, li) => (
          <g key={line.name} className={`chart-line chart-line-${li}`}>
            <polyline
              fill="none"
              strokeWidth={2}
              strokeDasharray={DASHES[li % DASHES.length]}
              points={line.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
            />
            {line.values.map((v, i) => (
              <circle key={labels[i]} cx={x(i)} cy={y(v)} r={3.5}>
                <title>{`${labels[i]}: ${formatCount(v)} ${line.name} ${yLabel.toLowerCase()}`}</title>
              </circle>
            ))}
          </g>
        ))}
        {labels.map((label, i) =>
          i % every === 0 || i === labels.length - 1 ? (
            <text
              key={label}
              className="chart-label"
              x={x(i)}
              y={MARGIN.top + plotHeight + 18}
              textAnchor="middle"
            >
              {label}
            </text>
          ) : null,
        )}
        <text className="chart-axis-label" x={WIDTH / 2} y={HEIGHT - 8} textAnchor="middle">
          {xLabel}
        </text>
      </svg>
      <ul className="chart-legend">
        {lines.map((line, li) => (
          <li key={line.name} className={`chart-line chart-line-${li}`}>
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="0"
                y1="5"
                x2="28"
                y2="5"
                strokeWidth={2}
                strokeDasharray={DASHES[li % DASHES.length]}
              />
            </svg>{' '}
            {line.name}
          </li>
        ))}
      </ul>
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <table className="data-table compact">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              {lines.map((line) => (
                <th key={line.name} scope="col" className="numeric">
                  {line.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {lines.map((line) => (
                  <td key={line.name} className="numeric">
                    {formatCount(line.values[i] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
