import { describe, expect, it } from 'vitest';
import type { IdentityInput } from './types.ts';
import { blockingKeys } from './blocking.ts';
import { person } from './test-support.ts';

function shared(a: IdentityInput, b: IdentityInput): string[] {
  const keys = new Set(blockingKeys(a));
  return blockingKeys(b).filter((k) => keys.has(k));
}

describe('blockingKeys', () => {
  const truePairs: [string, Partial<IdentityInput>, Partial<IdentityInput>][] = [
    ['identical', {}, {}],
    ['nickname Bill / William', { firstName: 'Bill' }, { firstName: 'William' }],
    ['nickname Kate / Katherine', { firstName: 'Kate' }, { firstName: 'Katherine' }],
    ['transposed day digits (not a date)', { birthDate: '2013-02-71' }, {}],
    ['transposed year digits', { birthDate: '2031-02-17' }, {}],
    ['day/month swapped', { birthDate: '2013-12-07' }, { birthDate: '2013-07-12' }],
    ['year off by one digit', { birthDate: '2012-02-17' }, {}],
    [
      'nickname and transposed birth date',
      { firstName: 'Bill', birthDate: '2013-02-71' },
      { firstName: 'William' },
    ],
    ['compound last name', { lastName: 'Garcia-Lopez' }, { lastName: 'Garcia' }],
    ['last name changed', { lastName: 'Jones' }, {}],
    ['accents', { lastName: 'Peña' }, { lastName: 'Pena' }],
    [
      'first and last swapped',
      { firstName: 'Lee', lastName: 'Thomas' },
      { firstName: 'Thomas', lastName: 'Lee' },
    ],
    ['middle name as first', { firstName: 'Rose' }, { middleName: 'Rose' }],
    ['birth date missing on one side', { birthDate: null }, {}],
  ];
  it.each(truePairs)('%s: shares a key', (_name, a, b) => {
    expect(shared(person(a), person(b)).length).toBeGreaterThan(0);
  });

  it('keys of unrelated people overlap only in the wide name bucket', () => {
    const a = person({ firstName: 'Olivia', lastName: 'Brown', birthDate: '2010-05-03' });
    const b = person({ firstName: 'Noah', lastName: 'Whitehorse', birthDate: '2014-11-21' });
    expect(shared(a, b)).toEqual([]);
  });

  it('gives a handful of distinct keys, names only without a birth date', () => {
    const keys = blockingKeys(person());
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeLessThanOrEqual(13);
    expect(blockingKeys(person({ birthDate: null }))).toEqual(['names:E500:S530']);
    expect(blockingKeys(person({ firstName: ' ', lastName: '', birthDate: null }))).toEqual([]);
  });

  it('never carries the raw name or full birth date in a name-only key', () => {
    expect(blockingKeys(person({ birthDate: null }))[0]).not.toContain('Smith');
  });
});
