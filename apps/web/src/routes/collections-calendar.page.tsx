import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { ActionStatus } from '../features/collections/action-status.tsx';
import { CalendarTable } from '../features/collections/calendar-table.tsx';
import type { CollectionCalendar } from '../features/collections/collections-api.ts';
import { getCalendar, listEvents, publishCalendar } from '../features/collections/collections-api.ts';
import { useAction } from '../features/collections/use-action.ts';
import { holds, useSignedInSession } from '../lib/session.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

/** A year's collections calendar (montana-aim.md §5): computed dates, the state's adjustments, publication. */
export function CollectionsCalendarPage() {
  const session = useSignedInSession();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const [changed, setChanged] = useState<CollectionCalendar | null>(null);
  const [publishing, run] = useAction();
  const [calendar, reload] = useResource(`calendar:${asked || 'current'}`, async (signal) => {
    // Without ?year the server's current school year (the events list names it).
    const year = asked || (await listEvents(signal)).schoolYear;
    return await getCalendar(year, signal);
  });
  const mayManage = holds(session, 'collections:manage');
  const shown =
    changed && calendar.status === 'ok' && changed.schoolYear === calendar.data.schoolYear ? changed : null;
  const data = shown ?? (calendar.status === 'ok' ? calendar.data : null);
  return (
    <>
      <title>{`Collections calendar · ${PRODUCT_NAME}`}</title>
      <div className="page-heading">
        <h1>
          Collections calendar {data && <span className="subtitle">School year {data.schoolYear}</span>}
        </h1>
        {data && mayManage && (
          <button
            type="button"
            className="button-primary"
            disabled={publishing.busy}
            onClick={() =>
              run(async () => {
                setChanged(await publishCalendar(data.schoolYear));
                return 'The calendar is published.';
              })
            }
          >
            {data.publishedAt ? 'Publish again' : 'Publish calendar'}
          </button>
        )}
      </div>
      <ActionStatus state={publishing} context="The calendar was not published" />
      {calendar.status === 'loading' && <Loading what="the calendar" />}
      {calendar.status === 'error' && (
        <ProblemAlert context="Could not load the calendar" problem={calendar.problem} onRetry={reload} />
      )}
      {data && (
        <>
          <p>
            {data.publishedAt
              ? `Published ${new Date(data.publishedAt).toLocaleString('en-US')}.`
              : 'Draft: not published yet.'}{' '}
            Count dates: fall {data.dates['fall-count-date'] ?? '—'}, spring{' '}
            {data.dates['spring-count-date'] ?? '—'}.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => setParams({ year: String(data.schoolYear + 1) })}
            >
              Next year
            </button>{' '}
            ·{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => setParams({ year: String(data.schoolYear - 1) })}
            >
              Previous year
            </button>
          </p>
          <CalendarTable calendar={data} mayAdjust={mayManage} onChanged={setChanged} />
        </>
      )}
    </>
  );
}
