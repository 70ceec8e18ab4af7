import { describe, expect, it } from 'vitest';
import type { IdentityReview } from '@bitterroot/contracts';
import { applyReviewView, districtsOf, parseReviewView } from './review-view.ts';

function item(id: number, overrides: Partial<IdentityReview> = {}): IdentityReview {
  return {
    id,
    status: 'open',
    batchId: 1,
    districtNumber: '0002',
    line: id + 1,
    createdAt: `2026-01-0${id}T10:00:00.000Z`,
    score: 0.8,
    reasons: [],
    incoming: {
      localId: `L${id}`,
      lastName: 'Baker',
      firstName: 'Bill',
      middleName: null,
      birthDate: '04/09/2021',
      gender: 'M',
    },
    candidate: {
      studentId: 1,
      stateId: '123456789',
      districts: ['0001'],
      lastName: 'Baker',
      firstName: 'William',
      middleName: null,
      birthDate: '2012-04-09',
      gender: 'M',
    },
    resolvedStudentId: null,
    resolution: null,
    ...overrides,
  };
}

const items = [
  item(1, { score: 0.9 }),
  item(2, {
    districtNumber: '0001',
    incoming: { ...item(2).incoming, firstName: 'Sofia', lastName: 'Ortiz' },
  }),
  item(3, { score: 0.75 }),
];

describe('the queue view', () => {
  it('defaults to open items, oldest first, and decided items newest first', () => {
    expect(parseReviewView(new URLSearchParams())).toEqual({
      status: 'open',
      district: '',
      q: '',
      sort: 'held',
      order: 'asc',
    });
    expect(parseReviewView(new URLSearchParams('status=decided'))).toMatchObject({
      sort: 'decided',
      order: 'desc',
    });
    expect(parseReviewView(new URLSearchParams('sort=nope&order=up&district=59'))).toMatchObject({
      sort: 'held',
      order: 'asc',
      district: '',
    });
  });

  it('filters by district and uploaded name or local ID, then sorts', () => {
    const view = parseReviewView(new URLSearchParams('sort=score&order=desc'));
    expect(applyReviewView(items, view).map((i) => i.id)).toEqual([1, 2, 3]);
    expect(applyReviewView(items, { ...view, order: 'asc' }).map((i) => i.id)).toEqual([3, 2, 1]);
    expect(applyReviewView(items, { ...view, district: '0001' }).map((i) => i.id)).toEqual([2]);
    expect(applyReviewView(items, { ...view, q: 'baker l3' }).map((i) => i.id)).toEqual([3]);
    expect(applyReviewView(items, { ...view, q: 'william' })).toEqual([]);
    expect(districtsOf(items)).toEqual(['0001', '0002']);
  });
});
