/** A school year named by its end year: 2026 means 2025-26 (montana-aim.md §1, school years by end year). */
export type SchoolYear = number;

/** "2025-26" for 2026. */
export function schoolYearLabel(endYear: SchoolYear): string {
  return `${endYear - 1}-${String(endYear % 100).padStart(2, '0')}`;
}

/** July 1 of the start year: Montana's fiscal and school year begins on July 1 (montana-aim.md §5.1). */
export function schoolYearStart(endYear: SchoolYear): string {
  return `${endYear - 1}-07-01`;
}

/** June 30 of the end year (montana-aim.md §5.1, "End of year June 30"). */
export function schoolYearEnd(endYear: SchoolYear): string {
  return `${endYear}-06-30`;
}

/** True for a plausible school year end (1990–2100). */
export function isSchoolYear(value: number): value is SchoolYear {
  return Number.isInteger(value) && value >= 1990 && value <= 2100;
}
