// Audit-only group labels of a student for the fairness table (early-warning.md §4.4: race/ethnicity,
// American Indian, EL, IEP, FRL, gender, homeless). They are computed beside the features and never enter them.

/** What the audit reads about a student; unknown values stay null. */
export type AuditFacts = {
  hispanic: boolean | null;
  raceCodes: string | null;
  gender: string | null;
  frl: boolean | null;
  el: boolean | null;
  iep: boolean | null;
  homeless: boolean | null;
};

/** American Indian or Alaska Native in the profile's race code set (profiles/montana/code-sets/race.yaml). */
const AMERICAN_INDIAN = '2';

const yesNo = (v: boolean | null): string => (v === null ? 'unknown' : v ? 'yes' : 'no');

/**
 * Group label per audit attribute. Race/ethnicity follows the federal rule: Hispanic first, then two or more
 * races, then the single race's label from `raceLabels`.
 */
export function auditGroups(f: AuditFacts, raceLabels: ReadonlyMap<string, string>): Record<string, string> {
  const codes = (f.raceCodes ?? '').split(',').filter((c) => c !== '');
  const race = f.hispanic
    ? 'Hispanic or Latino'
    : codes.length > 1
      ? 'Two or more races'
      : codes.length === 1
        ? (raceLabels.get(codes[0]!) ?? codes[0]!)
        : 'unknown';
  return {
    raceEthnicity: race,
    americanIndian: codes.length === 0 ? 'unknown' : codes.includes(AMERICAN_INDIAN) ? 'yes' : 'no',
    gender: f.gender ?? 'unknown',
    frl: yesNo(f.frl),
    el: yesNo(f.el),
    iep: yesNo(f.iep),
    homeless: yesNo(f.homeless),
  };
}
