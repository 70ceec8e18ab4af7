import { useState } from 'react';
import type { Problem } from '@bitterroot/contracts';
import type { Column } from '../../components/data-table.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { Loading } from '../../components/loading.tsx';
import { isForbidden, NotAllowed } from '../../components/not-allowed.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { plural } from '../../lib/format.ts';
import type { SortOrder } from '../../lib/sort.ts';
import { sortRows } from '../../lib/sort.ts';
import { toProblem, useResource } from '../../lib/use-resource.ts';
// One date style everywhere (the identity queue's).
import { formatDateTime } from '../identity/review-labels.ts';
import type { AuditEvent, AuditFilters as Filters } from './audit-api.ts';
import { AUDIT_PAGE_SIZE, auditExportUrl, searchAudit } from './audit-api.ts';
import { detailText } from './audit-detail.ts';
import { AuditFilters } from './audit-filters.tsx';

type SortKey = 'at' | 'actor' | 'action' | 'entity' | 'district' | 'detail';

const NO_FILTERS: Filters = { action: '', actor: '', district: '', from: '', to: '' };

const columns: Column<AuditEvent, SortKey>[] = [
  { key: 'at', label: 'When', sortValue: (e) => e.id, render: (e) => formatDateTime(e.at) },
  { key: 'actor', label: 'Who', sortValue: (e) => e.actor },
  { key: 'action', label: 'Action', sortValue: (e) => e.action },
  {
    key: 'entity',
    label: 'Record',
    sortValue: (e) => (e.entity ? `${e.entity} ${e.entityId ?? ''}`.trim() : null),
  },
  { key: 'district', label: 'District', sortValue: (e) => e.districtNumber },
  { key: 'detail', label: 'Detail', sortValue: (e) => detailText(e.detail) || null },
];

/**
 * The audit log: filters, newest events first with "Load more" (keyset paging by id, so new events arriving
 * meanwhile never shift a page), and the CSV/XLSX export of what the filters select. Read-only by nature.
 */
export function AuditLog() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const key = `audit:${JSON.stringify(filters)}`;
  const [first, reload] = useResource(key, (signal) => searchAudit(filters, undefined, signal));
  // Further pages belong to one filter set; a filter change starts over.
  const [more, setMore] = useState<{ key: string; events: AuditEvent[]; done: boolean }>({
    key,
    events: [],
    done: false,
  });
  const [loading, setLoading] = useState(false);
  const [moreProblem, setMoreProblem] = useState<Problem | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; order: SortOrder }>({ key: 'at', order: 'desc' });
  if (first.status === 'error' && isForbidden(first.problem))
    return <NotAllowed problem={first.problem} what="the audit log" level={2} />;
  const extra = more.key === key ? more : { key, events: [], done: false };
  const events = first.status === 'ok' ? [...first.data, ...extra.events] : [];
  const lastPage = first.status === 'ok' && extra.events.length === 0 ? first.data : extra.events;
  const exhausted = extra.done || lastPage.length < AUDIT_PAGE_SIZE;
  const loadMore = () => {
    const last = events.at(-1);
    if (!last) return;
    setLoading(true);
    setMoreProblem(null);
    searchAudit(filters, last.id).then(
      (page) => {
        setMore({ key, events: [...extra.events, ...page], done: page.length < AUDIT_PAGE_SIZE });
        setLoading(false);
      },
      (error: unknown) => {
        setMoreProblem(toProblem(error));
        setLoading(false);
      },
    );
  };
  return (
    <>
      <section className="panel" aria-labelledby="audit-filters-heading">
        <h2 id="audit-filters-heading">Filters</h2>
        <AuditFilters filters={filters} onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))} />
        <p className="finding-downloads">
          Download these events: <a href={auditExportUrl('csv', filters)}>CSV</a> ·{' '}
          <a href={auditExportUrl('xlsx', filters)}>Excel (XLSX)</a>
        </p>
      </section>
      {first.status === 'loading' && <Loading what="audit events" />}
      {first.status === 'error' && (
        <ProblemAlert context="Could not load the audit log" problem={first.problem} onRetry={reload} />
      )}
      {first.status === 'ok' && (
        <>
          <DataTable
            caption={`${plural(events.length, 'event')}${exhausted ? '' : ' loaded, newest first'}`}
            columns={columns}
            rows={sortRows(
              events,
              (e) => columns.find((c) => c.key === sort.key)?.sortValue(e) ?? null,
              sort.order,
            )}
            rowKey={(e) => String(e.id)}
            rowHeader="at"
            sort={sort.key}
            order={sort.order}
            onSort={(k, order) => setSort({ key: k, order })}
            empty="No events match these filters."
          />
          {!exhausted && (
            <p className="show-more">
              <button type="button" className="button-secondary" disabled={loading} onClick={loadMore}>
                {loading ? 'Loading…' : `Load ${AUDIT_PAGE_SIZE} more`}
              </button>
            </p>
          )}
          {moreProblem && <ProblemAlert context="Could not load more events" problem={moreProblem} />}
        </>
      )}
    </>
  );
}
