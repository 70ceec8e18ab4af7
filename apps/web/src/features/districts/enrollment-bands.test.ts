import { describe, expect, it } from 'vitest';
import { ENROLLMENT_BANDS, bandIndex, countByBand } from './enrollment-bands.ts';

describe('bandIndex', () => {
  it.each([
    [0, '<10'],
    [9, '<10'],
    [10, '10–24'],
    [24, '10–24'],
    [25, '25–49'],
    [99, '50–99'],
    [100, '100–249'],
    [499, '250–499'],
    [999, '500–999'],
    [1000, '1,000–2,499'],
    [2500, '2,500–4,999'],
    [4999, '2,500–4,999'],
    [5000, '5,000+'],
    [150_000, '5,000+'],
    [-3, '<10'],
  ])('puts %i in %s', (count, label) => {
    expect(ENROLLMENT_BANDS[bandIndex(count)]?.label).toBe(label);
  });

  it('bands are contiguous and cover every count', () => {
    ENROLLMENT_BANDS.forEach((band, i) => {
      const next = ENROLLMENT_BANDS[i + 1];
      if (next) expect(next.min).toBe((band.max ?? Infinity) + 1);
      else expect(band.max).toBeNull();
    });
  });
});

describe('countByBand', () => {
  it('counts per band and keeps missing values apart', () => {
    const { counts, missing } = countByBand([3, 8, 12, 5000, null, 600, null]);
    expect(counts).toEqual([2, 1, 0, 0, 0, 0, 1, 0, 0, 1]);
    expect(missing).toBe(2);
  });

  it('returns all-zero bands for no values', () => {
    expect(countByBand([])).toEqual({ counts: ENROLLMENT_BANDS.map(() => 0), missing: 0 });
  });
});
