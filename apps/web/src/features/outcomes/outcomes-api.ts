import type {
  EdfactsFile,
  OutcomeMeasure,
  OutcomeReport,
  PublicReport,
  ReportSource,
  StateExport,
} from '@bitterroot/contracts';
import { getJson, withQuery } from '../../lib/api.ts';
import type { OutcomeParams } from './outcome-params.ts';
import { outcomeQuery } from './outcome-params.ts';

const base = (measure: OutcomeMeasure, district: string | null) =>
  district === null
    ? `/api/v1/outcomes/${measure}`
    : `/api/v1/districts/${encodeURIComponent(district)}/outcomes/${measure}`;

/** One measure of a district, or of the state when `district` is null, with every student line. */
export async function getOutcome(
  measure: OutcomeMeasure,
  district: string | null,
  params: OutcomeParams,
  signal?: AbortSignal,
): Promise<OutcomeReport> {
  return await getJson<OutcomeReport>(
    withQuery(base(measure, district), outcomeQuery(params, measure)),
    signal,
  );
}

/** The per-student lines of the same report as CSV. */
export function outcomeCsvUrl(
  measure: OutcomeMeasure,
  district: string | null,
  params: OutcomeParams,
): string {
  return withQuery(`${base(measure, district)}/students.csv`, outcomeQuery(params, measure));
}

/** Which unit a public report shows (none: the state), its year and source. */
export interface PublicReportParams {
  district: string;
  school: string;
  source: ReportSource;
}

/** A suppressed public report: displayed strings only. */
export async function getPublicReport(p: PublicReportParams, signal?: AbortSignal): Promise<PublicReport> {
  const query = {
    district: p.district || undefined,
    school: p.school || undefined,
    // Public reports are certified by default on the server; the live preview is asked for.
    source: p.source === 'certified' ? undefined : p.source,
  };
  return await getJson<PublicReport>(withQuery('/api/v1/public-reports', query), signal);
}

/** The download address of an EDFacts file (exact counts, no suppression). */
export function edfactsUrl(
  file: EdfactsFile,
  q: { level: string; format: string; source: ReportSource; year: number | null },
): string {
  return withQuery(`/api/v1/exports/edfacts/${file}`, {
    level: q.level,
    format: q.format,
    source: q.source,
    year: q.year ?? undefined,
  });
}

/** The download address of a state downstream file. */
export function stateFileUrl(name: StateExport, q: { source: ReportSource; year: number | null }): string {
  return withQuery(`/api/v1/exports/state/${name}`, { source: q.source, year: q.year ?? undefined });
}
