import { formatCount } from '../lib/format.ts';
import { ChartData, ChartSvg, plotHeightOf, type ChartBox } from './chart-frame.tsx';

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

const BOX: ChartBox = { width: 1060, height: 260, margin: { top: 24, right: 16, bottom: 48, left: 48 } };
// Lines differ by dash as well as colour, so they stay apart in print and for colour-blind readers.
const DASHES = ['', '8 4', '2 4', '12 4 2 4'];

/**
 * A dependency-free line chart in inline SVG, in the style of BarChart: labelled for screen readers, a point
 * per value with its number as a tooltip, a legend, and the same numbers as a table under a disclosure.
 */
export function LineChart({ title, description, labels, lines, xLabel, yLabel }: LineChartProps) {
  const { margin } = BOX;
  const max = Math.max(1, ...lines.flatMap((l) => l.values));
  const plotWidth = BOX.width - margin.left - margin.right;
  const plotHeight = plotHeightOf(BOX);
  const x = (i: number) =>
    margin.left + (labels.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (labels.length - 1));
  const y = (v: number) => margin.top + plotHeight - (v / max) * plotHeight;
  // Label at most about ten days so the axis stays readable over a season.
  const every = Math.max(1, Math.ceil(labels.length / 10));
  return (
    <figure className="chart">
      <ChartSvg box={BOX} title={title} description={description} xLabel={xLabel}>
        <line
          className="chart-axis"
          x1={margin.left}
          x2={margin.left}
          y1={margin.top}
          y2={margin.top + plotHeight}
        />
        <text className="chart-label" x={margin.left - 6} y={margin.top + 4} textAnchor="end">
          {formatCount(max)}
        </text>
        <text className="chart-label" x={margin.left - 6} y={margin.top + plotHeight} textAnchor="end">
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
              y={margin.top + plotHeight + 18}
              textAnchor="middle"
            >
              {label}
            </text>
          ) : null,
        )}
      </ChartSvg>
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
      <ChartData
        title={title}
        xLabel={xLabel}
        columns={lines.map((l) => l.name)}
        rows={labels.map((label, i) => ({ label, values: lines.map((l) => l.values[i] ?? 0) }))}
      />
    </figure>
  );
}
