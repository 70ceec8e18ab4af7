import { useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { StoredRows, TemplateSummary } from '@bitterroot/contracts';
import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { districtTemplates } from '../features/district-records/district-entry-setup.ts';
import type { StoredRowsFilter } from '../features/district-records/district-records-api.ts';
import { DistrictRecords } from '../features/district-records/district-records.tsx';
import { StoredRowsSearch } from '../features/district-records/stored-rows-search.tsx';
import { useStoredRows } from '../features/district-records/use-stored-rows.ts';
import { listPlaces } from '../features/students/students-api.ts';
import { getTemplate, listTemplates } from '../features/templates/templates-api.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';
import { NotFoundPage } from './not-found.page.tsx';

/** Hand entry of the district's staff, courses, sections and rosters: pick a record type, list, add, edit, undo. */
export function DistrictRecordsPage() {
  const district = useParams().districtNumber ?? '';
  const [search, setSearch] = useSearchParams();
  const [templates, reload] = useResource('templates', (s) => listTemplates(s));
  if (!/^\d{4}$/.test(district)) return <NotFoundPage />;
  const choices = templates.status === 'ok' ? districtTemplates(templates.data) : [];
  const chosen = choices.find((t) => t.id === search.get('type'));
  return (
    <>
      <title>{`Staff & courses · District ${district} · ${PRODUCT_NAME}`}</title>
      <p className="back">
        <Link to={`/districts/${district}`}>← District {district}</Link>
      </p>
      <h1>Staff & courses</h1>
      <p className="note">
        Staff, courses, sections, teachers of record and class rosters entered by hand go through the same
        checks as an uploaded file.
      </p>
      {templates.status === 'loading' && <Loading what="the record types" />}
      {templates.status === 'error' && (
        <ProblemAlert
          context="Could not load the record types"
          problem={templates.problem}
          onRetry={reload}
        />
      )}
      {templates.status === 'ok' && (
        <div className="field form-field">
          <label htmlFor="district-record-type">Record type</label>
          <select
            id="district-record-type"
            value={chosen?.id ?? ''}
            onChange={(e) => setSearch(e.target.value ? { type: e.target.value } : {})}
          >
            <option value="">— choose —</option>
            {choices.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {chosen && <RecordsOf key={chosen.id} district={district} summary={chosen} />}
    </>
  );
}

function RecordsOf({ district, summary }: { district: string; summary: TemplateSummary }) {
  const [template, reloadTemplate] = useResource(`template:${summary.id}`, (s) => getTemplate(summary.id, s));
  const [filter, setFilter] = useState<StoredRowsFilter>({ q: '', sort: '', order: 'asc' });
  const pages = useStoredRows(district, summary.id, filter);
  const [stored, reloadStored] = [pages.stored, pages.reload];
  const [places, reloadPlaces] = useResource(`places:${district}:null`, (s) =>
    listPlaces({ district, school: null }, s),
  );
  // While the list reloads after a save or an undo, the old one stays up (and with it the saved message).
  const shownRows = useRef<StoredRows | null>(null);
  if (stored.status === 'ok') shownRows.current = stored.data;
  const rows = shownRows.current;
  const failed = [template, stored, places].find((r) => r.status === 'error');
  if (failed?.status === 'error')
    return isForbidden(failed.problem) ? (
      <NotAllowed problem={failed.problem} what={`the ${summary.name} records`} level={2} />
    ) : (
      <ProblemAlert
        context={`Could not load the ${summary.name} records`}
        problem={failed.problem}
        onRetry={() => {
          reloadTemplate();
          reloadStored();
          reloadPlaces();
        }}
      />
    );
  if (template.status !== 'ok' || rows === null || places.status !== 'ok')
    return <Loading what={`the ${summary.name} records`} />;
  return (
    <>
      <StoredRowsSearch
        template={template.data}
        searchable={rows.searchable}
        filter={filter}
        onChange={setFilter}
      />
      <DistrictRecords
        district={district}
        template={template.data}
        stored={rows}
        places={places.data.places}
        reload={reloadStored}
        onLoadMore={pages.loadMore}
        loadingMore={pages.loadingMore}
        moreProblem={pages.moreProblem}
        searching={filter.q !== ''}
      />
    </>
  );
}
