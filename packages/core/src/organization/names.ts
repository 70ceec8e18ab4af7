import type { DistrictSeed } from './types.ts';

// CCD/OPI short names end in a level suffix ("Billings Elem", "Billings H S", "Hamilton K-12 Schools",
// "Chester-Joplin-Inverness El"; montana-facts.md §1.1); the town is what remains.
const SUFFIXES = [
  / K-12 Schools$/,
  / K-12 Schls$/,
  / School K-12$/,
  / K-12$/,
  / Elem$/,
  / El$/,
  / H S$/,
  / HS$/,
  / High School$/,
  / School$/,
];

const AGENCY_SCHOOLS: Record<string, string> = {
  'Mont Sch for Deaf Blind': 'Montana School for the Deaf and Blind',
  'Dept of Corrections-Youth': 'Pine Hills Youth Correctional Facility',
};

/** The town part of a district name: "Billings H S" → "Billings". */
export function townOf(name: string): string {
  for (const s of SUFFIXES) if (s.test(name)) return name.replace(s, '').trim();
  return name.trim();
}

/** Name of a state agency's single school. */
export function agencySchoolName(seed: DistrictSeed): string {
  return AGENCY_SCHOOLS[seed.name] ?? `${seed.name} School`;
}

// Names for the extra schools of multi-school districts; typical Montana school namesakes.
const ELEMENTARY_STEMS = [
  'Meadowlark',
  'Lewis and Clark',
  'Sacajawea',
  'Bitterroot',
  'Big Sky',
  'Lincoln',
  'Washington',
  'Jefferson',
  'Roosevelt',
  'Longfellow',
  'Hawthorne',
  'Whittier',
  'Emerson',
  'Garfield',
  'Riverside',
  'Chief Joseph',
  'Glacier',
  'Pine Hills',
  'Rattlesnake',
  'Paxson',
  'Bridger',
  'Rose Park',
  'Highland Park',
  'Sunnyside',
  'Broadwater',
  'Central',
  'Bench',
  'Mountain View',
  'Cottonwood',
  'Hyalite',
  'Morning Star',
  'Irving',
  'McKinley',
  'Orchard',
  'Poly Drive',
  'Ponderosa',
  'Prairie View',
  'Sandstone',
  'Eagle Cliffs',
  'Boulder',
];
const MIDDLE_STEMS = [
  'Lewis and Clark',
  'Castle Rock',
  'Will James',
  'Riverside',
  'Ben Steele',
  'C R Anderson',
  'Chief Joseph',
  'Sacajawea',
];
const HIGH_STEMS = ['Senior', 'West', 'Skyview', 'Central', 'North', 'South', 'Capital', 'Gallatin'];

/** Name of the i-th of n elementary schools of a town. */
export function elementaryName(town: string, i: number, n: number): string {
  return n === 1 ? `${town} Elementary` : `${ELEMENTARY_STEMS[i % ELEMENTARY_STEMS.length]} Elementary`;
}

/** Name of the i-th of n middle schools; a single one is the Montana "7-8" program's school. */
export function middleName(town: string, i: number, n: number): string {
  return n === 1 ? `${town} Middle School` : `${MIDDLE_STEMS[i % MIDDLE_STEMS.length]} Middle School`;
}

/** Name of the i-th of n high schools: "Billings Senior High", "Billings West High". */
export function highName(town: string, i: number, n: number): string {
  return n === 1 ? `${town} High School` : `${town} ${HIGH_STEMS[i % HIGH_STEMS.length]} High`;
}
