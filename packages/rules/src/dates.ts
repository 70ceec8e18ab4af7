/** Date helpers the rules share (ISO `YYYY-MM-DD` strings, compared as text). Pure. */

/** Whole years between a birth date and a date (the age on that date). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** September 10 of a school year's first calendar year: the age cut-off date (montana-aim.md §2.3.7, §8.1). */
export function ageCutoff(schoolYear: number): string {
  return `${schoolYear - 1}-09-10`;
}

/** True when two inclusive date spans share a day; a missing end means "still open". */
export function spansOverlap(
  a: { start: string; end: string | null },
  b: { start: string; end: string | null },
): boolean {
  return a.start <= (b.end ?? '9999-12-31') && b.start <= (a.end ?? '9999-12-31');
}
