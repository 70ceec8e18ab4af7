import { formatCount } from '../lib/format.ts';
import { ChartData, ChartSvg, plotHeightOf, type ChartBox } from './chart-frame.tsx';

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

const BOX: ChartBox = { width: 1060, height: 250, margin: { top: 24, right: 8, bottom: 48, left: 8 } };

/**
 * A dependency-free vertical bar chart in inline SVG, labelled for screen readers, with the same
 * numbers available as a table under a disclosure.
 */
export function BarChart({ title, description, bars, xLabel, yLabel }: BarChartProps) {
  const { margin } = BOX;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotWidth = BOX.width - margin.left - margin.right;
  const plotHeight = plotHeightOf(BOX);
  const slot = plotWidth / Math.max(1, bars.length);
  const barWidth = slot * 0.72;
  return (
    <figure className="chart">
      <ChartSvg box={BOX} title={title} description={description} xLabel={xLabel}>
        {bars.map((bar, i) => {
          const h = (bar.value / max) * plotHeight;
          const x = margin.left + i * slot + (slot - barWidth) / 2;
          const y = margin.top + plotHeight - h;
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
              <text className="chart-label" x={cx} y={margin.top + plotHeight + 18} textAnchor="middle">
                {bar.label}
              </text>
            </g>
          );
        })}
      </ChartSvg>
      <ChartData
        title={title}
        xLabel={xLabel}
        columns={[yLabel]}
        rows={bars.map((b) => ({ label: b.label, values: [b.value] }))}
      />
    </figure>
  );
}
