// featuresAsOf on one hand-made student whose records straddle the as-of date and the school-year boundary.
import { describe, expect, it } from 'vitest';
import { featureNamesForGrade, featuresAsOf } from './features.ts';
import type { StudentFeatureInputs } from './features.ts';

/** A grade-9 student in 2025-26 with records before, inside and after the window; override what a case needs. */
function buildStudent(overrides: Partial<StudentFeatureInputs> = {}): StudentFeatureInputs {
  return {
    birthDate: '2010-09-11',
    enrollments: [
      { districtId: 'D1', schoolId: 'S1', startDate: '2024-08-25', endDate: '2025-01-15', primary: true },
      // Mid-year move last year, same district.
      { districtId: 'D1', schoolId: 'S2', startDate: '2025-01-16', endDate: '2025-06-05', primary: true },
      // Summer move into high school: not counted (feeder transition).
      { districtId: 'D2', schoolId: 'S3', startDate: '2025-08-27', endDate: '2025-10-10', primary: true },
      // A partial enrollment is not a move.
      { districtId: 'D9', schoolId: 'S9', startDate: '2025-09-01', endDate: null, primary: false },
      // Mid-year move this year, to another district.
      { districtId: 'D3', schoolId: 'S4', startDate: '2025-10-13', endDate: '2025-12-09', primary: true },
      // After the as-of date: invisible.
      { districtId: 'D3', schoolId: 'S5', startDate: '2025-12-10', endDate: null, primary: true },
    ],
    attendance: [
      { date: '2025-05-30', enrolledDays: 20, presentDays: 10 },
      { date: '2025-09-30', enrolledDays: 20, presentDays: 18 },
      { date: '2025-10-31', enrolledDays: 22, presentDays: 20 },
      { date: '2025-11-30', enrolledDays: 18, presentDays: 16 },
      { date: '2025-12-15', enrolledDays: 10, presentDays: 0 },
    ],
    behavior: [
      { incidentDate: '2025-04-01', resolution: 'expulsion', daysRemoved: 10 },
      { incidentDate: '2025-10-02', resolution: 'out-of-school-suspension', daysRemoved: 3 },
      { incidentDate: '2025-11-01', resolution: 'in-school-suspension', daysRemoved: 1 },
      { incidentDate: '2025-11-15', resolution: 'other', daysRemoved: 0 },
      { incidentDate: '2025-12-05', resolution: 'out-of-school-suspension', daysRemoved: 2 },
    ],
    courses: [
      { markDate: '2025-06-05', failed: true, creditsEarned: 0, highSchool: false },
      { markDate: '2025-06-05', failed: false, creditsEarned: 1, highSchool: true },
      { markDate: '2025-10-31', failed: true, creditsEarned: 0, highSchool: true },
      { markDate: '2025-11-20', failed: false, creditsEarned: 0.5, highSchool: true },
      { markDate: '2025-12-20', failed: false, creditsEarned: 0.5, highSchool: true },
    ],
    ...overrides,
  };
}

describe('featuresAsOf', () => {
  it('builds the year-to-date vector as of 1 December', () => {
    expect(featuresAsOf(buildStudent(), '2025-12-01', 9)).toEqual({
      attendanceRate: 54 / 60, // (18 + 20 + 16) / (20 + 22 + 18); May and 15 December are outside
      chronicAbsence: 1, // exactly 10 % missed counts (EWIMS "≥ 10 %")
      behaviorEvents: 2, // 2 Oct OSS and 15 Nov; the in-school suspension is left out
      suspensionDays: 3,
      courseFailures: 1, // June's failure belongs to last year
      creditsEarned: 1.5, // cumulative high-school credits posted by the as-of date
      schoolChangesThisYear: 1,
      schoolChangesLastYear: 1,
      districtChangesThisYear: 1,
      districtChangesLastYear: 0,
      overAge: 0,
    });
  });

  it('sees the later records when the as-of date moves on', () => {
    const v = featuresAsOf(buildStudent(), '2025-12-31', 9);
    expect(v.attendanceRate).toBeCloseTo(54 / 70, 12);
    expect(v.suspensionDays).toBe(5);
    expect(v.creditsEarned).toBe(2);
    expect(v.schoolChangesThisYear).toBe(2);
  });

  it('puts a June date in the school year that started the July before', () => {
    const v = featuresAsOf(buildStudent(), '2025-06-30', 8);
    expect(v.attendanceRate).toBe(0.5);
    expect(v.courseFailures).toBe(1);
    expect(v.suspensionDays).toBe(10);
    expect(v.schoolChangesThisYear).toBe(1);
  });

  const overAge: [string, string, number][] = [
    ['turned 15 on the cut-off day', '2010-09-10', 1],
    ['turns 15 the day after the cut-off', '2010-09-11', 0],
    ['two years older', '2008-01-01', 1],
  ];
  it.each(overAge)('over-age in grade 9: %s', (_, birthDate, expected) => {
    expect(featuresAsOf(buildStudent({ birthDate }), '2025-12-01', 9).overAge).toBe(expected);
  });

  it('leaves attendance null before any day is recorded, and credits null below grade 9', () => {
    const v = featuresAsOf(buildStudent({ attendance: [] }), '2025-12-01', 8);
    expect(v.attendanceRate).toBeNull();
    expect(v.chronicAbsence).toBeNull();
    expect(v.creditsEarned).toBeNull();
  });

  it('takes no demographic inputs (early-warning.md §4.4)', () => {
    // @ts-expect-error race/ethnicity is audit-only and cannot be a feature input
    const withRace: StudentFeatureInputs = { ...buildStudent(), raceEthnicity: 'W' };
    expect(Object.keys(featuresAsOf(withRace, '2025-12-01', 9))).not.toContain('raceEthnicity');
  });
});

describe('featureNamesForGrade', () => {
  it('uses credits from grade 9 only', () => {
    expect(featureNamesForGrade(8)).not.toContain('creditsEarned');
    expect(featureNamesForGrade(9)).toContain('creditsEarned');
    expect(featureNamesForGrade(12)).toHaveLength(11);
  });
});
