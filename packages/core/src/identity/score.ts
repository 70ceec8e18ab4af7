// The statewide identity scorer: pure, one candidate pair at a time. Candidate pairs come from set-based SQL over
// blocking keys (blocking.ts); this decides match / review / new and says why. Rules in the order applied:
//  1. Same state ID → match, unless the demographics say "different person" (then review).   [brief; inferred test]
//  2. Same normalised legal last + first name, birth date and gender → match (deterministic).  [brief]
//  3. Otherwise a fuzzy score: the sum of the reasons' weights (weights.ts), clamped to 0..1 and rounded to
//     3 decimals so threshold comparisons are exact; ≥ matchThreshold → match, ≥ reviewThreshold → review.
//  4. Two different state IDs never merge automatically: a match becomes review.                [inferred]
// montana-aim.md §9.2: Student Locator needs last + first name + gender (+ birth date) and matches first-name
// synonyms; thresholds and OPI's merge workflow are a GAP (docs/decisions/0021-identity-matching.md).
import type { IdentityInput, MatchReason, MatchScore, MatchSettings } from './types.ts';
import { compareBirthDates } from './birth-date.ts';
import { compareFirstNames } from './first-name.ts';
import { both, compareLastNames, compareMiddleNames, prepareName, reason } from './names.ts';
import { displayName } from './normalize.ts';
import { WEIGHTS } from './weights.ts';

function trimmed(value: string | null | undefined): string {
  return value === null || value === undefined ? '' : value.trim();
}

function compareGender(a: string, b: string): MatchReason {
  // Only "same / differs / missing": the values themselves are not named in a reason (no PII beyond names and
  // birth dates).
  if (a === '' || b === '') return reason('GENDER_MISSING', 'gender missing on one record');
  if (a.toUpperCase() === b.toUpperCase()) return reason('GENDER_SAME', 'gender is the same');
  return reason('GENDER_DIFFERENT', 'gender differs between the records');
}

/** All demographic reasons for a pair (names, birth date, gender, middle name). */
function demographicReasons(inc: IdentityInput, ex: IdentityInput, settings: MatchSettings): MatchReason[] {
  const inF = prepareName(inc.firstName);
  const inL = prepareName(inc.lastName);
  const inM = prepareName(inc.middleName);
  const exF = prepareName(ex.firstName);
  const exL = prepareName(ex.lastName);
  const exM = prepareName(ex.middleName);
  const last = compareLastNames(inL, exL);
  const first = compareFirstNames(inF, inM, exF, exM, settings.nicknames);
  const reasons: MatchReason[] = [last, first.reason];
  // Swapped first/last names: only when both agree crosswise and that explains more than the direct comparison.
  const crosswise =
    inF.compact !== '' && inL.compact !== '' && inF.compact === exL.compact && inL.compact === exF.compact;
  if (crosswise && last.weight + first.reason.weight < WEIGHTS.NAMES_SWAPPED) {
    const a = { raw: `${displayName(inc.firstName)} ${displayName(inc.lastName)}`, norm: '', compact: '' };
    const b = { raw: `${displayName(ex.firstName)} ${displayName(ex.lastName)}`, norm: '', compact: '' };
    reasons.splice(0, 2, reason('NAMES_SWAPPED', `first and last names are swapped (${both(a, b)})`));
  }
  reasons.push(compareBirthDates(inc.birthDate, ex.birthDate));
  reasons.push(compareGender(trimmed(inc.gender), trimmed(ex.gender)));
  const middle = first.usedMiddle ? null : compareMiddleNames(inM, exM);
  if (middle !== null) reasons.push(middle);
  return reasons;
}

function sumOf(reasons: MatchReason[]): number {
  let sum = 0;
  for (const r of reasons) sum += r.weight;
  return Math.min(1, Math.max(0, Math.round(sum * 1000) / 1000));
}

function decide(score: number, settings: MatchSettings): MatchScore['decision'] {
  if (score >= settings.matchThreshold) return 'match';
  return score >= settings.reviewThreshold ? 'review' : 'new';
}

function has(reasons: MatchReason[], code: string): boolean {
  return reasons.some((r) => r.code === code);
}

// Rule 2 reads off the reasons: each *_SAME code is given exactly when the normalised values are equal.
function isExact(demo: MatchReason[]): boolean {
  return ['LAST_SAME', 'FIRST_SAME', 'BIRTH_SAME', 'GENDER_SAME'].every((code) => has(demo, code));
}

/**
 * Same state ID: a match, unless the demographics point to another child — a different first name (the
 * typical twin or sibling ID mix-up), or a different last name together with a different birth date. A last
 * name alone (adoption, hyphenation) or a birth date alone (a correction) may change under one ID.
 */
function byStateId(demo: MatchReason[]): MatchScore {
  const notes = demo.filter((r) => r.code.endsWith('_DIFFERENT')).map((r) => ({ ...r, weight: 0 }));
  const conflict =
    has(demo, 'FIRST_DIFFERENT') || (has(demo, 'LAST_DIFFERENT') && has(demo, 'BIRTH_DIFFERENT'));
  if (!conflict) {
    const same = { code: 'STATE_ID_SAME', text: 'both records carry the same state ID', weight: 1 };
    return { score: 1, decision: 'match', method: 'state-id', reasons: [same, ...notes] };
  }
  const text = 'same state ID, different person? The names or birth dates disagree';
  return {
    score: sumOf(demo),
    decision: 'review',
    method: 'state-id',
    reasons: [{ code: 'STATE_ID_CONFLICT', text, weight: 0 }, ...demo],
  };
}

/** Scores an incoming identity against an existing one; see the rules at the top of this file. */
export function scoreIdentity(
  incoming: IdentityInput,
  existing: IdentityInput,
  settings: MatchSettings,
): MatchScore {
  const inId = trimmed(incoming.stateId);
  const exId = trimmed(existing.stateId);
  const demo = demographicReasons(incoming, existing, settings);
  if (inId !== '' && inId === exId) return byStateId(demo);
  const score = sumOf(demo);
  // Exact: the rule decides, not the threshold (a conflicting middle name lowers the score, not the decision).
  const result: MatchScore = isExact(demo)
    ? { score, decision: 'match', method: 'exact', reasons: demo }
    : { score, decision: decide(score, settings), method: 'fuzzy', reasons: demo };
  if (inId !== '' && exId !== '' && result.decision === 'match') {
    result.decision = 'review';
    const text = 'the records carry different state IDs; merging two state IDs needs staff review';
    result.reasons.unshift({ code: 'STATE_ID_DIFFERENT', text, weight: 0 });
  }
  return result;
}
