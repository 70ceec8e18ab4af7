import { useMemo } from 'react';
import type { District, StateAnbSummary } from '@bitterroot/contracts';
import { BarChart } from '../../components/bar-chart.tsx';
import { StatList } from '../../components/stat-list.tsx';
import { formatCount, plural } from '../../lib/format.ts';
import { DistrictFilters } from '../districts/district-filters.tsx';
import type { AnbParams } from './anb-params.ts';
import { anbByBand, fallSpringBars, stateRows, stateTotals } from './anb-summary.ts';
import { formatAnb, formatWeight } from './funding-format.ts';
import { applyStateView } from './state-anb-view.ts';
import { StateAnbTable } from './state-anb-table.tsx';
import { useStateView } from './use-url-view.ts';

/** Props of StateAnbOverview. */
export interface StateAnbOverviewProps {
  summary: StateAnbSummary;
  districts: readonly District[];
  params: AnbParams;
}

/** Statewide totals, charts by size band and count, and the filterable table of every district. */
export function StateAnbOverview({ summary, districts, params }: StateAnbOverviewProps) {
  const [view, setView] = useStateView();
  const rows = useMemo(() => stateRows(summary, districts), [summary, districts]);
  const shown = useMemo(() => applyStateView(rows, view), [rows, view]);
  const totals = stateTotals(shown);
  const units = useMemo(() => {
    const numbers = new Set(shown.map((r) => r.districtNumber));
    return summary.districts.filter((d) => numbers.has(d.districtNumber)).flatMap((d) => d.units);
  }, [summary, shown]);
  const bands = anbByBand(shown);
  const subset = shown.length < rows.length ? ` (the ${plural(shown.length, 'district')} shown)` : '';
  return (
    <>
      <StatList
        label="Statewide ANB"
        stats={[
          {
            label: 'Districts',
            value: formatCount(totals.districts),
            note: subset ? 'matching the filters' : '',
          },
          { label: 'Fall count', value: formatWeight(totals.fall) },
          { label: 'Spring count', value: formatWeight(totals.spring) },
          { label: 'Elementary ANB', value: formatAnb(totals.elementary) },
          { label: 'High school ANB', value: formatAnb(totals.highSchool) },
          { label: 'Total ANB', value: formatAnb(totals.anb) },
        ]}
      />
      <section className="panel" aria-labelledby="anb-charts-heading">
        <h2 id="anb-charts-heading">ANB by district size{subset}</h2>
        <BarChart
          title="Total ANB by district size band"
          description={`Sum of the ANB of the districts in each ANB size band; ${bands.districts
            .map((n, i) => `${bands.bars[i]?.label ?? ''}: ${plural(n, 'district')}`)
            .join(', ')}.`}
          bars={bands.bars}
          xLabel="District ANB band"
          yLabel="ANB"
        />
        <BarChart
          title="Fall and spring counts by budget unit"
          description="Statewide fall and spring counts of the districts shown, per budget unit."
          bars={fallSpringBars(units)}
          xLabel="Budget unit and count"
          yLabel="Students counted"
        />
      </section>
      <section className="panel" aria-labelledby="anb-districts-heading">
        <div className="panel-header">
          <h2 id="anb-districts-heading">Districts</h2>
          {/* The state overview's filters read only the text and level; the sort is this table's own. */}
          <DistrictFilters
            view={{ q: view.q, level: view.level, sort: 'districtNumber', order: 'asc' }}
            onChange={({ q, level }) =>
              setView({ ...(q === undefined ? {} : { q }), ...(level === undefined ? {} : { level }) })
            }
          />
        </div>
        <StateAnbTable
          rows={shown}
          total={rows.length}
          params={params}
          sort={view.sort}
          order={view.order}
          onSort={(sort, order) => setView({ sort, order })}
        />
      </section>
    </>
  );
}
