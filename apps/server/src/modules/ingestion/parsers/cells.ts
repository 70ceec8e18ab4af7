/**
 * Cell clean-up and date reading shared by every format. Values stay strings: a district number `0001` or a
 * state ID `000123456` must reach the database exactly as typed.
 */

// Characters spreadsheets and web forms leave behind that look like nothing on screen. NUL is removed
// because PostgreSQL text cannot hold it (hence the control character in these patterns).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000\u200b\u2060\ufeff]/g;
const HARD_SPACES = /[\u00a0\u2007\u202f]/g;
/** Matches any character normalizeCell changes beyond plain trimming; callers use it to skip the slow path. */
// eslint-disable-next-line no-control-regex
export const NEEDS_CLEANUP = /[\u0000\u00a0\u2007\u202f\u200b\u200c\u2060\ufeff\ufffd]|\u200d/;
// Zero-width (non-)joiners are meaningful inside some scripts, so they go only at the edges. ZWJ sits
// outside the character classes so no tool reads it as joining its neighbours.
const EDGES = /^(?:[\u200c\s]|\u200d)+|(?:[\u200c\s]|\u200d)+$/g;

/** Trims, turns no-break spaces into spaces, drops zero-width characters and NULs; never touches digits. */
export function normalizeCell(value: string): string {
  let v = value;
  // Lone surrogates (possible in XLSX strings) become U+FFFD so the text encodes as valid UTF-8.
  if (NEEDS_CLEANUP.test(v) || !v.isWellFormed()) {
    v = v.replace(INVISIBLE, '').replace(HARD_SPACES, ' ').toWellFormed().replace(EDGES, '');
  }
  return v.trim();
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads MM/DD/YYYY (or M/D/YYYY) or YYYY-MM-DD as an ISO date; null unless the day exists on the calendar. */
export function parseDate(value: string): string | null {
  const v = value.trim();
  let y: number;
  let m: number;
  let d: number;
  const us = US_DATE.exec(v);
  if (us) {
    [m, d, y] = [Number(us[1]), Number(us[2]), Number(us[3])];
  } else {
    const iso = ISO_DATE.exec(v);
    if (!iso) return null;
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  }
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Gregorian rule: every 4th year, except centuries not divisible by 400 (1900 no, 2000 yes).
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
