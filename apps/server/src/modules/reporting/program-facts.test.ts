import { describe, expect, it } from 'vitest';
import { EDFACTS_FILE_LEVELS, edfactsFileSchema } from '@bitterroot/contracts';
import { recordLength } from './edfacts-format.ts';
import { EDFACTS_SPECS } from './edfacts-specs.ts';
import type { Placed } from './outcomes.repository.ts';
import { ageOn, childCountFacts, englishLearnerFacts, homelessFacts } from './program-facts.ts';

const races = new Map([['W', 'WH7']]);
const student = (grade: string, o: Partial<Placed> = {}): Placed => ({
  stateId: '100000001',
  birthDate: '2012-03-04',
  sex: 'M',
  hispanic: false,
  races: ['W'],
  idea: false,
  el: false,
  ecodis: false,
  homeless: false,
  s504: false,
  cclc: false,
  districtNumber: '0059',
  schoolNumber: '0101',
  grade,
  ...o,
});

describe('program file facts', () => {
  it('counts whole years of age on a date', () => {
    expect(ageOn('2012-03-04', '2025-03-03')).toBe(12);
    expect(ageOn('2012-03-04', '2025-03-04')).toBe(13);
    expect(ageOn(null, '2025-03-04')).toBeNull();
  });

  it('FS002 takes IDEA students aged 5 in kindergarten through 21 (edfacts.md §10)', () => {
    const date = '2025-10-06';
    const facts = childCountFacts(
      [
        student('KG', { idea: true, birthDate: '2020-05-01' }),
        student('PK', { idea: true, birthDate: '2020-05-01' }),
        student('12', { idea: true, birthDate: '2003-11-01' }),
        student('12', { idea: true, birthDate: '2003-10-01' }),
        student('08'),
      ],
      date,
      races,
    );
    expect(facts.map((f) => f.categories['AGESA'])).toEqual(['AGE05K', '21']);
    expect(facts[0]!.categories['DISABCATIDEA']).toBeNull();
  });

  it('FS141 leaves pre-kindergarten learners out; FS118 bands pre-kindergartners aged 3 to 5', () => {
    const el = englishLearnerFacts([student('PK', { el: true }), student('KF', { el: true })], races);
    expect(el.map((f) => f.categories['GRADELVBASICW13'])).toEqual(['KG']);
    const homeless = homelessFacts(
      [{ ...student('PK', { birthDate: '2021-01-10' }), residence: '4', unaccompanied: false }],
      races,
      new Map([['4', 'HM']]),
      2026,
    );
    expect(homeless[0]!.categories).toMatchObject({ AGE3TOGRADE13: '3TO5NOTK', HOMELSPRMRES: 'HM' });
  });

  it('offers the web app the levels the specifications define, with the layout lengths of edfacts.md', () => {
    for (const file of edfactsFileSchema.options)
      expect(EDFACTS_FILE_LEVELS[file]).toEqual(EDFACTS_SPECS[file].levels);
    expect(
      [EDFACTS_SPECS.FS033, EDFACTS_SPECS.FS141, EDFACTS_SPECS.FS118, EDFACTS_SPECS.FS002].map(recordLength),
    ).toEqual([294, 339, 384, 504]);
  });
});
