/** One enrollment band: `min` inclusive, `max` inclusive, or null for the open top band. */
export interface EnrollmentBand {
  label: string;
  min: number;
  max: number | null;
}

/** Bands used by the state overview chart; Montana has many one-room schools, hence the fine low end. */
export const ENROLLMENT_BANDS: readonly EnrollmentBand[] = [
  { label: '<10', min: 0, max: 9 },
  { label: '10–24', min: 10, max: 24 },
  { label: '25–49', min: 25, max: 49 },
  { label: '50–99', min: 50, max: 99 },
  { label: '100–249', min: 100, max: 249 },
  { label: '250–499', min: 250, max: 499 },
  { label: '500–999', min: 500, max: 999 },
  { label: '1,000–2,499', min: 1000, max: 2499 },
  { label: '2,500–4,999', min: 2500, max: 4999 },
  { label: '5,000+', min: 5000, max: null },
];

/** Index into ENROLLMENT_BANDS for a count; negative counts are treated as zero. */
export function bandIndex(count: number): number {
  const index = ENROLLMENT_BANDS.findIndex((band) => band.max === null || count <= band.max);
  return index === -1 ? ENROLLMENT_BANDS.length - 1 : index;
}

/** A histogram over ENROLLMENT_BANDS plus how many values were missing (null). */
export interface BandCounts {
  counts: number[];
  missing: number;
}

/** Counts values per enrollment band; null values (no figure) are counted separately. */
export function countByBand(values: Iterable<number | null>): BandCounts {
  const counts = ENROLLMENT_BANDS.map(() => 0);
  let missing = 0;
  for (const value of values) {
    if (value === null) missing += 1;
    else counts[bandIndex(value)] = (counts[bandIndex(value)] ?? 0) + 1;
  }
  return { counts, missing };
}
