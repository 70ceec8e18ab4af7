import { townOf } from '@bitterroot/core';
import type { ScaledDistrict } from './scale.ts';

/** Per-district population shares that drive student attributes. */
export interface DistrictProfile {
  americanIndian: number;
  reservation: boolean;
  colony: boolean;
}

// Reservation towns and their approximate American Indian share of students. montana-facts.md §2 asks
// for EL status correlated with American Indian status and reservation districts; the shares are ours.
const RESERVATION: Record<string, number> = {
  Browning: 0.92,
  'Heart Butte': 0.97,
  'Lame Deer': 0.95,
  'Hays-Lodge Pole': 0.97,
  'Lodge Grass': 0.93,
  Pryor: 0.95,
  'Plenty Coups': 0.9,
  'Rocky Boy': 0.98,
  'Box Elder': 0.85,
  Frazer: 0.9,
  Brockton: 0.9,
  Poplar: 0.88,
  Dodson: 0.6,
  Ashland: 0.8,
  Busby: 0.95,
  Hardin: 0.6,
  Harlem: 0.6,
  'Wolf Point': 0.6,
  Ronan: 0.45,
  'St Ignatius': 0.5,
  Arlee: 0.5,
  Polson: 0.3,
  'Cut Bank': 0.3,
  Havre: 0.22,
};

/** Target statewide shares, montana-facts.md §2. */
export const RATES = {
  americanIndian: 0.11,
  hispanic: 0.05,
  twoOrMore: 0.04,
  black: 0.01,
  asian: 0.01,
  pacific: 0.003,
  frl: 0.41,
  el: 0.02,
  iep: 0.14,
  homeless: 0.032,
} as const;

/** District profiles, with the non-reservation American Indian share calibrated so the total is ~11%. */
export function districtProfiles(scaled: ScaledDistrict[]): Map<string, DistrictProfile> {
  const total = scaled.reduce((s, d) => s + d.students, 0);
  let reservationAi = 0;
  let other = 0;
  for (const d of scaled) {
    const share = RESERVATION[townOf(d.district.name)];
    if (share === undefined) other += d.students;
    else reservationAi += share * d.students;
  }
  const base = Math.min(
    0.5,
    Math.max(0.01, (RATES.americanIndian * total - reservationAi) / Math.max(other, 1)),
  );
  const out = new Map<string, DistrictProfile>();
  for (const d of scaled) {
    const share = RESERVATION[townOf(d.district.name)];
    out.set(d.district.districtNumber, {
      americanIndian: share ?? base,
      reservation: share !== undefined && share >= 0.5,
      colony: /Colony/.test(d.district.name),
    });
  }
  return out;
}
