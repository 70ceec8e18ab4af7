/** An ISO calendar date `YYYY-MM-DD`, never a JS Date: dates carry no time zone (STACK.md §3.1). */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date in ISO form. */
export function isIsoDate(value: string): value is IsoDate {
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Adds whole days to an ISO date (UTC arithmetic, so no daylight-saving drift). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The first given weekday (0 = Sunday) of a month, as an ISO date. */
export function firstWeekdayOfMonth(year: number, month: number, weekday: number): IsoDate {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  return addDays(first, (weekday - dayOfWeek(first) + 7) % 7);
}

/** Converts `MM/DD/YYYY` (the Montana file format, montana-aim.md §4.1) to ISO, or null when invalid. */
export function usDateToIso(value: string): IsoDate | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Converts ISO to `MM/DD/YYYY`. */
export function isoToUsDate(value: IsoDate): string {
  return `${value.slice(5, 7)}/${value.slice(8, 10)}/${value.slice(0, 4)}`;
}

/** The nth (1-based) given weekday of a month, or null when the month has fewer (e.g. a 5th Monday). */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): IsoDate | null {
  const date = addDays(firstWeekdayOfMonth(year, month, weekday), (n - 1) * 7);
  return Number(date.slice(5, 7)) === month ? date : null;
}
