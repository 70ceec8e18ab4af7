import type { StoredRows } from '@bitterroot/contracts';
import { getJson, withQuery } from '../../lib/api.ts';

/** The district's stored rows of one template (the current school year), as layout cells by column key. */
export async function listStoredRows(
  district: string,
  template: string,
  signal?: AbortSignal,
): Promise<StoredRows> {
  const path = `/api/v1/districts/${encodeURIComponent(district)}/stored-rows/${encodeURIComponent(template)}`;
  return await getJson<StoredRows>(withQuery(path, { limit: 500 }), signal);
}
