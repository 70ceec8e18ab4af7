import { useState } from 'react';
import type { ValidationFinding } from '@bitterroot/contracts';
import { Loading } from '../../components/loading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSignedInSession } from '../../lib/session.ts';
import { useResource } from '../../lib/use-resource.ts';
import { mayInDistrict } from '../access/navigation.ts';
import { DistrictFindingsTable } from './district-findings-table.tsx';
import { FindingFilters } from './finding-filters.tsx';
import type { FindingView } from './finding-view.ts';
import { sortFindings } from './finding-view.ts';
import type { FindingFilters as ApiFilters } from './findings-api.ts';
import { exportUrl, getFindings } from './findings-api.ts';

/** Props of FindingsSection. */
export interface FindingsSectionProps {
  district: string;
  view: FindingView;
  rules: readonly string[];
  /** Bumped after a validation run so the table reloads. */
  generation: number;
  onChange: (patch: Partial<FindingView>) => void;
}

/** Filters, download links and the findings table of one district. */
export function FindingsSection(props: FindingsSectionProps) {
  const { district, view } = props;
  const session = useSignedInSession();
  const filters: ApiFilters = {
    rule: view.rule || undefined,
    severity: view.severity || undefined,
    status: view.status,
  };
  const key = `findings:${district}:${view.rule}:${view.severity}:${view.status}:${props.generation}`;
  const [page, reload] = useResource(key, (signal) => getFindings(district, filters, signal));
  // Acknowledgements update rows in place rather than refetching 500 findings.
  const [updated, setUpdated] = useState<ReadonlyMap<number, ValidationFinding>>(new Map());
  const acknowledged = (f: ValidationFinding) => {
    setUpdated((m) => new Map(m).set(f.id, f));
  };
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings</h2>
      <FindingFilters view={view} rules={props.rules} onChange={props.onChange} />
      <p className="finding-downloads">
        Download these findings: <a href={exportUrl(district, 'csv', filters)}>CSV</a> ·{' '}
        <a href={exportUrl(district, 'xlsx', filters)}>Excel (XLSX)</a>
      </p>
      {page.status === 'loading' && <Loading what="findings" />}
      {page.status === 'error' && (
        <ProblemAlert context="Could not load findings" problem={page.problem} onRetry={reload} />
      )}
      {page.status === 'ok' && (
        <DistrictFindingsTable
          district={district}
          findings={sortFindings(
            page.data.findings.map((f) => updated.get(f.id) ?? f),
            view,
          )}
          total={page.data.total}
          mayAcknowledge={mayInDistrict(session, 'findings:acknowledge', district)}
          sort={view.sort}
          order={view.order}
          onSort={(sort, order) => props.onChange({ sort, order })}
          onAcknowledged={acknowledged}
        />
      )}
    </section>
  );
}
