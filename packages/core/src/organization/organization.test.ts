import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOrganization } from './build.ts';
import { calendarDates } from './calendars.ts';
import { parseDistrictSeedCsv } from './district-seed.ts';
import { gradeLevel } from './grades.ts';
import type { DistrictSeed } from './types.ts';

// Tests may read files; the module under test stays pure.
const csv = readFileSync(
  new URL('../../../../profiles/montana/organization/districts.csv', import.meta.url),
  'utf8',
);

function seeds(): DistrictSeed[] {
  const parsed = parseDistrictSeedCsv(csv);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

describe('parseDistrictSeedCsv', () => {
  it('reads the Montana list', () => {
    expect(seeds()).toHaveLength(397);
  });

  it('names the line of each problem', () => {
    const text =
      'district_number,nces_leaid,name,level,ccd_enrollment,ccd_instructional_staff_fte\n0001,3000002,A Elem,elementary,5,1\n12,3000003,B,middle,x,1\n0001,3000004,C Elem,elementary,1,1\n';
    const parsed = parseDistrictSeedCsv(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.map((e) => e.line)).toEqual([3, 3, 3, 4]);
    expect(parsed.error[3]!.message).toContain('repeats line 2');
  });

  it('rejects a wrong header', () => {
    const parsed = parseDistrictSeedCsv('a,b\n');
    expect(parsed.ok ? [] : parsed.error).toEqual([{ line: 1, message: expect.stringContaining('header') }]);
  });
});

describe('buildOrganization', () => {
  const org = buildOrganization(seeds(), 2026);

  it('has 397 districts and a realistic school count (montana-facts.md §1.1: 826 schools)', () => {
    expect(org.districts).toHaveLength(397);
    expect(org.schools.length).toBeGreaterThanOrEqual(800);
    expect(org.schools.length).toBeLessThanOrEqual(850);
  });

  it('is deterministic', () => {
    expect(buildOrganization(seeds(), 2026)).toEqual(org);
  });

  it('numbers schools uniquely with 4 digits, calendars with 3 digits unique per district', () => {
    const numbers = org.schools.map((s) => s.schoolNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.every((n) => /^\d{4}$/.test(n))).toBe(true);
    const keys = org.calendars.map((c) => `${c.districtNumber}/${c.calendarNumber}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(org.calendars.every((c) => /^\d{3}$/.test(c.calendarNumber))).toBe(true);
  });

  it('gives every district at least one school and one regular calendar', () => {
    for (const d of org.districts) {
      expect(org.schools.some((s) => s.districtNumber === d.districtNumber)).toBe(true);
      expect(org.calendars.some((c) => c.districtNumber === d.districtNumber && c.type === 'R')).toBe(true);
    }
  });

  it('gives K-12 districts both legal entities and unique 4-character LE codes', () => {
    const k12 = org.districts.filter((d) => d.level === 'k12');
    expect(
      k12.every((d) => d.legalEntities.map((l) => l.budgetUnit).join() === 'elementary,high_school'),
    ).toBe(true);
    const codes = org.districts.flatMap((d) => d.legalEntities.map((l) => l.code));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => c.length === 4)).toBe(true);
  });

  it('runs several elementary, a middle and several high schools in Billings, one school in a tiny district', () => {
    const billings = (name: string) => org.districts.find((d) => d.name === name)!.districtNumber;
    const elem = org.schools.filter((s) => s.districtNumber === billings('Billings Elem'));
    expect(elem.filter((s) => s.kind === 'elementary').length).toBeGreaterThan(5);
    expect(elem.some((s) => s.kind === 'middle')).toBe(true);
    const high = org.schools.filter((s) => s.districtNumber === billings('Billings H S'));
    expect(high.map((s) => s.name)).toContain('Billings Senior High');
    expect(org.schools.filter((s) => s.districtNumber === billings('Galata Elem'))).toHaveLength(1);
  });

  it('keeps grade spans ordered and calendars consistent', () => {
    expect(org.schools.every((s) => gradeLevel(s.lowGrade) <= gradeLevel(s.highGrade))).toBe(true);
    for (const c of org.calendars.slice(0, 50)) {
      const days = calendarDates(c);
      expect(days).toHaveLength(c.instructionalDays);
      expect(days[0]).toBe(c.startDate);
      expect(days[days.length - 1]).toBe(c.endDate);
      expect(c.startDate >= '2025-07-01' && c.endDate <= '2026-06-30').toBe(true);
    }
    expect(org.calendars.some((c) => c.type === 'J')).toBe(true);
  });

  it('sends elementary districts to a high-school district', () => {
    const kal = org.districts.find((d) => d.name === 'Billings Elem')!;
    const hs = org.districts.find((d) => d.districtNumber === kal.highSchoolDistrictNumber);
    expect(hs?.name).toBe('Billings H S');
    expect(
      org.districts.filter((d) => d.level === 'elementary').every((d) => d.highSchoolDistrictNumber),
    ).toBe(true);
  });
});
