import type { FindingPage, FindingTrend, ValidationFinding, ValidationRun } from '@bitterroot/contracts';
import { getJson, sendJson, withQuery } from '../../lib/api.ts';
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
  return await sendJson<ValidationRun>('POST', `${districtPath(district)}/validation-runs`, {});
}

/**
 * Acknowledges an open warning with a reason; ApiError 409 for fatal or already closed findings. The server
 * records the signed-in user as the one who acknowledged.
 */
export async function acknowledgeFinding(
  id: number,
  district: string,
  reason: string,
): Promise<ValidationFinding> {
  return await sendJson<ValidationFinding>(
    'POST',
    withQuery(`/api/v1/findings/${id}/acknowledgement`, { district }),
    { reason },
  );
}

/** Filters of the open-findings trend. */
export interface TrendFilters {
  severity?: Severity;
  rule?: string;
  collection?: string;
}

/** Open findings per run day and rule: the state's (district null) or one district's own. */
export async function getTrend(
  district: string | null,
  filters: TrendFilters,
  signal?: AbortSignal,
): Promise<FindingTrend> {
  const path = district === null ? '/api/v1/findings/trend' : `${districtPath(district)}/findings/trend`;
  return await getJson<FindingTrend>(withQuery(path, { ...filters }), signal);
}
