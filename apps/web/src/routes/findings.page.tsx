import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { BarChart } from '../components/bar-chart.tsx';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { SEVERITIES, isSeverity } from '../features/findings/finding-view.ts';
import { getMatrix } from '../features/findings/findings-api.ts';
import { buildHeatGrid, totalsByRule } from '../features/findings/heat-map.ts';
import { HeatMap } from '../features/findings/heat-map.tsx';
import { TrendSection } from '../features/findings/trend-section.tsx';
import { listDistricts } from '../lib/api.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

async function loadMatrix(signal: AbortSignal) {
  // District names come from the district list: the matrix carries numbers only.
  const [matrix, districts] = await Promise.all([getMatrix(signal), listDistricts({}, signal)]);
  return { matrix, names: new Map(districts.map((d) => [d.districtNumber, d.name])) };
}

/** The state's open findings: a districts × rules heat map and open findings by rule. */
export function FindingsPage() {
  const [params, setParams] = useSearchParams();
  const severityParam = params.get('severity') ?? '';
  const severity = isSeverity(severityParam) ? severityParam : '';
  const q = params.get('q') ?? '';
  const [data, reload] = useResource('findings-matrix', loadMatrix);
  const set = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const grid = useMemo(
    () =>
      data.status === 'ok' ? buildHeatGrid(data.data.matrix.cells, data.data.names, { severity, q }) : null,
    [data, severity, q],
  );
  return (
    <>
      <title>{`Findings · ${PRODUCT_NAME}`}</title>
      <h1>Open validation findings</h1>
      <form
        className="filters"
        role="search"
        aria-label="Filter the heat map"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="heat-severity">Severity</label>
          <select id="heat-severity" value={severity} onChange={(e) => set('severity', e.target.value)}>
            <option value="">All severities</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="heat-q">District name or number</label>
          <input
            id="heat-q"
            type="search"
            value={q}
            autoComplete="off"
            maxLength={100}
            onChange={(e) => set('q', e.target.value)}
          />
        </div>
      </form>
      {data.status === 'loading' && <Loading what="findings" />}
      {data.status === 'error' && (
        <ProblemAlert context="Could not load findings" problem={data.problem} onRetry={reload} />
      )}
      {grid && (
        <>
          <HeatMap grid={grid} />
          {grid.rules.length > 0 && (
            <BarChart
              title="Open findings by rule"
              description="Number of open findings per validation rule across the districts shown."
              bars={totalsByRule(grid)}
              xLabel="Rule"
              yLabel="Findings"
            />
          )}
        </>
      )}
      <TrendSection district={null} filters={{ severity: severity || undefined }} />
    </>
  );
}
