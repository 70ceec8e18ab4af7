import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ReportSource } from '@bitterroot/contracts';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { getPublicReport } from '../features/outcomes/outcomes-api.ts';
import { PublicRates, PublicTableView } from '../features/outcomes/public-table.tsx';
import { PRODUCT_NAME, STATE_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';
import { SourceSwitch } from '../components/source-switch.tsx';

/**
 * The public report of the state, a district or a school as it would be published: small counts and rates
 * with small denominators shown as `*`, complementary suppression, rates top/bottom coded (decision 0052).
 */
export function PublicReportPage() {
  const [search, setSearch] = useSearchParams();
  const district = /^\d{4}$/.test(search.get('district') ?? '') ? search.get('district')! : '';
  const school = /^\d{4}$/.test(search.get('school') ?? '') ? search.get('school')! : '';
  const source: ReportSource = search.get('source') === 'live' ? 'live' : 'certified';
  const [draft, setDraft] = useState({ district, school });
  const [report, reload] = useResource(`public:${district}:${school}:${source}`, (signal) =>
    getPublicReport({ district, school, source }, signal),
  );
  const set = (patch: Record<string, string>) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [k, v] of Object.entries(patch)) {
          if (v === '' || (k === 'source' && v === 'certified')) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  const where = school ? `School ${school}` : district ? `District ${district}` : STATE_NAME;
  if (report.status === 'error' && isForbidden(report.problem))
    return <NotAllowed problem={report.problem} what="the public report" />;
  return (
    <>
      <title>{`Public report · ${where} · ${PRODUCT_NAME}`}</title>
      <h1>
        Public report <span className="subtitle">{where}</span>
      </h1>
      <p className="note">
        As published: counts from 1 to 9 and rates over fewer than 10 students show as *, with further cells
        hidden so none can be worked out from the totals; rates are shown as ≥95% or ≤5% at the extremes.
        Internal reports and EDFacts files keep exact values.
      </p>
      <form
        className="filters"
        aria-label="Public report unit"
        onSubmit={(e) => {
          e.preventDefault();
          set({ district: draft.district.trim(), school: draft.school.trim() });
        }}
      >
        <div className="field">
          <label htmlFor="public-district">District number</label>
          <input
            id="public-district"
            inputMode="numeric"
            maxLength={4}
            placeholder="All districts"
            value={draft.district}
            onChange={(e) => setDraft((d) => ({ ...d, district: e.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor="public-school">School number</label>
          <input
            id="public-school"
            inputMode="numeric"
            maxLength={4}
            placeholder="All schools"
            value={draft.school}
            onChange={(e) => setDraft((d) => ({ ...d, school: e.target.value }))}
          />
        </div>
        <button type="submit" className="button-secondary">
          Show
        </button>
        <SourceSwitch name="public-source" source={source} onChange={(source) => set({ source })} />
      </form>
      {report.status === 'loading' && <Loading what="the public report" />}
      {report.status === 'error' &&
        (report.problem.status === 404 || report.problem.status === 400 ? (
          <p className="notice" role="status">
            There is no such district or school. Numbers have four digits, such as 0059.
          </p>
        ) : (
          <ProblemAlert
            context="Could not load the public report"
            problem={report.problem}
            onRetry={reload}
          />
        ))}
      {report.status === 'ok' && (
        <>
          <p className="notice" role="status" data-source={report.data.source}>
            {report.data.source === 'live' ? (
              <>
                <strong>Live preview, not certified.</strong> School year {report.data.schoolYear}; not for
                publication.
              </>
            ) : (
              <>
                <strong>Certified.</strong> School year {report.data.schoolYear}, from the certified
                snapshots.
              </>
            )}
          </p>
          <section className="panel" aria-labelledby="public-rates-heading">
            <h2 id="public-rates-heading">Rates</h2>
            <PublicRates rates={report.data.rates} />
          </section>
          <section className="panel" aria-labelledby="public-tables-heading">
            <h2 id="public-tables-heading">Enrollment</h2>
            {report.data.tables.map((t) => (
              <PublicTableView key={t.title} table={t} />
            ))}
          </section>
        </>
      )}
    </>
  );
}
