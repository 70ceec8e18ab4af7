import { describe, expect, it } from 'vitest';
import { birthDigits, normalizeName } from './normalize.ts';
import { jaroWinkler, soundex, withinOneEdit } from './similarity.ts';

describe('normalizeName', () => {
  it.each([
    ['Peña', 'pena'],
    ['Nguyễn', 'nguyen'],
    ["O'Brien", 'obrien'],
    ['O’Brien', 'obrien'],
    ['Garcia-Lopez', 'garcia lopez'],
    ['  De   La Cruz ', 'de la cruz'],
    ['St. John', 'st john'],
    ['Øster-Müller', 'oster muller'],
    ['Strauß', 'strauss'],
    ['ŁUKASZ', 'lukasz'],
    ['Zoë', 'zoe'],
    ['SMITH', 'smith'],
    ['Smith, Jr.', 'smith jr'],
    ['--', ''],
  ])('%s → %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });
});

describe('birthDigits', () => {
  it.each([
    ['2013-02-17', '20130217'],
    ['2013-02-71', '20130271'],
    ['20130217', '20130217'],
    ['02/17/2013', null],
    ['', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(birthDigits(input)).toBe(expected);
  });
});

describe('string measures', () => {
  it.each([
    ['martha', 'marhta', 0.961],
    ['dixon', 'dicksonx', 0.813],
    ['jones', 'jones', 1],
    ['abc', '', 0],
  ])('jaroWinkler(%s, %s) ≈ %s', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it.each([
    ['smith', 'smyth', true],
    ['smith', 'smiht', true],
    ['smith', 'smth', true],
    ['smith', 'smitth', true],
    ['smith', 'smiths', true],
    ['smith', 'smythe', false],
    ['emma', 'ella', false],
  ])('withinOneEdit(%s, %s) = %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });

  it.each([
    ['robert', 'R163'],
    ['rupert', 'R163'],
    ['ashcraft', 'A261'],
    ['tymczak', 'T522'],
    ['pfister', 'P236'],
    ['smith', 'S530'],
    ['smyth', 'S530'],
    ['lee', 'L000'],
    ['', ''],
  ])('soundex(%s) = %s', (name, code) => {
    expect(soundex(name)).toBe(code);
  });
});
