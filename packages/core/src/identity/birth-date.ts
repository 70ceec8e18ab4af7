// Birth-date comparison. Dates are compared as the 8 digits YYYYMMDD so that keying slips that yield an
// impossible date (2013-02-71) are still recognised as slips.
import type { MatchReason } from './types.ts';
import { birthDigits, isoOf, isValidDigits } from './normalize.ts';
import { WEIGHTS } from './weights.ts';

type Slip = 'same' | 'day-month' | 'transposed' | 'one-digit' | 'different';

/** How two `YYYYMMDD` strings differ, as a keying slip. */
function slipOf(a: string, b: string): Slip {
  if (a === b) return 'same';
  if (a.slice(0, 4) === b.slice(0, 4) && a.slice(4, 6) === b.slice(6) && a.slice(6) === b.slice(4, 6)) {
    return 'day-month';
  }
  let first = -1;
  let count = 0;
  for (let i = 0; i < 8; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      if (count === 0) first = i;
      count++;
    }
  }
  if (count === 1) return 'one-digit';
  if (count === 2 && a[first] === b[first + 1] && a[first + 1] === b[first]) return 'transposed';
  return 'different';
}

function invalidNote(a: string, b: string): string {
  const bad = [a, b].filter((d) => !isValidDigits(d)).map(isoOf);
  return bad.length === 0
    ? ''
    : ` (${bad.join(' and ')} ${bad.length === 1 ? 'is not a real date' : 'are not real dates'})`;
}

/** Compares two birth dates and explains the difference in the words a data clerk uses. */
export function compareBirthDates(incoming: string | null, existing: string | null): MatchReason {
  const a = birthDigits(incoming);
  const b = birthDigits(existing);
  if (a === null || b === null) {
    const which = a === null && b === null ? 'both records' : 'one record';
    return {
      code: 'BIRTH_MISSING',
      text: `birth date missing or unreadable on ${which}`,
      weight: WEIGHTS.BIRTH_MISSING,
    };
  }
  const pair = `${isoOf(a)} and ${isoOf(b)}`;
  switch (slipOf(a, b)) {
    case 'same':
      return { code: 'BIRTH_SAME', text: `birth dates are both ${isoOf(a)}`, weight: WEIGHTS.BIRTH_SAME };
    case 'day-month':
      return {
        code: 'BIRTH_DAY_MONTH_SWAPPED',
        text: `birth dates ${pair} have day and month swapped${invalidNote(a, b)}`,
        weight: WEIGHTS.BIRTH_DAY_MONTH_SWAPPED,
      };
    case 'transposed':
      return {
        code: 'BIRTH_TRANSPOSED',
        text: `birth dates ${pair} differ by two swapped digits${invalidNote(a, b)}`,
        weight: WEIGHTS.BIRTH_TRANSPOSED,
      };
    case 'one-digit':
      return {
        code: 'BIRTH_ONE_DIGIT',
        text: `birth dates ${pair} differ in one digit${invalidNote(a, b)}`,
        weight: WEIGHTS.BIRTH_ONE_DIGIT,
      };
    case 'different':
      return { code: 'BIRTH_DIFFERENT', text: `birth dates ${pair} differ`, weight: WEIGHTS.BIRTH_DIFFERENT };
  }
}

// Years outside 1900–2099 cannot be a student's (or staff member's) birth year; skipping them saves keys.
function plausible(d: string): boolean {
  return (d.startsWith('19') || d.startsWith('20')) && isValidDigits(d);
}

/**
 * Real dates one keying slip away from `d` (neighbouring digits swapped, or day and month swapped). Only real
 * dates: when a true pair differs by one slip, the side with the slip lists the real date among its variants
 * (and when both dates are real, each lists the other), so the two share a key.
 */
export function birthDateVariants(d: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < 7; i++) {
    if (d[i] === d[i + 1]) continue;
    const v = d.slice(0, i) + d[i + 1] + d[i] + d.slice(i + 2);
    if (plausible(v)) out.push(v);
  }
  const swapped = d.slice(0, 4) + d.slice(6) + d.slice(4, 6);
  if (swapped !== d && plausible(swapped) && !out.includes(swapped)) out.push(swapped);
  return out;
}
