/**
 * A district's stored rows of one template as the cells of its layout, keyed by column key: what the hand-entry
 * page lists for staff, courses, sections and rosters and fills its edit form with (issue 9 §3). The cells are
 * the extract's (the same SQL), so saving an unchanged row through the pipeline changes nothing.
 */
import type { Profile } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { template as findTemplate } from '../profile/profile.lookup.ts';
import { districtExists, extractPages } from './record-extract.repository.ts';

/** Which rows to list. */
export type StoredRowsRequest = { district: string; templateId: string; schoolYear: number; limit: number };

/** The rows, or why there are none to list. */
export type StoredRowsLookup =
  | { kind: 'found'; rows: Record<string, string>[]; truncated: boolean }
  | { kind: 'not-found'; detail: string };

/** The first `limit` stored rows of the template in the district and year, in row order. */
export async function storedRows(
  db: Executor,
  profile: Profile,
  request: StoredRowsRequest,
): Promise<StoredRowsLookup> {
  const template = findTemplate(profile, request.templateId);
  const pages = template && extractPages(db, template, request, request.limit + 1);
  if (!template || !pages)
    return { kind: 'not-found', detail: `template ${request.templateId} has no stored rows` };
  if (!(await districtExists(db, request.district)))
    return { kind: 'not-found', detail: `district ${request.district} does not exist` };
  const rows: Record<string, string>[] = [];
  // One more row than asked tells whether there are more; the generator stops reading pages on return.
  for await (const page of pages) {
    for (const cells of page)
      rows.push(Object.fromEntries(template.columns.map((c, i) => [c.key, cells[i] ?? ''])));
    if (rows.length > request.limit) break;
  }
  return { kind: 'found', rows: rows.slice(0, request.limit), truncated: rows.length > request.limit };
}

/** The stored-rows service for the API, bound to a database, profile and default school year. */
export function storedRowsService(db: Executor, profile: Profile, schoolYear: number) {
  return {
    /** The default school year (the server's current one). */
    schoolYear,
    /** Lists a district's rows of a template for a year (default: the current one). */
    list: (district: string, templateId: string, limit: number, year?: number) =>
      storedRows(db, profile, { district, templateId, limit, schoolYear: year ?? schoolYear }),
  };
}

/** The service's type, for wiring. */
export type StoredRowsService = ReturnType<typeof storedRowsService>;
