// String measures for names. Allocation-free where possible: the scorer must do ≥ 200,000 pairs per second.

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro–Winkler similarity 0..1 (prefix scale 0.1, up to 4 characters), the usual measure for names. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > flagsA.length || lb > flagsB.length) {
    flagsA = new Uint8Array(Math.max(la, lb) * 2);
    flagsB = new Uint8Array(Math.max(la, lb) * 2);
  }
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && a.charCodeAt(i) === b.charCodeAt(j)) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * True when `a` becomes `b` by at most one keying slip: one letter changed, added or dropped, or two
 * neighbouring letters swapped (optimal string alignment distance ≤ 1).
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return true;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// Soundex digit per letter a..z; '0' = vowel-like (resets runs), '' = h/w (does not reset runs).
const CODES = [
  '0',
  '1',
  '2',
  '3',
  '0',
  '1',
  '2',
  '',
  '0',
  '2',
  '2',
  '4',
  '5',
  '5',
  '0',
  '1',
  '2',
  '6',
  '2',
  '3',
  '0',
  '1',
  '',
  '2',
  '0',
  '2',
];

/**
 * American Soundex of a normalised name (letters a–z; other characters are skipped), e.g. smith, smyth →
 * S530. Names in other scripts give their first character plus `000`, so they still block together.
 */
export function soundex(name: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < name.length && out.length < 4; i++) {
    const c = name.charCodeAt(i) - 97;
    if (c < 0 || c > 25) {
      if (out === '' && name.charCodeAt(i) > 127) return `${name[i]}000`;
      continue;
    }
    const code = CODES[c] ?? '0';
    if (out === '') {
      out = name[i]!.toUpperCase();
      last = code;
      continue;
    }
    if (code === '') continue;
    if (code !== '0' && code !== last) out += code;
    last = code;
  }
  return out === '' ? '' : out.padEnd(4, '0');
}
