// Blocking keys: each person gets a handful of strings; candidate pairs are the pairs that share at least one
// (an equality join in SQL, e.g. a person_blocking_key(key, person_id) table with an index on key). Keys are
// built so that a true match that differs by one of the slips the scorer forgives still shares a key:
//   dob.first:YYYYMMDD:<first initial>       last name changed, compound or misspelt last name
//   dob.last:YYYYMMDD:<last-name soundex>    nicknames, first-name slips, middle name used as first name; one key
//                                            per birth date one slip away too (swapped digits, day/month swap)
//   year.names:YYYY:<soundex>:<soundex>      month/day slips and swapped first/last names (soundexes sorted)
//   monthday.names:MMDD:<soundex>:<soundex>  birth-year slips (2013 / 2012 / 2031), swapped names
//   names:<soundex>:<soundex>                name only, for records without a usable birth date — the widest
//                                            bucket: join on it only when one side lacks a birth date
// Not covered (the scorer would not match these either): nickname plus last-name change, two slips at once.
import type { IdentityInput } from './types.ts';
import { birthDateVariants } from './birth-date.ts';
import { birthDigits, normalizeName } from './normalize.ts';
import { soundex } from './similarity.ts';

function compact(name: string | null | undefined): string {
  if (name === null || name === undefined) return '';
  const n = normalizeName(name);
  return n.includes(' ') ? n.replaceAll(' ', '') : n;
}

/** Candidate-finding keys for a person (see the key list above); empty when the names are blank. */
export function blockingKeys(p: IdentityInput): string[] {
  const first = compact(p.firstName);
  const last = compact(p.lastName);
  const fs = soundex(first);
  const ls = soundex(last);
  const names = fs !== '' && ls !== '' ? (fs < ls ? `${fs}:${ls}` : `${ls}:${fs}`) : '';
  const keys: string[] = [];
  if (names !== '') keys.push(`names:${names}`);
  const d = birthDigits(p.birthDate);
  if (d === null) return keys;
  if (first !== '') keys.push(`dob.first:${d}:${first[0]}`);
  if (ls !== '') {
    keys.push(`dob.last:${d}:${ls}`);
    for (const v of birthDateVariants(d)) keys.push(`dob.last:${v}:${ls}`);
  }
  if (names !== '') {
    keys.push(`year.names:${d.slice(0, 4)}:${names}`);
    keys.push(`monthday.names:${d.slice(4)}:${names}`);
  }
  return keys;
}
