/**
 * Outcome choices the spec leaves open, as data (decision 0049): which diploma codes are which kind, which end
 * statuses take a student out of an ACGR cohort and whether the district's end status counts as documentation.
 */
import type { CohortRemovalReason, DiplomaKind, EndStatusFamily } from '@bitterroot/core';
import type { Profile } from '@bitterroot/contracts';

/** Outcome settings; defaults in DEFAULT_OUTCOME_SETTINGS. */
export type OutcomeSettings = {
  /** diploma-type code → kind (profiles/montana/code-sets/diploma-type.yaml; montana-aim.md §3.7). */
  diplomaKinds: Readonly<Record<string, DiplomaKind>>;
  /** End status of a proficiency diploma when no diploma type is given (montana-aim.md §3.7: 410). */
  proficiencyEndStatus: string;
  /** End status → cohort removal; `documented: false` keeps the student as a non-graduate (edfacts.md §7). */
  cohortRemovals: Readonly<Record<string, { reason: CohortRemovalReason; documented: boolean }>>;
};

/** The defaults decision 0049 argues for. */
export const DEFAULT_OUTCOME_SETTINGS: OutcomeSettings = {
  diplomaKinds: { '01': 'regular', '02': 'state-minimum-credit', '03': 'proficiency', '04': 'iep-goals' },
  proficiencyEndStatus: '410',
  cohortRemovals: {
    // A move to another Montana public school needs no paper: the state sees the next enrollment, and then the
    // student is reported by that school. With no next enrollment on record the transfer is unconfirmed.
    '200': { reason: 'transferred-out', documented: false },
    '210': { reason: 'transferred-out', documented: true },
    '220': { reason: 'emigrated', documented: true },
    '230': { reason: 'transferred-out', documented: true },
    '240': { reason: 'transferred-out', documented: true },
    '500': { reason: 'deceased', documented: true },
  },
};

/** End-status code → family and graduate flag, from the profile's end-status code set (attributes). */
export type EndStatuses = ReadonlyMap<string, { family: EndStatusFamily; graduate: boolean }>;

/** Reads the end-status families of a profile. */
export function endStatusesOf(profile: Profile): EndStatuses {
  const set = profile.codeSets.find((c) => c.id === 'end-status');
  return new Map(
    (set?.codes ?? []).map((c) => [
      c.code,
      {
        family: (c.attributes?.['family'] as EndStatusFamily | undefined) ?? 'unknown',
        graduate: c.attributes?.['graduate'] === true,
      },
    ]),
  );
}

/** Race code → EDFacts RACEETHNIC value, from the profile's race code set (attributes.edfacts). */
export function raceMapOf(profile: Profile): ReadonlyMap<string, string> {
  const set = profile.codeSets.find((c) => c.id === 'race');
  return new Map(
    (set?.codes ?? []).flatMap((c) => {
      const e = c.attributes?.['edfacts'];
      return typeof e === 'string' ? [[c.code, e] as const] : [];
    }),
  );
}

/** A code set's codes mapped to their `edfacts` attribute (e.g. homeless-nighttime-residence → HOMELSPRMRES). */
export function edfactsCodesOf(profile: Profile, codeSetId: string): ReadonlyMap<string, string> {
  const set = profile.codeSets.find((c) => c.id === codeSetId);
  return new Map(
    (set?.codes ?? []).flatMap((c) => {
      const e = c.attributes?.['edfacts'];
      return typeof e === 'string' ? [[c.code, e] as const] : [];
    }),
  );
}
