import { FIRST_FEMALE, FIRST_MALE, SUFFIXES } from './given-names.ts';
import {
  SURNAMES_AMERICAN_INDIAN,
  SURNAMES_ASIAN,
  SURNAMES_GENERAL,
  SURNAMES_HISPANIC,
  SURNAMES_HUTTERITE,
  SURNAMES_SLAVIC,
} from './name-lists.ts';
import type { Rng } from './prng.ts';

/** A person's legal name parts. */
export interface PersonName {
  lastName: string;
  firstName: string;
  middleName: string;
  suffix: string;
}

/** Which surname pool fits a person. */
export type NameOrigin = 'general' | 'hispanic' | 'american-indian' | 'hutterite' | 'asian' | 'slavic';

const POOLS: Record<NameOrigin, readonly string[]> = {
  general: SURNAMES_GENERAL,
  hispanic: SURNAMES_HISPANIC,
  'american-indian': SURNAMES_AMERICAN_INDIAN,
  hutterite: SURNAMES_HUTTERITE,
  asian: SURNAMES_ASIAN,
  slavic: SURNAMES_SLAVIC,
};

/** A random legal name: ~3% hyphenated surnames, ~3% of boys with a suffix, ~20% without a middle name. */
export function makeName(rng: Rng, origin: NameOrigin, gender: 'M' | 'F'): PersonName {
  const firsts = gender === 'M' ? FIRST_MALE : FIRST_FEMALE;
  let lastName = rng.pick(POOLS[origin]);
  if (rng.chance(0.03))
    lastName = `${lastName}-${rng.pick(rng.chance(0.5) ? SURNAMES_GENERAL : POOLS[origin])}`;
  return {
    lastName,
    firstName: rng.pick(firsts),
    middleName: rng.chance(0.8) ? rng.pick(firsts) : '',
    suffix: gender === 'M' && rng.chance(0.03) ? rng.pick(SUFFIXES) : '',
  };
}

/** A near-duplicate spelling of a first name, as a second district might key it in. */
export function misspell(rng: Rng, name: string): string {
  const plain = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (plain !== name) return plain;
  if (name.length > 3 && rng.chance(0.5)) return name.slice(0, -1);
  const i = rng.int(1, Math.max(1, name.length - 2));
  return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
}
