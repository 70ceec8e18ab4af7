// An uploaded EWS row (decision 0071) must give exactly the features the live path gives for the same facts:
// the same `featuresAsOf` runs on both, the uploaded row only rebuilds the inputs from its totals and counts.
import { describe, expect, it } from 'vitest';
import { featuresAsOf, type EwsGrade, type StudentFeatureInputs } from './features.ts';
import { featuresFromTotals, inputsFromTerms, totalsOfTerms, type EwsTerm } from './terms.ts';
import { featuresFromUploaded, type UploadedEwsRow } from './uploaded.ts';

/** A grade-9 student in 2025-26 with moves last year and this year, a summer move and a partial enrollment. */
const enrollments: StudentFeatureInputs['enrollments'] = [
  { districtId: 'D1', schoolId: 'S1', startDate: '2024-08-25', endDate: '2025-01-15', primary: true },
  { districtId: 'D1', schoolId: 'S2', startDate: '2025-01-16', endDate: '2025-06-05', primary: true },
  { districtId: 'D2', schoolId: 'S3', startDate: '2025-08-27', endDate: '2025-10-10', primary: true },
  { districtId: 'D9', schoolId: 'S9', startDate: '2025-09-01', endDate: null, primary: false },
  { districtId: 'D3', schoolId: 'S4', startDate: '2025-10-13', endDate: null, primary: true },
];

const term = (termEnd: string, gradeLevel: string, t: Partial<EwsTerm>): EwsTerm => ({
  termEnd,
  gradeLevel,
  daysEnrolled: 0,
  daysPresent: 0,
  behaviorIncidents: 0,
  suspensionDays: 0,
  coursesFailed: 0,
  creditsEarned: 0,
  ...t,
});

const terms: EwsTerm[] = [
  term('2025-06-05', '08', { daysEnrolled: 80, daysPresent: 70, behaviorIncidents: 4, coursesFailed: 2 }),
  term('2025-10-31', '09', {
    daysEnrolled: 42,
    daysPresent: 37.5,
    behaviorIncidents: 2,
    suspensionDays: 3,
    coursesFailed: 1,
    creditsEarned: 1.5,
  }),
  term('2025-11-30', '09', { daysEnrolled: 18, daysPresent: 16, behaviorIncidents: 1, creditsEarned: 0.5 }),
  term('2026-01-20', '09', { daysEnrolled: 30, daysPresent: 10, behaviorIncidents: 5 }),
];

/** What the district writes in the EWS data file for this student as of 1 December 2025. */
const uploaded: UploadedEwsRow = {
  asOf: '2025-12-01',
  grade: 9,
  birthDate: '2009-08-01',
  daysEnrolled: 60,
  daysAbsent: 6.5,
  behaviorEvents: 3,
  suspensionDays: 3,
  courseFailures: 1,
  creditsEarned: 2,
  schoolChangesThisYear: 1,
  schoolChangesLastYear: 1,
  districtChangesThisYear: 1,
  districtChangesLastYear: 0,
};

describe('featuresFromUploaded', () => {
  it('gives the live path’s vector for the same student (totals and enrollments on record)', () => {
    const live = featuresFromTotals(
      { birthDate: '2009-08-01', enrollments, totals: totalsOfTerms(terms, '2025-12-01') },
      '2025-12-01',
      9,
    );
    expect(featuresFromUploaded(uploaded)).toEqual(live);
    expect(live.overAge).toBe(1);
    expect(live.schoolChangesThisYear).toBe(1);
  });

  it('gives featuresAsOf’s vector on the dated inputs (terms expanded, as training sees them)', () => {
    const raw = featuresAsOf(
      { birthDate: '2009-08-01', enrollments, ...inputsFromTerms(terms) },
      '2025-12-01',
      9,
    );
    expect(featuresFromUploaded(uploaded)).toEqual(raw);
  });

  it('reads each count back unchanged, whatever the grade, date and mobility', () => {
    const grades: EwsGrade[] = [6, 8, 9, 12];
    for (const grade of grades)
      for (const asOf of ['2025-07-01', '2025-12-01', '2026-06-30'])
        for (const [st, sl, dt, dl] of [
          [0, 0, 0, 0],
          [3, 2, 1, 2],
          [5, 0, 5, 0],
        ] as const) {
          const row: UploadedEwsRow = {
            ...uploaded,
            grade,
            asOf,
            schoolChangesThisYear: st,
            schoolChangesLastYear: sl,
            districtChangesThisYear: dt,
            districtChangesLastYear: dl,
          };
          const v = featuresFromUploaded(row);
          expect([v.schoolChangesThisYear, v.schoolChangesLastYear]).toEqual([st, sl]);
          expect([v.districtChangesThisYear, v.districtChangesLastYear]).toEqual([dt, dl]);
          expect(v.attendanceRate).toBe(53.5 / 60);
          expect(v.creditsEarned).toBe(grade >= 9 ? 2 : null);
          expect([v.behaviorEvents, v.suspensionDays, v.courseFailures]).toEqual([3, 3, 1]);
        }
  });

  it('leaves attendance unknown with no days enrolled and over-age unknown with no birth date', () => {
    const v = featuresFromUploaded({ ...uploaded, daysEnrolled: 0, daysAbsent: 0, birthDate: null });
    expect(v.attendanceRate).toBeNull();
    expect(v.chronicAbsence).toBeNull();
    expect(v.overAge).toBeNull();
  });
});
