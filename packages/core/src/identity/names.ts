// Name comparisons: each returns one reason whose weight is its contribution to the score (weights.ts).
import type { MatchReason } from './types.ts';
import { displayName, normalizeName } from './normalize.ts';
import { jaroWinkler, withinOneEdit } from './similarity.ts';
import { WEIGHTS } from './weights.ts';
import type { WeightedCode } from './weights.ts';

/** A name with its normalised forms, computed once per comparison. */
export type Name = { raw: string; norm: string; compact: string };

/** Normalises a name once for all comparisons of a pair. */
export function prepareName(raw: string | null | undefined): Name {
  const r = raw ?? '';
  const norm = normalizeName(r);
  return { raw: r, norm, compact: norm.includes(' ') ? norm.replaceAll(' ', '') : norm };
}

/** A reason with the weight its code carries. */
export function reason(code: WeightedCode, text: string): MatchReason {
  return { code, text, weight: WEIGHTS[code] };
}

/** Both names as written, for a reason text: `Peña and Pena`. */
export function both(a: Name, b: Name): string {
  return `${displayName(a.raw)} and ${displayName(b.raw)}`;
}

/** Text for two names equal after normalisation; says so when they were written differently. */
export function sameText(field: string, a: Name, b: Name): string {
  const da = displayName(a.raw);
  const db = displayName(b.raw);
  return da === db
    ? `${field} names are both ${da}`
    : `${field} names ${da} and ${db} are the same apart from accents, capitals or punctuation`;
}

// Particles that alone never make a compound-name match ("de" is part of "de la cruz" but identifies no one).
const PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'da',
  'das',
  'do',
  'dos',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'le',
  'y',
  'e',
  'st',
  'al',
  'el',
  'bin',
  'ibn',
]);

/** True when every significant word of the shorter name is a word of the longer one (Garcia ⊂ Garcia Lopez). */
export function isPartOf(a: Name, b: Name): boolean {
  if (!a.norm.includes(' ') && !b.norm.includes(' ')) return false;
  const [short, long] = a.norm.length <= b.norm.length ? [a.norm, b.norm] : [b.norm, a.norm];
  const longWords = new Set(long.split(' '));
  const words = short.split(' ').filter((w) => w.length > 1 && !PARTICLES.has(w));
  return words.length > 0 && words.every((w) => longWords.has(w));
}

/**
 * True when two (compact) given names differ by one keying slip after the same first letter: rhyming twin names
 * (Mason / Jason, Jayden / Hayden) differ exactly there, so a first-letter change is never called a slip.
 */
export function isSlip(a: string, b: string): boolean {
  return Math.min(a.length, b.length) >= 3 && a[0] === b[0] && withinOneEdit(a, b);
}

/** Compares last names: accents, spacing, compound names, spelling slips. */
export function compareLastNames(a: Name, b: Name): MatchReason {
  if (a.compact === '' || b.compact === '') return reason('NAME_MISSING', 'last name missing on one record');
  if (a.norm === b.norm) return reason('LAST_SAME', sameText('last', a, b));
  if (a.compact === b.compact)
    return reason('LAST_SPACING', `last names ${both(a, b)} differ only in spacing`);
  if (isPartOf(a, b)) {
    const [short, long] = a.norm.length <= b.norm.length ? [a, b] : [b, a];
    return reason('LAST_COMPOUND', `last name ${displayName(short.raw)} is part of ${displayName(long.raw)}`);
  }
  // Siblings share last names exactly, so any one slip counts here; Jaro–Winkler ≥ 0.92 also admits two-edit
  // spellings of long names (Thompson / Thomsen).
  const jw = jaroWinkler(a.compact, b.compact);
  if (
    (Math.min(a.compact.length, b.compact.length) >= 3 && withinOneEdit(a.compact, b.compact)) ||
    jw >= 0.92
  ) {
    return reason('LAST_SPELLING', `last names ${both(a, b)} are spelled almost alike`);
  }
  if (jw >= 0.85) {
    return reason('LAST_SIMILAR', `last names ${both(a, b)} are somewhat alike`);
  }
  return reason('LAST_DIFFERENT', `last names ${both(a, b)} differ`);
}

/** Compares middle names when both records have one; null when either is blank (no evidence either way). */
export function compareMiddleNames(a: Name, b: Name): MatchReason | null {
  if (a.compact === '' || b.compact === '') return null;
  if (a.compact === b.compact) return reason('MIDDLE_SAME', sameText('middle', a, b));
  if ((a.compact.length === 1 || b.compact.length === 1) && a.compact[0] === b.compact[0]) {
    return reason('MIDDLE_INITIAL', `middle names ${both(a, b)} agree on the initial`);
  }
  if (isSlip(a.compact, b.compact)) {
    return reason('MIDDLE_SPELLING', `middle names ${both(a, b)} differ by one letter`);
  }
  return reason('MIDDLE_DIFFERENT', `middle names ${both(a, b)} differ`);
}
