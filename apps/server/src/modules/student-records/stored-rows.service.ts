/**
 * A district's stored rows of one template as the cells of its layout, keyed by column key: what the hand-entry
 * page lists for staff, courses, sections and rosters and fills its edit form with (issue 9 §3). The cells are
 * the extract's (the same SQL), so saving an unchanged row through the pipeline changes nothing. Searched,
 * sorted and paged in SQL (decision 0074).
 */
import type { Column, Profile, StoredRowsQuery, Template } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { template as findTemplate } from '../profile/profile.lookup.ts';
import { districtExists } from './record-extract.repository.ts';
import { storedRowPage, type RowCursor } from './stored-rows.repository.ts';

/** Which rows to list. */
export type StoredRowsRequest = Omit<StoredRowsQuery, 'schoolYear'> & {
  district: string;
  templateId: string;
  schoolYear: number;
};

/** The rows, or why there are none to list. */
export type StoredRowsLookup =
  | {
      kind: 'found';
      rows: Record<string, string>[];
      truncated: boolean;
      total: number;
      next: string | null;
      searchable: string[];
    }
  | { kind: 'not-found'; detail: string }
  | { kind: 'invalid'; detail: string };

// Constant in every row of a district's file for a year: nothing to search or sort by.
const CONSTANT = new Set(['record_type', 'district_number', 'school_year']);

/** The columns a search looks in and a list sorts by: the template's key columns and its name columns. */
export function searchableColumns(template: Template): Column[] {
  const keys = new Set(template.key);
  return template.columns.filter(
    (c) => !CONSTANT.has(c.key) && (keys.has(c.key) || c.key === 'name' || c.key.endsWith('_name')),
  );
}

/** The opaque `next`/`after` of a page: its last row's sort value and key. */
export function encodeCursor(c: RowCursor): string {
  return Buffer.from(JSON.stringify([c.s, c.k])).toString('base64url');
}

/** The cursor in an `after`, or null when it is not one this service wrote. */
export function decodeCursor(text: string): RowCursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && Number.isSafeInteger(v[1]))
      return { s: v[0], k: v[1] as number };
  } catch {
    // Falls through: not JSON.
  }
  return null;
}

/** A page of the stored rows of the template in the district and year that contain `q`, in `sort` order. */
export async function storedRows(
  db: Executor,
  profile: Profile,
  request: StoredRowsRequest,
): Promise<StoredRowsLookup> {
  const template = findTemplate(profile, request.templateId);
  if (!template) return { kind: 'not-found', detail: `template ${request.templateId} has no stored rows` };
  const searchable = searchableColumns(template);
  const sort = request.sort ? searchable.find((c) => c.key === request.sort) : undefined;
  if (request.sort && !sort)
    return {
      kind: 'invalid',
      detail: `${request.templateId} rows sort by ${searchable.map((c) => c.key).join(', ')}, not ${request.sort}`,
    };
  const after = request.after === undefined ? undefined : decodeCursor(request.after);
  if (after === null) return { kind: 'invalid', detail: 'after is not the next of an earlier page' };
  if (!(await districtExists(db, request.district)))
    return { kind: 'not-found', detail: `district ${request.district} does not exist` };
  const page = await storedRowPage(db, template, request, {
    q: request.q,
    searchable,
    sort,
    descending: request.order === 'desc',
    after,
    limit: request.limit,
  });
  if (!page) return { kind: 'not-found', detail: `template ${request.templateId} has no stored rows` };
  return {
    kind: 'found',
    rows: page.rows.map((cells) =>
      Object.fromEntries(template.columns.map((c, i) => [c.key, cells[i] ?? ''])),
    ),
    truncated: page.next !== null,
    total: page.total,
    next: page.next && encodeCursor(page.next),
    searchable: searchable.map((c) => c.key),
  };
}

/** The stored-rows service for the API, bound to a database, profile and default school year. */
export function storedRowsService(db: Executor, profile: Profile, schoolYear: number) {
  return {
    /** The default school year (the server's current one). */
    schoolYear,
    /** A page of a district's rows of a template for a year (default: the current one). */
    list: (district: string, templateId: string, query: StoredRowsQuery) =>
      storedRows(db, profile, {
        ...query,
        district,
        templateId,
        schoolYear: query.schoolYear ?? schoolYear,
      }),
  };
}

/** The service's type, for wiring. */
export type StoredRowsService = ReturnType<typeof storedRowsService>;
