import type { DistrictAnbReport, StateAnbSummary } from '@bitterroot/contracts';
import { getJson, withQuery } from '../../lib/api.ts';
import type { AnbParams } from './anb-params.ts';

const districtPath = (district: string) => `/api/v1/districts/${encodeURIComponent(district)}`;

// Only values that differ from the server's defaults go into the URL, so links stay short and cacheable.
function query(params: AnbParams): Record<string, string | number | undefined> {
  return {
    year: params.year ?? undefined,
    source: params.source === 'live' ? undefined : params.source,
    pirDays: params.pirDays === 0 ? undefined : params.pirDays,
  };
}

/** A district's ANB per budget unit with every per-student line and its EOY attendance. */
export async function getDistrictAnb(
  district: string,
  params: AnbParams,
  signal?: AbortSignal,
): Promise<DistrictAnbReport> {
  return await getJson<DistrictAnbReport>(withQuery(`${districtPath(district)}/anb`, query(params)), signal);
}

/** Every district's ANB per budget unit (no student lines). */
export async function getStateAnb(params: AnbParams, signal?: AbortSignal): Promise<StateAnbSummary> {
  return await getJson<StateAnbSummary>(withQuery('/api/v1/anb', query(params)), signal);
}

/** The per-student explanation lines of a district as CSV, for the same source, year and PIR days. */
export function anbCsvUrl(district: string, params: AnbParams): string {
  return withQuery(`${districtPath(district)}/anb/students.csv`, query(params));
}
