import type { ReportSource } from '@bitterroot/contracts';

/** Which ANB figures a page shows: the source (live preview or certified snapshots), PIR days and year. */
export interface AnbParams {
  source: ReportSource;
  /** Approved pupil-instruction-related days asked for; the server caps them at 7 (MCA 20-9-311(2)). */
  pirDays: number;
  /** School year by its end year; null means the server's current year. */
  year: number | null;
}

/** The defaults: a live preview of this year without PIR days (what the API does with no parameters). */
export const DEFAULT_ANB_PARAMS: AnbParams = { source: 'live', pirDays: 0, year: null };

/** PIR days offered by the page: 0 to the statutory maximum of 7 (montana-facts.md §3.1). */
export const PIR_DAY_CHOICES: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7];

/** Reads the ANB parameters from a page URL (`?source=certified&pirDays=7&year=2026`); bad values fall back. */
export function parseAnbParams(params: URLSearchParams): AnbParams {
  const pir = Number(params.get('pirDays') ?? '0');
  const year = Number(params.get('year') ?? '');
  return {
    source: params.get('source') === 'certified' ? 'certified' : 'live',
    pirDays: PIR_DAY_CHOICES.includes(pir) ? pir : 0,
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : null,
  };
}

/** The URL search string of a district or state page for the given parameters (defaults left out). */
export function anbSearch(params: AnbParams): string {
  const search = new URLSearchParams();
  if (params.source !== 'live') search.set('source', params.source);
  if (params.pirDays !== 0) search.set('pirDays', String(params.pirDays));
  if (params.year !== null) search.set('year', String(params.year));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A cache key for a report request. */
export function anbKey(scope: string, params: AnbParams): string {
  return `${scope}:${params.source}:${params.pirDays}:${params.year ?? ''}`;
}
