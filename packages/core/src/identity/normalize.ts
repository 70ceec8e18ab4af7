// Name and date normalisation shared by the scorer and the blocking keys. Hot path: both run hundreds of
// thousands of times per second, so plain ASCII names skip Unicode normalisation entirely.

const PLAIN = /^[A-Za-z]+$/;
const APOSTROPHES = /['’‘`´ʼ.]/g; // O'Brien → obrien, St. John → st john: removed without a gap
const MARKS = /\p{M}+/gu;
const NOT_NAME = /[^\p{L}\p{N}]+/gu; // hyphens, commas, slashes … separate words
// Letters that NFKD does not decompose into a base letter plus accents.
const SPECIAL: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŋ: 'n',
};
const EIGHT_DIGITS = /^\d{8}$/;
const SPECIAL_RE = /[øæœßđðłþıħŋ]/g;

/** Case-folds, strips accents (Peña → pena, Nguyễn → nguyen), drops punctuation and collapses spaces. */
export function normalizeName(name: string): string {
  if (PLAIN.test(name)) return name.toLowerCase();
  return name
    .replace(APOSTROPHES, '')
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .replace(NOT_NAME, ' ')
    .trim();
}

/** A name as a clerk reads it in a reason: trimmed, inner spaces collapsed, nothing else changed. */
export function displayName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** The 8 digits `YYYYMMDD` of an ISO birth date (even an impossible one such as 2013-02-71), else null. */
export function birthDigits(date: string | null | undefined): string | null {
  if (date === null || date === undefined) return null;
  const d = date.trim();
  const digits =
    d.length === 10 && d[4] === '-' && d[7] === '-' ? d.slice(0, 4) + d.slice(5, 7) + d.slice(8) : d;
  return EIGHT_DIGITS.test(digits) ? digits : null;
}

/** `YYYYMMDD` → `YYYY-MM-DD` for reason texts. */
export function isoOf(digits: string): string {
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when `YYYYMMDD` is a real calendar date (no Date allocation: this runs inside blocking). */
export function isValidDigits(d: string): boolean {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(4, 6));
  const day = Number(d.slice(6));
  if (m < 1 || m > 12 || day < 1) return false;
  if (m === 2 && day === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return day <= (DAYS[m - 1] ?? 0);
}
