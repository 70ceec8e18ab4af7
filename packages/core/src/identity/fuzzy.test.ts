import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { parse } from 'yaml';
import { parseMatchSettings } from './settings.ts';
import { checkCase } from './test-support.ts';
import type { ScoreCase } from './test-support.ts';

const montana = parseMatchSettings(
  parse(readFileSync(new URL('../../../../profiles/montana/matching.yaml', import.meta.url), 'utf8')),
);
const M = { gender: 'M' };

describe('rule 3: fuzzy — names', () => {
  const cases: ScoreCase[] = [
    [
      'nickname Bill → William',
      { ...M, firstName: 'Bill' },
      { ...M, firstName: 'William' },
      'match',
      'fuzzy',
      ['NICKNAME'],
    ],
    [
      'nickname William → Bill',
      { ...M, firstName: 'William' },
      { ...M, firstName: 'Bill' },
      'match',
      'fuzzy',
      ['NICKNAME'],
    ],
    [
      'two nicknames Kate / Katie',
      { firstName: 'Kate' },
      { firstName: 'Katie' },
      'match',
      'fuzzy',
      ['NICKNAME'],
    ],
    ['Katherine → Kate', { firstName: 'Katherine' }, { firstName: 'Kate' }, 'match', 'fuzzy', ['NICKNAME']],
    ['Jon / John', { ...M, firstName: 'Jon' }, { ...M, firstName: 'John' }, 'match', 'fuzzy', ['NICKNAME']],
    ['Liz / Elizabeth', { firstName: 'Liz' }, { firstName: 'Elizabeth' }, 'match', 'fuzzy', ['NICKNAME']],
    [
      'no nickname: Christopher / Christina',
      { firstName: 'Christopher' },
      { firstName: 'Christina' },
      'new',
      'fuzzy',
      ['FIRST_DIFFERENT'],
    ],
    [
      'compound last name',
      { lastName: 'Garcia-Lopez' },
      { lastName: 'Garcia' },
      'match',
      'fuzzy',
      ['LAST_COMPOUND'],
    ],
    [
      'particle is no compound',
      { lastName: 'De La Cruz' },
      { lastName: 'De Leon' },
      'new',
      'fuzzy',
      ['LAST_DIFFERENT'],
    ],
    [
      'spacing De La Cruz / Delacruz',
      { lastName: 'De La Cruz' },
      { lastName: 'Delacruz' },
      'match',
      'fuzzy',
      ['LAST_SPACING'],
    ],
    [
      'compound first name',
      { firstName: 'Mary Ann' },
      { firstName: 'Mary' },
      'review',
      'fuzzy',
      ['FIRST_COMPOUND'],
    ],
    ['last-name slip Smith / Smyth', { lastName: 'Smyth' }, {}, 'match', 'fuzzy', ['LAST_SPELLING']],
    [
      'first-name slip Aidan / Aiden',
      { ...M, firstName: 'Aidan' },
      { ...M, firstName: 'Aiden' },
      'review',
      'fuzzy',
      ['FIRST_SPELLING'],
    ],
    [
      'rhyme is no slip',
      { ...M, firstName: 'Mason' },
      { ...M, firstName: 'Jason' },
      'new',
      'fuzzy',
      ['FIRST_DIFFERENT'],
    ],
    [
      'first and last swapped',
      { firstName: 'Lee', lastName: 'Thomas' },
      { firstName: 'Thomas', lastName: 'Lee' },
      'match',
      'fuzzy',
      ['NAMES_SWAPPED'],
    ],
    [
      'first and middle swapped',
      { firstName: 'Rose', middleName: 'Emma' },
      { middleName: 'Rose' },
      'match',
      'fuzzy',
      ['FIRST_MIDDLE_SWAPPED'],
    ],
    [
      'middle name as first name',
      { firstName: 'Rose' },
      { middleName: 'Rose' },
      'review',
      'fuzzy',
      ['MIDDLE_AS_FIRST'],
    ],
    ['initial only', { firstName: 'E' }, {}, 'review', 'fuzzy', ['FIRST_INITIAL']],
    ['last name changed', { lastName: 'Jones' }, {}, 'new', 'fuzzy', ['LAST_DIFFERENT']],
    [
      '… with the same middle name',
      { lastName: 'Jones', middleName: 'Rose' },
      { middleName: 'Rose' },
      'review',
      'fuzzy',
      ['MIDDLE_SAME'],
    ],
  ];
  it.each(cases)('%s', (...c) => {
    checkCase(montana, c);
  });
});

describe('rule 3: fuzzy — birth dates and gender', () => {
  const cases: ScoreCase[] = [
    ['2013-02-71 (not a date)', { birthDate: '2013-02-71' }, {}, 'review', 'fuzzy', ['BIRTH_TRANSPOSED']],
    [
      'day/month swapped',
      { birthDate: '2013-12-07' },
      { birthDate: '2013-07-12' },
      'review',
      'fuzzy',
      ['BIRTH_DAY_MONTH_SWAPPED'],
    ],
    ['year digits swapped 2031', { birthDate: '2031-02-17' }, {}, 'review', 'fuzzy', ['BIRTH_TRANSPOSED']],
    ['one digit 2012', { birthDate: '2012-02-17' }, {}, 'review', 'fuzzy', ['BIRTH_ONE_DIGIT']],
    [
      'slip plus same middle name',
      { birthDate: '2013-02-71', middleName: 'Rose' },
      { middleName: 'Rose' },
      'match',
      'fuzzy',
      ['MIDDLE_SAME'],
    ],
    [
      'slip plus nickname',
      { firstName: 'Em', birthDate: '2013-02-71' },
      { firstName: 'Emily' },
      'review',
      'fuzzy',
      ['NICKNAME'],
    ],
    ['unrelated birth date', { birthDate: '2011-09-30' }, {}, 'new', 'fuzzy', ['BIRTH_DIFFERENT']],
    ['birth date missing', { birthDate: null }, {}, 'new', 'fuzzy', ['BIRTH_MISSING']],
    ['gender missing', { gender: '' }, {}, 'match', 'fuzzy', ['GENDER_MISSING']],
    [
      'gender missing and nickname',
      { firstName: 'Em', gender: null },
      { firstName: 'Emily' },
      'match',
      'fuzzy',
      ['NICKNAME'],
    ],
    ['gender case', { gender: 'f' }, {}, 'match', 'exact', ['GENDER_SAME']],
  ];
  it.each(cases)('%s', (...c) => {
    checkCase(montana, c);
  });
});
