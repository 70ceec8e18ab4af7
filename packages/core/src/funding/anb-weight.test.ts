import { describe, expect, it } from 'vitest';
import { hoursBand } from './anb-weight.ts';
import { DEFAULT_FUNDING_SETTINGS } from './settings.ts';

describe('hoursBand (MCA 20-9-311(4))', () => {
  it.each([
    [0, 0, 'fewer than 180 aggregate hours'],
    [179.5, 0, 'fewer than 180 aggregate hours'],
    [180, 0.25, '180–359 aggregate hours'],
    [359, 0.25, '180–359 aggregate hours'],
    [360, 0.5, '360–539 aggregate hours'],
    [539, 0.5, '360–539 aggregate hours'],
    [540, 0.75, '540–719 aggregate hours'],
    [719, 0.75, '540–719 aggregate hours'],
    [720, 1, '720 or more aggregate hours'],
    [1080, 1, '720 or more aggregate hours'],
  ])('%s hours → %s', (hours, weight, label) => {
    expect(hoursBand(hours, DEFAULT_FUNDING_SETTINGS)).toEqual({ weight, label });
  });

  it('starts the quarter band at 181 under the 2005 text (decision 0035)', () => {
    expect(hoursBand(180, { quarterBandMinHours: 181 }).weight).toBe(0);
    expect(hoursBand(181, { quarterBandMinHours: 181 }).weight).toBe(0.25);
  });
});
