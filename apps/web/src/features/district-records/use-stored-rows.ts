import { useState } from 'react';
import type { Problem, StoredRows } from '@bitterroot/contracts';
import { toProblem, useResource, type Resource } from '../../lib/use-resource.ts';
import { listStoredRows, type StoredRowsFilter } from './district-records-api.ts';

/** The stored rows loaded so far for one filter, and how to load the next page. */
export interface StoredRowPages {
  /** The first page with every later page's rows appended and the last page's `next`. */
  stored: Resource<StoredRows>;
  /** Loads the first page again (after a save or an undo) and drops the later pages. */
  reload: () => void;
  loadMore: () => void;
  loadingMore: boolean;
  moreProblem: Problem | null;
}

/**
 * Keyset pages of a district's stored rows (decision 0074): the first page for the filter, then "load more"
 * appends the page after the last row shown. A new filter starts over.
 */
export function useStoredRows(district: string, template: string, filter: StoredRowsFilter): StoredRowPages {
  const key = `stored-rows:${district}:${template}:${JSON.stringify(filter)}`;
  const [attempt, setAttempt] = useState(0);
  const [first, reloadFirst] = useResource(`${key}:${attempt}`, (signal) =>
    listStoredRows(district, template, filter, undefined, signal),
  );
  // Later pages belong to one filter and one load of the first page.
  const [more, setMore] = useState<{ key: string; pages: StoredRows[] }>({ key, pages: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreProblem, setMoreProblem] = useState<Problem | null>(null);
  const pages = more.key === `${key}:${attempt}` ? more.pages : [];
  const stored: Resource<StoredRows> =
    first.status === 'ok' && pages.length > 0
      ? {
          status: 'ok',
          data: {
            ...first.data,
            rows: [...first.data.rows, ...pages.flatMap((p) => p.rows)],
            truncated: pages.at(-1)!.truncated,
            next: pages.at(-1)!.next,
          },
        }
      : first;
  const loadMore = () => {
    const after = stored.status === 'ok' ? stored.data.next : null;
    if (!after) return;
    setLoadingMore(true);
    setMoreProblem(null);
    listStoredRows(district, template, filter, after).then(
      (page) => {
        setMore({ key: `${key}:${attempt}`, pages: [...pages, page] });
        setLoadingMore(false);
      },
      (error: unknown) => {
        setMoreProblem(toProblem(error));
        setLoadingMore(false);
      },
    );
  };
  const reload = () => {
    setMoreProblem(null);
    if (first.status === 'error') reloadFirst();
    else setAttempt((n) => n + 1);
  };
  return { stored, reload, loadMore, loadingMore, moreProblem };
}
