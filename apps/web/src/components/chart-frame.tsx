import { useId, type ReactNode } from 'react';
import { formatCount } from '../lib/format.ts';

/** The drawing area of a chart: the SVG's size and the margins around its plot. */
export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** The plot's height inside the box (between the top margin and the x axis). */
export const plotHeightOf = (box: ChartBox): number => box.height - box.margin.top - box.margin.bottom;

/** Props of ChartSvg. */
export interface ChartSvgProps {
  box: ChartBox;
  title: string;
  description: string;
  xLabel: string;
  children: ReactNode;
}

/**
 * The inline SVG every chart draws in: labelled for screen readers by its title and description, with the x
 * axis and its label; the chart draws its marks as children.
 */
export function ChartSvg({ box, title, description, xLabel, children }: ChartSvgProps) {
  const id = useId();
  const { width, height, margin } = box;
  const axisY = margin.top + plotHeightOf(box);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <line className="chart-axis" x1={margin.left} x2={width - margin.right} y1={axisY} y2={axisY} />
      {children}
      <text className="chart-axis-label" x={width / 2} y={height - 8} textAnchor="middle">
        {xLabel}
      </text>
    </svg>
  );
}

/** Props of ChartData. */
export interface ChartDataProps {
  title: string;
  xLabel: string;
  /** One column per series, named. */
  columns: readonly string[];
  /** One row per x label, a value per column. */
  rows: readonly { label: string; values: readonly number[] }[];
}

/** A chart's numbers as a table under a "Show the numbers" disclosure, for readers who cannot see the chart. */
export function ChartData({ title, xLabel, columns, rows }: ChartDataProps) {
  return (
    <details className="chart-data">
      <summary>Show the numbers</summary>
      <table className="data-table compact">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{xLabel}</th>
            {columns.map((c) => (
              <th key={c} scope="col" className="numeric">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {columns.map((c, i) => (
                <td key={c} className="numeric">
                  {formatCount(row.values[i] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
