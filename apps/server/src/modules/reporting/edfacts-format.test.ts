import { describe, expect, it } from 'vitest';
import { aggregate, recordLength, serialize, type EdfactsFact } from './edfacts-format.ts';
import { EDFACTS_SPECS } from './edfacts-specs.ts';

const AT = new Date(Date.UTC(2026, 9, 1, 9, 0));

const fact = (lea: string, school: string, grade: string, race: string | null, sex: string): EdfactsFact => ({
  lea,
  school,
  categories: { GRADELVMEM: grade, RACEETHNIC: race, SEX: sex },
});

// Two LEAs, three schools, four students: counted by hand below (edfacts.md §11.3 golden-file design).
const FACTS = [
  fact('0001', '0101', '09', 'WH7', 'F'),
  fact('0001', '0101', '09', 'AM7', 'M'),
  fact('0001', '0102', 'KG', 'WH7', 'F'),
  fact('0002', '0201', '12', null, 'M'),
];

describe('EDFacts layouts (edfacts.md §2–§10)', () => {
  it.each(Object.values(EDFACTS_SPECS))('$id has the documented fixed record length', (spec) => {
    const expected = {
      ...{ FS052: 324, FS032: 399, FS150: 365, FS151: 382, FS195: 459, FS006: 459 },
      ...{ FS033: 294, FS141: 339, FS118: 384, FS002: 504 },
    }[spec.id];
    expect(recordLength(spec)).toBe(expected);
  });
});

describe('FS052 golden file', () => {
  it('writes the LEA file as CSV, byte for byte', () => {
    const rows = aggregate(FACTS, EDFACTS_SPECS.FS052, 'lea');
    const body = serialize(EDFACTS_SPECS.FS052, 'lea', rows, { schoolYear: 2026, format: 'csv', at: AT });
    expect(body.split('\r\n')).toEqual([
      'LEA MEMBERSHIP TABLE,17,MTLEAFS0522026.csv,052-10012026-0900,2025-2026',
      '1,30,01,0001,,MEMBER,09,AM7,M,N,,1',
      '2,30,01,0001,,MEMBER,09,WH7,F,N,,1',
      '3,30,01,0001,,MEMBER,KG,WH7,F,N,,1',
      '4,30,01,0001,,MEMBER,09,AM7,,Y,,1',
      '5,30,01,0001,,MEMBER,09,WH7,,Y,,1',
      '6,30,01,0001,,MEMBER,KG,WH7,,Y,,1',
      '7,30,01,0001,,MEMBER,09,,F,Y,,1',
      '8,30,01,0001,,MEMBER,09,,M,Y,,1',
      '9,30,01,0001,,MEMBER,KG,,F,Y,,1',
      '10,30,01,0001,,MEMBER,,AM7,M,Y,,1',
      '11,30,01,0001,,MEMBER,,WH7,F,Y,,2',
      '12,30,01,0001,,MEMBER,09,,,Y,,2',
      '13,30,01,0001,,MEMBER,KG,,,Y,,1',
      '14,30,01,0001,,MEMBER,,,,Y,,3',
      // A student without a reported race is in the sex and grade sets and the total, not in the race sets.
      '15,30,01,0002,,MEMBER,12,,M,Y,,1',
      '16,30,01,0002,,MEMBER,12,,,Y,,1',
      '17,30,01,0002,,MEMBER,,,,Y,,1',
      '',
    ]);
  });

  it('keeps the SEA total equal to the sum of the LEA totals and the school totals', () => {
    const total = (level: 'sea' | 'lea' | 'sch') =>
      aggregate(FACTS, EDFACTS_SPECS.FS052, level)
        .filter((r) => r.set === 'TOT')
        .reduce((s, r) => s + Number(r.amount), 0);
    expect([total('sea'), total('lea'), total('sch')]).toEqual([4, 4, 4]);
  });

  it('pads fixed-width records and blanks the LEA and school IDs at SEA level', () => {
    const rows = aggregate(FACTS, EDFACTS_SPECS.FS052, 'sea');
    const body = serialize(EDFACTS_SPECS.FS052, 'sea', rows, { schoolYear: 2026, format: 'txt', at: AT });
    const lines = body.split('\r\n').slice(1, -1);
    expect(lines.every((l) => l.length === 324 && l.slice(14, 48).trim() === '')).toBe(true);
    expect(lines.at(-1)!.slice(48, 68)).toBe('MEMBER'.padEnd(20));
    expect(lines.at(-1)!.slice(314)).toBe('4'.padEnd(10));
  });

  it('refuses values that could break the file or run as a formula', () => {
    for (const bad of ['=1+2', 'A,B', '@SUM', 'x\ty']) {
      const rows = aggregate([fact('0001', '0101', '09', bad, 'F')], EDFACTS_SPECS.FS052, 'sch');
      expect(() =>
        serialize(EDFACTS_SPECS.FS052, 'sch', rows, { schoolYear: 2026, format: 'csv', at: AT }),
      ).toThrow(/outside the file's set/);
    }
  });

  it('writes FS150 rates as percentages with two decimals', () => {
    const facts = [true, true, false].map((numerator) => ({
      lea: '0001',
      school: '0101',
      categories: { MAJORREG: 'MW' },
      numerator,
    }));
    const rows = aggregate(facts, EDFACTS_SPECS.FS150, 'lea');
    expect(rows.map((r) => [r.set, r.amount])).toEqual([
      ['CSA', '66.67'],
      ['EUT', '66.67'],
    ]);
  });
});
