import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { IdentityInput } from './types.ts';
import { scoreIdentity } from './score.ts';
import { parseMatchSettings } from './settings.ts';
import { checkCase, person } from './test-support.ts';
import type { ScoreCase } from './test-support.ts';

const montana = parseMatchSettings(
  parse(readFileSync(new URL('../../../../profiles/montana/matching.yaml', import.meta.url), 'utf8')),
);
const ID = '123456789';
const OTHER = '987654321';

describe('rule 1: same state ID', () => {
  const cases: ScoreCase[] = [
    ['same ID and person', { stateId: ID }, { stateId: ID }, 'match', 'state-id', ['STATE_ID_SAME']],
    [
      'same ID, last name changed',
      { stateId: ID, lastName: 'Jones' },
      { stateId: ID },
      'match',
      'state-id',
      ['LAST_DIFFERENT'],
    ],
    [
      'same ID, birth date corrected',
      { stateId: ID, birthDate: '2012-06-30' },
      { stateId: ID },
      'match',
      'state-id',
      ['BIRTH_DIFFERENT'],
    ],
    [
      'same ID, nickname',
      { stateId: ID, firstName: 'Em' },
      { stateId: ID, firstName: 'Emily' },
      'match',
      'state-id',
      [],
    ],
    [
      'same ID given to a twin',
      { stateId: ID, firstName: 'Olivia' },
      { stateId: ID },
      'review',
      'state-id',
      ['STATE_ID_CONFLICT'],
    ],
    [
      'same ID, another family',
      { stateId: ID, lastName: 'Jones', birthDate: '2010-09-01' },
      { stateId: ID },
      'review',
      'state-id',
      ['STATE_ID_CONFLICT'],
    ],
    ['ID on one side only', { stateId: ID }, {}, 'match', 'exact', ['FIRST_SAME']],
    [
      'different IDs never merge automatically',
      { stateId: ID },
      { stateId: OTHER },
      'review',
      'exact',
      ['STATE_ID_DIFFERENT'],
    ],
    [
      'different IDs, different people',
      { stateId: ID, firstName: 'Olivia' },
      { stateId: OTHER },
      'new',
      'fuzzy',
      [],
    ],
  ];
  it.each(cases)('%s', (...c) => {
    const result = checkCase(montana, c);
    if (result.reasons[0]?.code === 'STATE_ID_CONFLICT') {
      expect(result.reasons[0].text).toContain('same state ID, different person?');
    }
  });
});

describe('rule 2: deterministic exact', () => {
  const cases: ScoreCase[] = [
    ['identical', {}, {}, 'match', 'exact', ['LAST_SAME', 'FIRST_SAME', 'BIRTH_SAME', 'GENDER_SAME']],
    [
      'accents, case',
      { lastName: 'PEÑA', firstName: 'José' },
      { lastName: 'Pena', firstName: 'jose' },
      'match',
      'exact',
      [],
    ],
    [
      'diacritics, spaces',
      { lastName: ' Nguyễn ', firstName: 'Thị  Hoa' },
      { lastName: 'Nguyen', firstName: 'Thi Hoa' },
      'match',
      'exact',
      [],
    ],
    [
      'despite a different middle name',
      { middleName: 'Ann' },
      { middleName: 'Marie' },
      'match',
      'exact',
      ['MIDDLE_DIFFERENT'],
    ],
    ['gender missing: fuzzy', { gender: null }, {}, 'match', 'fuzzy', ['GENDER_MISSING']],
    ['gender differs: review', { gender: 'M' }, {}, 'review', 'fuzzy', ['GENDER_DIFFERENT']],
    [
      'birth year off by one: review',
      { birthDate: '2014-02-17' },
      {},
      'review',
      'fuzzy',
      ['BIRTH_ONE_DIGIT'],
    ],
  ];
  it.each(cases)('%s', (...c) => {
    checkCase(montana, c);
  });
});

describe('twins and siblings (same last name, birth date, middle name)', () => {
  const twins: [string, string, string, string][] = [
    ['Emma', 'Olivia', 'F', 'F'],
    ['Emma', 'Ella', 'F', 'F'],
    ['Jayden', 'Hayden', 'M', 'M'],
    ['Mason', 'Jason', 'M', 'M'],
    ['Alexander', 'Alexandra', 'M', 'F'],
    ['Christopher', 'Christina', 'M', 'F'],
    ['Noah', 'Nora', 'M', 'F'],
  ];
  it.each(twins)('%s and %s are two children', (first1, first2, g1, g2) => {
    const a = person({ firstName: first1, gender: g1, middleName: 'James' });
    const b = person({ firstName: first2, gender: g2, middleName: 'James' });
    expect(scoreIdentity(a, b, montana).decision).toBe('new');
    expect(scoreIdentity(b, a, montana).decision).toBe('new');
  });
});

describe('thresholds', () => {
  // Bill / William with gender missing on one side scores exactly 0.27 + 0.30 + 0.35 = 0.92.
  const a = person({ firstName: 'Bill', gender: null });
  const b = person({ firstName: 'William', gender: 'M' });
  it.each([
    [0.92, 0.75, 'match'],
    [0.921, 0.75, 'review'],
    [0.95, 0.92, 'review'],
    [0.95, 0.921, 'new'],
  ] as const)('match %s, review %s → %s', (matchThreshold, reviewThreshold, decision) => {
    const result = scoreIdentity(a, b, { ...montana, matchThreshold, reviewThreshold });
    expect(result.score).toBe(0.92);
    expect(result.decision).toBe(decision);
  });
});

describe('reasons', () => {
  const pairs: [Partial<IdentityInput>, Partial<IdentityInput>][] = [
    [
      { firstName: 'Bill', birthDate: '2013-02-71', gender: 'M', stateId: ID },
      { firstName: 'William', stateId: OTHER },
    ],
    [
      { firstName: 'Lee', lastName: 'Thomas', middleName: 'X' },
      { firstName: 'Thomas', lastName: 'Lee', middleName: 'Y' },
    ],
    [{ stateId: ID, firstName: 'Olivia', gender: 'M' }, { stateId: ID }],
  ];
  it.each(pairs)('weights add up to the score; texts carry only names and birth dates', (x, y) => {
    const result = scoreIdentity(person(x), person(y), montana);
    const sum = result.reasons.reduce((s, r) => s + r.weight, 0);
    expect(result.score).toBeCloseTo(Math.min(1, Math.max(0, sum)), 3);
    const text = result.reasons.map((r) => r.text).join(' ');
    expect(text).not.toMatch(/\d{9}/); // no state ID
    expect(text).not.toMatch(/\b[MF]\b/); // no gender value
  });

  it('reads like a sentence for a clerk', () => {
    const result = scoreIdentity(person({ firstName: 'Bill' }), person({ firstName: 'William' }), montana);
    const nickname = { code: 'NICKNAME', text: 'first name Bill is a nickname of William', weight: 0.27 };
    expect(result.reasons).toContainEqual(nickname);
  });
});
