import { describe, expect, it } from 'vitest';
import type { District } from '@bitterroot/contracts';
import { applyDistrictView, matchesText } from './district-filter.ts';

function district(overrides: Partial<District>): District {
  return {
    districtNumber: '0001',
    name: 'Somers Elem',
    ncesLeaId: '3000002',
    level: 'elementary',
    schoolCount: 1,
    studentCount: 10,
    ccdEnrollment: 533,
    ...overrides,
  };
}

const districts = [
  district({ districtNumber: '0059', name: 'Billings Elem', studentCount: 900, ccdEnrollment: 11089 }),
  district({ districtNumber: '0060', name: 'Billings H S', level: 'high_school', studentCount: 450 }),
  district({ districtNumber: '0004', name: 'Helena Elem', studentCount: 500, ccdEnrollment: null }),
];

describe('matchesText', () => {
  it('matches every word anywhere, ignoring case', () => {
    expect(matchesText('billings h', 'Billings H S', '0060')).toBe(true);
    expect(matchesText('0059', 'Billings Elem', '0059')).toBe(true);
    expect(matchesText('billings x', 'Billings H S', '0060')).toBe(false);
    expect(matchesText('  ', 'anything')).toBe(true);
  });
});

describe('applyDistrictView', () => {
  it('filters by text and level', () => {
    const view = { q: 'billings', level: 'high_school', sort: 'name', order: 'asc' } as const;
    expect(applyDistrictView(districts, view).map((d) => d.name)).toEqual(['Billings H S']);
  });

  it('sorts by a numeric column descending', () => {
    const view = { q: '', level: '', sort: 'studentCount', order: 'desc' } as const;
    expect(applyDistrictView(districts, view).map((d) => d.districtNumber)).toEqual(['0059', '0004', '0060']);
  });

  it('keeps districts without a CCD figure last', () => {
    for (const order of ['asc', 'desc'] as const) {
      const view = { q: '', level: '', sort: 'ccdEnrollment', order } as const;
      expect(applyDistrictView(districts, view).at(-1)?.name).toBe('Helena Elem');
    }
  });
});
