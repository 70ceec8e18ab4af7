import { useState } from 'react';
import type { Problem } from '@bitterroot/contracts';
import { Link, Navigate, useParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { mayInDistrict } from '../features/access/navigation.ts';
import { FindingsSection } from '../features/findings/findings-section.tsx';
import { getOpenCounts, runValidation } from '../features/findings/findings-api.ts';
import { RuleSummary } from '../features/findings/rule-summary.tsx';
import { TrendSection } from '../features/findings/trend-section.tsx';
import { useFindingView } from '../features/findings/use-finding-view.ts';
import { plural } from '../lib/format.ts';
import { useSignedInSession } from '../lib/session.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { toProblem, useResource } from '../lib/use-resource.ts';

/** A district's statewide validation findings: counts by rule, the filterable table, run now, exports. */
export function DistrictFindingsPage() {
  const raw = useParams().districtNumber ?? '';
  // As on the district page: "59" means 0059, and the canonical URL is the zero-padded number.
  if (/^\d{1,3}$/.test(raw)) return <Navigate replace to={`/districts/${raw.padStart(4, '0')}/findings`} />;
  return <DistrictFindings district={raw} />;
}

function DistrictFindings({ district }: { district: string }) {
  const session = useSignedInSession();
  const [view, setView] = useFindingView();
  // Bumped after a run so both the summary and the table fetch again.
  const [generation, setGeneration] = useState(0);
  const [counts, reloadCounts] = useResource(`finding-counts:${district}:${generation}`, (signal) =>
    getOpenCounts(district, signal),
  );
  const [run, setRun] = useState<{ busy: boolean; message: string; problem: Problem | null }>({
    busy: false,
    message: '',
    problem: null,
  });
  const runNow = () => {
    setRun({ busy: true, message: '', problem: null });
    runValidation(district).then(
      (r) => {
        const open = r.summary.fatal + r.summary.warning + r.summary.info;
        setRun({
          busy: false,
          message: `Validation finished: ${plural(open, 'open finding')}.`,
          problem: null,
        });
        setGeneration((n) => n + 1);
      },
      (e: unknown) => setRun({ busy: false, message: '', problem: toProblem(e) }),
    );
  };
  if (counts.status === 'error' && isForbidden(counts.problem))
    return <NotAllowed problem={counts.problem} what={`the findings of district ${district}`} />;
  return (
    <>
      <title>{`Findings · District ${district} · ${PRODUCT_NAME}`}</title>
      <p className="back">
        <Link to={`/districts/${district}`}>← District {district}</Link> ·{' '}
        <Link to="/findings">All findings</Link>
      </p>
      <div className="page-heading">
        <h1>
          Validation findings <span className="subtitle">District {district}</span>
        </h1>
        {mayInDistrict(session, 'validation:run', district) && (
          <button type="button" className="button-primary" disabled={run.busy} onClick={runNow}>
            {run.busy ? 'Running validation…' : 'Run validation now'}
          </button>
        )}
      </div>
      <p role="status" aria-live="polite">
        {run.message}
      </p>
      {run.problem && <ProblemAlert context="Validation did not run" problem={run.problem} />}
      {counts.status === 'loading' && <Loading what="findings by rule" />}
      {counts.status === 'error' && (
        <ProblemAlert context="Could not load findings" problem={counts.problem} onRetry={reloadCounts} />
      )}
      {counts.status === 'ok' && (
        <RuleSummary counts={counts.data} selected={view.rule} onSelect={(rule) => setView({ rule })} />
      )}
      <FindingsSection
        district={district}
        view={view}
        rules={counts.status === 'ok' ? counts.data.map((c) => c.rule) : []}
        generation={generation}
        onChange={setView}
      />
      <TrendSection
        district={district}
        filters={{ rule: view.rule || undefined, severity: view.severity || undefined }}
        generation={generation}
      />
    </>
  );
}
