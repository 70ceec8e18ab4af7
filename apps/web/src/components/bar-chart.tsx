import { useId } from 'react';
import { formatCount } from '../lib/format.ts';

/** One bar. */
export interface Bar {
  label: string;
  value: number;
}

/** Props of BarChart. */
export interface BarChartProps {
  title: string;
  description: string;
  bars: readonly Bar[];
  /** Axis label under the bars, e.g. "Students per district". */
  xLabel: string;
  /** What a bar counts, for the data table and tooltips, e.g. "Districts". */
  yLabel: string;
}

const WIDTH = 1060;
const HEIGHT = 250;
const MARGIN = { top: 24, right: 8, bottom: 48, left: 8 };

/**
 * A dependency-free vertical bar chart in inline SVG, labelled for screen readers, with the same
 * numbers available as a table under a disclosure.
 */
export function BarChart({ title, description, bars, xLabel, yLabel }: BarChartProps) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(1, bars.length);
  const barWidth = slot * 0.72;
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
        {bars.map((bar, i) => {
          const h = (bar.value / max) * plotHeight;
          const x = MARGIN.left + i * slot + (slot - barWidth) / 2;
          const y = MARGIN.top + plotHeight - h;
          const cx = x + barWidth / 2;
          return (
            <g key={bar.label}>
              <rect
                className="chart-bar"
                x={x}
                y={y}
                width={barWidth}
                height={Math.max(h, bar.value > 0 ? 1 : 0)}
              >
                <title>{`${bar.label}: ${formatCount(bar.value)} ${yLabel.toLowerCase()}`}</title>
              </rect>
              <text className="chart-value" x={cx} y={y - 6} textAnchor="middle">
                {formatCount(bar.value)}
              </text>
              <text className="chart-label" x={cx} y={MARGIN.top + plotHeight + 18} textAnchor="middle">
                {bar.label}
              </text>
            </g>
          );
        })}
        <text className="chart-axis-label" x={WIDTH / 2} y={HEIGHT - 8} textAnchor="middle">
          {xLabel}
        </text>
      </svg>
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <table className="data-table compact">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              <th scope="col" className="numeric">
                {yLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td className="numeric">{formatCount(bar.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
