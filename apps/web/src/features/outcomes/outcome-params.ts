import type { OutcomeMeasure, ReportSource } from '@bitterroot/contracts';

/** Which outcome figures a page shows: the source, the cohort length (graduation) and the year. */
export interface OutcomeParams {
  source: ReportSource;
  /** Cohort length in years: 4 (the ACGR), 5 or 6 (extended rates; edfacts.md §7). */
  years: number;
  /** School year by its end year (for graduation the cohort's last year); null means the server's year. */
  year: number | null;
}

/** The defaults, as the API applies them with no parameters: live, 4-year cohort, this year. */
export const DEFAULT_OUTCOME_PARAMS: OutcomeParams = { source: 'live', years: 4, year: null };

/** Cohort lengths offered on the graduation page. */
export const COHORT_LENGTHS: readonly number[] = [4, 5, 6];

/** Page titles and the sentence under them, per measure (issue 8 §3–§5). */
export const MEASURES: Readonly<Record<OutcomeMeasure, { title: string; about: string }>> = {
  graduation: {
    title: 'Graduation cohort (ACGR)',
    about:
      'Adjusted cohort graduation rate: students who first entered grade 9 together, less documented transfers out, emigrants and deaths; graduates with a regular diploma in time over the adjusted cohort.',
  },
  dropouts: {
    title: 'Dropouts',
    about:
      'Dropout event rate in grades 7–12: students whose last enrollment of the year ended as a dropout and who did not re-enroll by September 30, over the membership on the fall count date.',
  },
  cte: {
    title: 'CTE concentrators',
    about:
      'Career and technical education: a concentrator has 2 or more credits in one pathway (1 + 1 in two pathways is not a concentrator).',
  },
  behavior: {
    title: 'Reportable behavior',
    about:
      'Out-of-school suspensions and expulsions of any student; in-school suspensions only of students with an IEP or in a 21st Century Community Learning Center program.',
  },
};

/** The measures in page order (the tabs). */
export const MEASURE_ORDER: readonly OutcomeMeasure[] = ['graduation', 'dropouts', 'cte', 'behavior'];

/** Whether a path segment names a measure. */
export function isMeasure(value: string | undefined): value is OutcomeMeasure {
  return value !== undefined && (MEASURE_ORDER as readonly string[]).includes(value);
}

/** Reads the parameters from a page URL (`?source=certified&years=5&year=2026`); bad values fall back. */
export function parseOutcomeParams(params: URLSearchParams): OutcomeParams {
  const years = Number(params.get('years') ?? '4');
  const year = Number(params.get('year') ?? '');
  return {
    source: params.get('source') === 'certified' ? 'certified' : 'live',
    years: COHORT_LENGTHS.includes(years) ? years : 4,
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : null,
  };
}

/** The query of a request or page URL: only values that differ from the defaults, so links stay short. */
export function outcomeQuery(params: OutcomeParams, measure: OutcomeMeasure): Record<string, string> {
  const out: Record<string, string> = {};
  if (params.source !== 'live') out.source = params.source;
  if (measure === 'graduation' && params.years !== 4) out.years = String(params.years);
  if (params.year !== null) out.year = String(params.year);
  return out;
}

/** The URL search string of an outcome page (`?source=certified`), empty for the defaults. */
export function outcomeSearch(params: OutcomeParams, measure: OutcomeMeasure): string {
  const text = new URLSearchParams(outcomeQuery(params, measure)).toString();
  return text ? `?${text}` : '';
}
