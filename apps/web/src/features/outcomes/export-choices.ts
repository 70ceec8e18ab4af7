import type { EdfactsFile, StateExport } from '@bitterroot/contracts';

/** What each EDFacts file holds (edfacts.md §2–§10), shown next to the choice. */
export const EDFACTS_FILES: Readonly<Record<EdfactsFile, string>> = {
  FS052: 'FS052 Membership (fall count date)',
  FS032: 'FS032 Dropouts (grades 7–12)',
  FS150: 'FS150 Four-year adjusted cohort graduation rate',
  FS151: 'FS151 Four-year graduation cohort',
  FS195: 'FS195 Chronic absenteeism',
  FS006: 'FS006 Suspensions and expulsions of children with disabilities (IDEA)',
  FS033: 'FS033 Free and reduced-price lunch (with direct certification)',
  FS141: 'FS141 English learners enrolled',
  FS118: 'FS118 Homeless students enrolled (whole year)',
  FS002: 'FS002 Children with disabilities (IDEA), school age',
};

/** What each state downstream file holds (decision 0051). */
export const STATE_FILES: Readonly<Record<StateExport, string>> = {
  'maefairs-anb': 'MAEFAIRS Student Count for ANB, with American Indian counts',
  nutrition: 'Nutrition (CNP): FRAM eligibility extract',
  'sped-child-count': 'Special education extract (status and exit)',
  'missing-child-photos': 'Missing-child photo opt-in list for the Department of Justice (live only)',
};

/** EDFacts levels in words. */
export const LEVEL_LABELS: Readonly<Record<'sea' | 'lea' | 'sch', string>> = {
  sea: 'State (SEA)',
  lea: 'District (LEA)',
  sch: 'School',
};

/** File formats in words (EDFacts accepts comma-separated, tab-delimited and fixed-width files). */
export const FORMAT_LABELS: Readonly<Record<'csv' | 'tab' | 'txt', string>> = {
  csv: 'Comma-separated (.csv)',
  tab: 'Tab-delimited (.tab)',
  txt: 'Fixed width (.txt)',
};
