import type { OrgSchool, Organization } from '@bitterroot/core';
import type { Origins } from './context.ts';
import type { DestinationPicker } from './current-year.ts';
import { covers } from './history.ts';
import { cumulate, pickWeighted } from './prng.ts';
import type { ScaledDistrict } from './scale.ts';

/** Feeder and statewide draws over the whole organisation (history may name districts not generated). */
export function makeOrigins(org: Organization): Origins {
  const districts = org.districts.filter((d) => d.level !== 'state_agency');
  const all = cumulate(districts.map((d) => Math.max(1, d.ccdEnrollment)));
  const elementary = districts.filter((d) => d.level === 'elementary');
  const elemCum = cumulate(elementary.map((d) => Math.max(1, d.ccdEnrollment)));
  const feeders = new Map<string, { numbers: string[]; cum: number[] }>();
  for (const hs of districts.filter((d) => d.level === 'high_school')) {
    const list = elementary.filter((e) => e.highSchoolDistrictNumber === hs.districtNumber);
    feeders.set(hs.districtNumber, {
      numbers: list.map((e) => e.districtNumber),
      cum: cumulate(list.map((e) => Math.max(1, e.ccdEnrollment))),
    });
  }
  const local = new Map<string, number>();
  return {
    feederDistrict(rng, districtNumber) {
      const f = feeders.get(districtNumber);
      if (f && f.numbers.length > 0 && rng.chance(0.9)) return f.numbers[pickWeighted(rng, f.cum)]!;
      return elementary[pickWeighted(rng, elemCum)]!.districtNumber;
    },
    randomDistrict: (rng) => districts[pickWeighted(rng, all)]!.districtNumber,
    nextLocalId(districtNumber) {
      const n = (local.get(districtNumber) ?? 0) + 1;
      local.set(districtNumber, n);
      // Local IDs are the district's own numbers: numeric, up to 15 characters (montana-aim.md §1.3).
      return String(100000 + n);
    },
  };
}

/** Receiving schools for in-state moves: another generated district (weighted by size) teaching the grade. */
export function makeDestinationPicker(
  scaled: ScaledDistrict[],
  schoolsByDistrict: Map<string, OrgSchool[]>,
): DestinationPicker {
  const cum = cumulate(scaled.map((s) => s.students));
  return (rng, from, grade) => {
    for (let tries = 0; tries < 12; tries++) {
      const d = scaled[pickWeighted(rng, cum)]!.district.districtNumber;
      if (d === from) continue;
      const schools = (schoolsByDistrict.get(d) ?? []).filter((s) => covers(s, grade));
      if (schools.length > 0) return rng.pick(schools);
    }
    return null;
  };
}
