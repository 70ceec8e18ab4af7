import { useMemo, useState } from 'react';
import type { Upload } from '@bitterroot/contracts';
import type { FindingView } from './finding-filter.ts';
import { applyFindingView, DEFAULT_FINDING_VIEW } from './finding-filter.ts';
import { FindingCodes } from './finding-codes.tsx';
import { FindingFilters } from './finding-filters.tsx';
import type { NumberedFinding } from './findings-table.tsx';
import { FindingsTable } from './findings-table.tsx';
import { uploadFileUrl } from './uploads-api.ts';

/** Props of FindingsSection. */
export interface FindingsSectionProps {
  upload: Upload;
}

/** An upload's findings: counts by code, filters, the table and its downloads. */
export function FindingsSection({ upload }: FindingsSectionProps) {
  const [view, setView] = useState<FindingView>(DEFAULT_FINDING_VIEW);
  const numbered = useMemo<NumberedFinding[]>(
    () => upload.findings.map((f, id) => ({ ...f, id })),
    [upload.findings],
  );
  const rows = useMemo(() => applyFindingView(numbered, view), [numbered, view]);
  const codes = useMemo(
    () => [...new Set(upload.findingCounts.map((c) => c.code))].sort(),
    [upload.findingCounts],
  );
  const update = (patch: Partial<FindingView>) => setView((v) => ({ ...v, ...patch }));
  // Remounting the table on a new filter starts its "show more" window from the top again.
  const tableKey = `${view.q}|${view.severity}|${view.code}|${view.sort}|${view.order}`;
  return (
    <section className="panel" aria-labelledby="findings-title">
      <div className="panel-header">
        <h2 id="findings-title">Findings</h2>
        <p className="downloads">
          Download findings:{' '}
          <a href={uploadFileUrl(upload.district, upload.batchId, 'findings', 'csv')} download>
            Findings (CSV)
          </a>{' '}
          ·{' '}
          <a href={uploadFileUrl(upload.district, upload.batchId, 'findings', 'xlsx')} download>
            Findings (XLSX)
          </a>
        </p>
      </div>
      <FindingCodes counts={upload.findingCounts} active={view.code} onSelect={(code) => update({ code })} />
      <FindingFilters view={view} codes={codes} onChange={update} />
      <FindingsTable
        key={tableKey}
        findings={rows}
        total={numbered.length}
        sort={view.sort}
        order={view.order}
        onSort={(sort, order) => update({ sort, order })}
      />
    </section>
  );
}
