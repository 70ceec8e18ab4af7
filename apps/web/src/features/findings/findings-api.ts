import type { FindingPage, Problem, ValidationFinding, ValidationRun } from '@bitterroot/contracts';
import { ApiError, getJson, withQuery } from '../../lib/api.ts';
import type { FindingStatus, Severity } from './finding-view.ts';
import type { MatrixCell } from './heat-map.ts';

/** GET /api/v1/findings/matrix response. */
export interface FindingMatrix {
  schoolYear: number;
  rules: string[];
  cells: MatrixCell[];
}

/** Server-side filters of a district's findings (the table sorts in the browser). */
export interface FindingFilters {
  rule?: string;
  severity?: Severity;
  status?: FindingStatus;
}

// The API caps pageSize at 500; the table shows the first 500 and says so when there are more.
const PAGE_SIZE = 500;

const districtPath = (district: string) => `/api/v1/districts/${encodeURIComponent(district)}`;

/** One page (the first 500) of a district's findings matching the filters, with its counts by rule. */
export async function getFindings(
  district: string,
  filters: FindingFilters,
  signal?: AbortSignal,
): Promise<FindingPage> {
  return await getJson<FindingPage>(
    withQuery(`${districtPath(district)}/findings`, { ...filters, pageSize: PAGE_SIZE }),
    signal,
  );
}

/** The district's open findings counted by rule (one finding fetched: only the counts are wanted). */
export async function getOpenCounts(district: string, signal?: AbortSignal): Promise<FindingPage['byRule']> {
  const page = await getJson<FindingPage>(
    withQuery(`${districtPath(district)}/findings`, { status: 'open', pageSize: 1 }),
    signal,
  );
  return page.byRule;
}

/** The CSV or XLSX export of the findings the filters select. */
export function exportUrl(district: string, format: 'csv' | 'xlsx', filters: FindingFilters): string {
  return withQuery(`${districtPath(district)}/findings.${format}`, { ...filters });
}

/** Open findings per district × rule, statewide. */
export async function getMatrix(signal?: AbortSignal): Promise<FindingMatrix> {
  return await getJson<FindingMatrix>('/api/v1/findings/matrix', signal);
}

/** Validates the district now; resolves with the run's counts. */
export async function runValidation(district: string): Promise<ValidationRun> {
  return await postJson<ValidationRun>(`${districtPath(district)}/validation-runs`, {});
}

/** Acknowledges an open warning with a reason; ApiError 409 for fatal or already closed findings. */
export async function acknowledgeFinding(
  id: number,
  district: string,
  reason: string,
  by: string,
): Promise<ValidationFinding> {
  return await postJson<ValidationFinding>(
    withQuery(`/api/v1/findings/${id}/acknowledgement`, { district }),
    {
      reason,
      by: by.trim() || undefined,
    },
  );
}

// Same shape as identity-api's decideReview: lib/api.ts has no JSON POST, and widening it is out of this
// feature's scope; the RFC 9457 body is read here.
async function postJson<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(problem(0, 'Cannot reach the server', error instanceof Error ? error.message : ''));
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  return (await response.json()) as T;
}

async function problemOf(response: Response): Promise<Problem> {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  try {
    const body = (await response.json()) as Partial<Problem>;
    if (typeof body.title === 'string' && typeof body.status === 'number')
      return { ...(body as Problem), requestId: body.requestId ?? requestId };
  } catch {
    // Not JSON (a proxy's error page): a generic problem below.
  }
  return { ...problem(response.status, response.statusText || 'Request failed', ''), requestId };
}

function problem(status: number, title: string, detail: string): Problem {
  return { type: 'about:blank', title, status, detail: detail || undefined };
}
