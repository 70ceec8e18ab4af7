import { LineChart } from '../../components/line-chart.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { getTrend, type TrendFilters } from './findings-api.ts';
import { buildTrend, describeTrend } from './trend.ts';

/** Props of TrendSection. */
export interface TrendSectionProps {
  /** A district's own findings, or the state's (null). */
  district: string | null;
  filters: TrendFilters;
  /** Bumped after a validation run so the chart reloads. */
  generation?: number;
}

/** Open findings over time, one line per severity, over the days a full validation run finished. */
export function TrendSection({ district, filters, generation = 0 }: TrendSectionProps) {
  const key = `finding-trend:${district ?? 'state'}:${filters.severity ?? ''}:${filters.rule ?? ''}:${filters.collection ?? ''}:${generation}`;
  const [trend, reload] = useResource(key, (signal) => getTrend(district, filters, signal));
  const owner = district === null ? 'the state' : `district ${district}`;
  return (
    <section aria-labelledby="trend-heading">
      <h2 id="trend-heading">Open findings over time</h2>
      {trend.status === 'loading' && <Loading what="the trend" />}
      {trend.status === 'error' && (
        <ProblemAlert context="Could not load the trend" problem={trend.problem} onRetry={reload} />
      )}
      {trend.status === 'ok' && <TrendChart owner={owner} points={trend.data.points} />}
    </section>
  );
}

function TrendChart({ owner, points }: { owner: string; points: Parameters<typeof buildTrend>[0] }) {
  const model = buildTrend(points);
  if (model.days.length === 0)
    return <p className="note">No full validation run of {owner} in the last 90 days yet.</p>;
  return (
    <LineChart
      title={`Open findings of ${owner} by day`}
      description={describeTrend(model)}
      labels={model.days}
      lines={model.series.map((s) => ({ name: s.severity, values: s.values }))}
      xLabel="Day of a full validation run"
      yLabel="Findings"
    />
  );
}
