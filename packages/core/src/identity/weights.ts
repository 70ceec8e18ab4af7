// Contribution of each piece of evidence to the 0..1 score (docs/decisions/0021-identity-matching.md). Full
// agreement on last name, first name, birth date and gender adds up to 1.00; a middle name may add 0.05 more
// (clamped). The values are inferred — no Montana thresholds are published (montana-aim.md §9.2, §11 item 7) —
// and chosen so that the cases below land on the intended side of the default thresholds (match 0.92, review
// 0.75). The tests pin each case.
//   twins (same last name, birth date, gender; different first names): 0.30 + 0.35 + 0.05 − 0.10 = 0.60 → new
//   nickname, everything else equal:                                     0.27 + 0.30 + 0.35 + 0.05 = 0.97 → match
//   transposed birth-date digits, names and gender equal:               0.30 + 0.30 + 0.25 + 0.05 = 0.90 → review
//   same names and gender, unrelated birth dates:                       0.30 + 0.30 − 0.20 + 0.05 = 0.45 → new
//   same first name, birth date, gender; last name changed:             0 + 0.30 + 0.35 + 0.05      = 0.70 → new
//     … and the same middle name too:                                   0.70 + 0.05                = 0.75 → review

/** Signed contribution of each reason code to the score. */
export const WEIGHTS = {
  LAST_SAME: 0.3,
  LAST_SPACING: 0.28, // De La Cruz / Delacruz
  LAST_COMPOUND: 0.25, // Garcia-Lopez / Garcia
  LAST_SPELLING: 0.24, // one keying slip; siblings share last names exactly, so a slip here is not a twin signal
  LAST_SIMILAR: 0.12,
  LAST_DIFFERENT: 0, // not negative: students' last names change (adoption, custody, hyphenation)
  FIRST_SAME: 0.3,
  FIRST_SPACING: 0.28, // Mary Ann / Maryann
  NICKNAME: 0.27,
  FIRST_MIDDLE_SWAPPED: 0.27,
  FIRST_COMPOUND: 0.21, // Mary Ann / Mary
  MIDDLE_AS_FIRST: 0.21, // review, not match: a twin may carry the other twin's first name as middle name
  FIRST_SPELLING: 0.18, // review at most: Aiden / Aidan could be twins
  FIRST_INITIAL: 0.12,
  FIRST_DIFFERENT: -0.1, // the twin rule: a different first name must pull a same-family pair below review
  NAME_MISSING: 0,
  NAMES_SWAPPED: 0.54, // both names agree, crosswise: 0.9 of full credit each
  BIRTH_SAME: 0.35,
  BIRTH_DAY_MONTH_SWAPPED: 0.25,
  BIRTH_TRANSPOSED: 0.25,
  BIRTH_ONE_DIGIT: 0.18,
  BIRTH_MISSING: 0,
  BIRTH_DIFFERENT: -0.2, // two children with the same name are usually told apart by birth date alone
  GENDER_SAME: 0.05,
  GENDER_MISSING: 0,
  GENDER_DIFFERENT: -0.05, // small: gender is corrected or changed more often than a birth date
  MIDDLE_SAME: 0.05,
  MIDDLE_INITIAL: 0.02,
  MIDDLE_SPELLING: 0.02,
  MIDDLE_DIFFERENT: -0.05,
} as const;

/** A reason code with a fixed weight. */
export type WeightedCode = keyof typeof WEIGHTS;
