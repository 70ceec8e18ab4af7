/**
 * Student facts of the program files: FS033 lunch status, FS141 English learners, FS118 homeless enrolled and
 * FS002 children with disabilities (edfacts.md §3, §4, §5, §10; decisions 0061, 0062). Pure: the service feeds
 * the reads. Values Montana does not collect (home language, migratory status, IDEA disability category and
 * educational environment) stay empty, so the category sets that need them carry no rows.
 */
import type { EdfactsFact } from './edfacts-format.ts';
import { categoriesOf } from './edfacts-facts.ts';
import type { Placed } from './outcomes.repository.ts';
import type { HomelessRead, LunchRead } from './program-counts.repository.ts';

const fact = (p: Placed, races: ReadonlyMap<string, string>, extra: Record<string, string | null>) => ({
  lea: p.districtNumber,
  school: p.schoolNumber,
  categories: { ...categoriesOf(p, races), ...extra },
});

/** Whole years of age on `date` (ISO dates), or null without a birth date. */
export function ageOn(birthDate: string | null, date: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const K12 = /^(KG|0[1-9]|1[0-3]|UG)$/;
const kg = (grade: string) => (grade === 'KF' ? 'KG' : grade);

/**
 * FS033: members on the count date with a free or reduced-price eligibility covering it (LUNCHPROG FL, RPL), and
 * the directly certified among them for the DIRECTCERT total (certification type D, fram-certification-type).
 */
export function lunchFacts(
  members: readonly Placed[],
  lunch: readonly LunchRead[],
  races: ReadonlyMap<string, string>,
): EdfactsFact[] {
  const byKey = new Map(lunch.map((l) => [`${l.districtNumber}|${l.stateId}`, l]));
  return members.flatMap((m) => {
    const l = byKey.get(`${m.districtNumber}|${m.stateId}`);
    if (!l) return [];
    const program = l.eligibility === 'F' ? 'FL' : l.eligibility === 'R' ? 'RPL' : null;
    const direct = l.certification === 'D' ? 'Y' : null;
    if (program === null && direct === null) return [];
    return [fact(m, races, { LUNCHPROG: program, DIRECTCERT: direct })];
  });
}

/**
 * FS141: English learners in membership on the count date, kindergarten to grade 13 and ungraded (the permitted
 * GRADELVBASICW13 values: pre-kindergarten ELs are outside the file, decision 0062).
 */
export function englishLearnerFacts(
  members: readonly Placed[],
  races: ReadonlyMap<string, string>,
): EdfactsFact[] {
  return members
    .filter((m) => m.el && K12.test(kg(m.grade)))
    .map((m) => fact(m, races, { GRADELVBASICW13: kg(m.grade), LANGHOME: null }));
}

/**
 * FS118: homeless students of the year, once per LEA. AGE3TOGRADE13 is the grade, or 3TO5NOTK for a
 * pre-kindergartner aged 3 to 5 on July 1 (edfacts.md §5: Generate's age date); residence through the code set's
 * EDFacts attribute; UY when ever unaccompanied.
 */
export function homelessFacts(
  reads: readonly HomelessRead[],
  races: ReadonlyMap<string, string>,
  residences: ReadonlyMap<string, string>,
  schoolYear: number,
): EdfactsFact[] {
  return reads.map((r) => {
    const grade = kg(r.grade);
    const age = ageOn(r.birthDate, `${schoolYear - 1}-07-01`);
    const band = K12.test(grade)
      ? grade
      : grade === 'PK' && age !== null && age >= 3 && age <= 5
        ? '3TO5NOTK'
        : null;
    return fact(r, races, {
      AGE3TOGRADE13: band,
      HOMELSPRMRES: r.residence === null ? null : (residences.get(r.residence) ?? null),
      HOMELESSUNAC: r.unaccompanied ? 'UY' : null,
    });
  });
}

/**
 * FS002: students with an IEP (decision 0050's IDEA signal) in membership on the count date, aged 5 in
 * kindergarten through 21 on that date (edfacts.md §10). AGESA is AGE05K or the age; DISABCATIDEA and
 * EDENVIRIDEASA are not collected (decision 0062).
 */
export function childCountFacts(
  members: readonly Placed[],
  date: string,
  races: ReadonlyMap<string, string>,
): EdfactsFact[] {
  return members.flatMap((m) => {
    if (!m.idea) return [];
    const age = ageOn(m.birthDate, date);
    if (age === null || age > 21 || age < 5 || (age === 5 && kg(m.grade) !== 'KG')) return [];
    return [fact(m, races, { AGESA: age === 5 ? 'AGE05K' : String(age), EDENVIRIDEASA: null })];
  });
}
