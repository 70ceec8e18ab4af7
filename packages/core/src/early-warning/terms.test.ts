import { describe, expect, it } from 'vitest';
import type { EwsGrade } from './features.ts';
import { featuresFromStored, featuresFromTotals, totalsOfTerms, type EwsTerm } from './terms.ts';

// A small deterministic generator: terms across three school years, some after the as-of date.
function randomTerms(seed: number): EwsTerm[] {
  let s = seed;
  const next = (k: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % k;
  };
  const ends = [
    '2023-01-20',
    '2023-06-05',
    '2024-01-19',
    '2024-06-04',
    '2024-11-01',
    '2025-01-17',
    '2025-06-03',
  ];
  return ends
    .filter(() => next(4) > 0)
    .map((termEnd) => {
      const daysEnrolled = next(3) === 0 ? 0 : 40 + next(50);
      return {
        termEnd,
        gradeLevel: ['07', '08', '09', '10'][next(4)]!,
        daysEnrolled,
        daysPresent: daysEnrolled === 0 ? 0 : daysEnrolled - next(20),
        behaviorIncidents: next(3),
        suspensionDays: next(4) === 0 ? 1 + next(4) : 0,
        coursesFailed: next(3),
        creditsEarned: next(6) * 0.5,
      };
    });
}

describe('term totals', () => {
  it('give the same features as the terms themselves, as of any date', () => {
    const enrollments = [
      { districtId: '1', schoolId: '10', startDate: '2024-08-28', endDate: '2024-10-01', primary: true },
      { districtId: '2', schoolId: '20', startDate: '2024-10-02', endDate: null, primary: true },
    ];
    let compared = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const terms = randomTerms(seed);
      for (const asOf of ['2024-02-01', '2024-11-01', '2025-01-16', '2025-02-01', '2025-06-30']) {
        for (const grade of [8, 10] as EwsGrade[]) {
          const birthDate = seed % 5 === 0 ? null : '2009-03-15';
          const raw = { birthDate, enrollments };
          expect(featuresFromTotals({ ...raw, totals: totalsOfTerms(terms, asOf) }, asOf, grade)).toEqual(
            featuresFromStored({ ...raw, terms }, asOf, grade),
          );
          compared++;
        }
      }
    }
    expect(compared).toBe(2000);
  });

  it('leave out terms that end after the as-of date and earlier years except high-school credits', () => {
    const base: EwsTerm = {
      termEnd: '2024-06-04',
      gradeLevel: '09',
      daysEnrolled: 0,
      daysPresent: 0,
      behaviorIncidents: 0,
      suspensionDays: 0,
      coursesFailed: 0,
      creditsEarned: 0,
    };
    const t = totalsOfTerms(
      [
        { ...base, coursesFailed: 3, creditsEarned: 4, daysEnrolled: 90, daysPresent: 90 },
        {
          ...base,
          termEnd: '2024-12-20',
          gradeLevel: '10',
          daysEnrolled: 80,
          daysPresent: 70,
          suspensionDays: 2,
        },
        {
          ...base,
          termEnd: '2025-03-01',
          gradeLevel: '10',
          daysEnrolled: 50,
          creditsEarned: 3,
          coursesFailed: 1,
        },
      ],
      '2025-02-01',
    );
    expect(t).toEqual({
      daysEnrolled: 80,
      daysPresent: 70,
      behaviorIncidents: 1,
      suspensionDays: 2,
      coursesFailed: 0,
      highSchoolCredits: 4,
    });
  });
});
