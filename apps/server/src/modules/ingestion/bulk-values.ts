/**
 * File cells typed in Node for the conversion load, exactly as the SQL helpers type staged text
 * (`br_to_date`, `stagedFlag`, `lpad(…, 9, '0')`), so rows can be COPYed already typed instead of
 * being joined from all-text staging. Cells arrive trimmed, with empty cells as null.
 */

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function validDate(y: number, m: number, d: number): boolean {
  // The same bounds as br_to_date (migration 0002): years 1900–2100, no 31 April, leap days checked.
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A date as districts send it (ISO or MM/DD/YYYY, montana-aim.md §4.1) → `YYYY-MM-DD`, null when not a real date. */
export function isoDate(cell: string | null): string | null {
  if (cell === null) return null;
  // Fast paths for the two zero-padded forms nearly every file uses; the regexes cover the rest.
  if (cell.length === 10) {
    if (cell.charCodeAt(4) === 45 && cell.charCodeAt(7) === 45) {
      const y = digitsAt(cell, 0, 4),
        m = digitsAt(cell, 5, 7),
        d = digitsAt(cell, 8, 10);
      if (y >= 0 && m >= 0 && d >= 0) return validDate(y, m, d) ? cell : null;
    } else if (cell.charCodeAt(2) === 47 && cell.charCodeAt(5) === 47) {
      const m = digitsAt(cell, 0, 2),
        d = digitsAt(cell, 3, 5),
        y = digitsAt(cell, 6, 10);
      if (y >= 0 && m >= 0 && d >= 0)
        return validDate(y, m, d) ? `${cell.slice(6, 10)}-${cell.slice(0, 2)}-${cell.slice(3, 5)}` : null;
    }
  }
  const iso = ISO_DATE.exec(cell);
  const us = iso ? null : US_DATE.exec(cell);
  const parts = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : null;
  if (!parts) return null;
  const [y, m, d] = parts.map(Number) as [number, number, number];
  return validDate(y, m, d) ? `${y}-${pad2(m)}-${pad2(d)}` : null;
}

const YES = new Set(['Y', 'YES', '1', 'TRUE', 'X']);
const NO = new Set(['N', 'NO', '0', 'FALSE']);

/** A yes/no flag (Y/YES/1/TRUE/X or N/NO/0/FALSE, any case) → boolean; null otherwise. */
export function flag(cell: string | null): boolean | null {
  if (cell === null) return null;
  const u = cell.toUpperCase();
  return YES.has(u) ? true : NO.has(u) ? false : null;
}

/** PostgreSQL's `lpad(id, 9, '0')`: shorter IDs get leading zeros, longer ones are cut to 9 characters. */
export function lpad9(cell: string): string {
  return cell.length >= 9 ? cell.slice(0, 9) : cell.padStart(9, '0');
}

/** The value of the first `max` characters of `cell` as a number when they are all digits, else null. */
function digitsValue(cell: string, max: number): number | null {
  const end = Math.min(cell.length, max);
  let n = 0;
  for (let i = 0; i < end; i++) {
    const d = cell.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  return n;
}

// State IDs are looked up by their numeric value: nine digits always fit a small integer, which hashes
// far faster than a string and needs no padded copy per row.

/** A well-formed state ID (1–9 digits, leading zeros restored by `lpad`) as its numeric value; else null. */
export function stateIdNumber(cell: string | null): number | null {
  return cell === null || cell.length === 0 || cell.length > 9 ? null : digitsValue(cell, 9);
}

/** The state ID `lpad(cell, 9, '0')` names (no format check, as the history join had), when it is digits. */
export function paddedIdNumber(cell: string | null): number | null {
  return cell === null || cell.length === 0 ? null : digitsValue(cell, 9);
}

/** A state ID's numeric value as the 9-digit text stored in the database. */
export function stateIdText(n: number): string {
  return String(n).padStart(9, '0');
}
