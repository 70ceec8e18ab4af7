import { describe, expect, it } from 'vitest';
import { averageDailyAttendance, eoyAttendanceRate } from './ada.ts';
import type { AdaRow } from './ada.ts';
import { fundingSettings } from './settings.ts';

const settings = fundingSettings();
const rows = (n: number, row: Omit<AdaRow, 'stateId'>): AdaRow[] =>
  Array.from({ length: n }, (_, i) => ({ stateId: String(i), ...row }));

describe('averageDailyAttendance (ARM 10.15.101(3))', () => {
  it('reproduces montana-aim.md §8.4: (95 + 97)/2 + (10 + 9)/4 = 100.75', () => {
    const halfK = { grade: 'KG' as const, aggregateHours: 360, present: true };
    const result = averageDailyAttendance(
      {
        fall: [
          ...rows(95, { grade: '03', present: true }),
          ...rows(10, halfK),
          ...rows(4, { grade: '03', present: false }),
        ],
        spring: [...rows(97, { grade: '03', present: true }), ...rows(9, halfK)],
      },
      settings,
    );
    expect(result.ada).toBe(100.75);
    expect(result.fullWeightPresent).toEqual({ fall: 95, spring: 97 });
    expect(result.halfWeightPresent).toEqual({ fall: 10, spring: 9 });
  });

  it.each<[Omit<AdaRow, 'stateId'>, number, string]>([
    [{ grade: '01', present: true }, 0.5, 'fall: present, grade 01 → 1/2'],
    [{ grade: 'KF', aggregateHours: 720, present: true }, 0.5, 'fall: present, grade KF → 1/2'],
    [{ grade: 'KF', present: true }, 0.5, 'fall: present, grade KF → 1/2'],
    [{ grade: 'KG', present: true }, 0.25, 'fall: present, half-time kindergarten (KG) → 1/4'],
    [
      { grade: 'KF', aggregateHours: 400, present: true },
      0.25,
      'fall: present, half-time kindergarten (400 h) → 1/4',
    ],
    [{ grade: 'PK', present: true }, 0.25, 'fall: present, prekindergarten → 1/4'],
    [{ grade: '09', present: false }, 0, 'fall: absent on the report date'],
  ])('%o', (row, contribution, explanation) => {
    const result = averageDailyAttendance({ fall: [{ stateId: 'x', ...row }], spring: [] }, settings);
    expect(result.lines[0]).toEqual({ stateId: 'x', date: 'fall', contribution, explanation });
    expect(result.ada).toBe(contribution);
  });
});

describe('eoyAttendanceRate (montana-aim.md §8.4)', () => {
  it('divides Σ present by Σ enrolled over primary enrollments', () => {
    const result = eoyAttendanceRate(
      [
        { stateId: 'a', serviceType: 'P', daysEnrolled: 180, daysPresent: 171.5 },
        { stateId: 'b', serviceType: 'P', daysEnrolled: 20, daysPresent: 18.5 },
        { stateId: 'c', serviceType: 'S', daysEnrolled: 180, daysPresent: 10 },
        { stateId: 'd', serviceType: 'P', daysEnrolled: 100, daysPresent: 120 },
      ],
      settings,
    );
    expect(result).toMatchObject({ daysEnrolled: 200, daysPresent: 190, rate: 0.95 });
    expect(result.lines.map((l) => l.explanation)).toEqual([
      'included: 171.5 of 180 days present',
      'included: 18.5 of 20 days present',
      'excluded: service type S reports no EOY days',
      'excluded: days present 120 outside 0–100 days enrolled (R21)',
    ]);
  });

  it('includes secondary enrollments when the setting lists them (2017 rule) and has no rate without days', () => {
    const both = fundingSettings({ eoyServiceTypes: ['P', 'S'] });
    expect(
      eoyAttendanceRate([{ stateId: 'c', serviceType: 'S', daysEnrolled: 10, daysPresent: 5 }], both).rate,
    ).toBe(0.5);
    expect(eoyAttendanceRate([], settings).rate).toBeNull();
  });
});
