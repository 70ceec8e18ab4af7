import type { StoredRows } from '@bitterroot/contracts';
import { getJson, withQuery } from '../../lib/api.ts';

/** How the list is narrowed and ordered (decision 0074); `after` is the `next` of the page before. */
export interface StoredRowsFilter {
  q: string;
  /** A searchable column key, or '' for the order rows were stored in. */
  sort: string;
  order: 'asc' | 'desc';
}

/** Rows per page of the list. */
export const STORED_ROWS_PAGE = 200;

/** A page of the district's stored rows of one template (the current school year), as layout cells by column key. */
export async function listStoredRows(
  district: string,
  template: string,
  filter: StoredRowsFilter,
  after: string | undefined,
  signal?: AbortSignal,
): Promise<StoredRows> {
  const path = `/api/v1/districts/${encodeURIComponent(district)}/stored-rows/${encodeURIComponent(template)}`;
  const query = {
    limit: STORED_ROWS_PAGE,
    q: filter.q.trim(),
    sort: filter.sort,
    order: filter.order,
    after,
  };
  return await getJson<StoredRows>(withQuery(path, query), signal);
}
