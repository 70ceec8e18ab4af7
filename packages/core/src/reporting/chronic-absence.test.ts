import { describe, expect, it } from 'vitest';
import { chronicAbsence } from './chronic-absence.ts';
import type { ChronicAbsenceRow } from './chronic-absence.ts';
import { reportingSettings } from './settings.ts';

const settings = reportingSettings();
const row = (o: Partial<ChronicAbsenceRow>): ChronicAbsenceRow => ({
  stateId: '000000001',
  districtNumber: '0101',
  schoolNumber: '0001',
  grade: '05',
  daysEnrolled: 180,
  essaDaysAbsent: 0,
  ...o,
});

describe('chronicAbsence (montana-facts.md §3.10)', () => {
  it.each<[string, Partial<ChronicAbsenceRow>[], boolean | null, string]>([
    [
      'exactly 10%',
      [{ essaDaysAbsent: 18 }],
      true,
      'chronically absent: 18 of 180 days enrolled absent (10%), at least 10%',
    ],
    [
      'just below',
      [{ essaDaysAbsent: 17 }],
      false,
      'not chronically absent: 17 of 180 days enrolled absent (9.4%), below 10%',
    ],
    [
      'summed over two enrollments at one school',
      [
        { daysEnrolled: 60, essaDaysAbsent: 5 },
        { daysEnrolled: 40, essaDaysAbsent: 5 },
      ],
      true,
      'chronically absent: 10 of 100 days enrolled absent (10%), at least 10%',
    ],
    [
      'preschool',
      [{ grade: 'PK', essaDaysAbsent: 50 }],
      null,
      'not judged: grade PK is outside chronic absence',
    ],
    ['no days enrolled', [{ daysEnrolled: 0 }], null, 'not judged: 0 days enrolled'],
  ])('%s', (_name, rows, chronic, explanation) => {
    const [line] = chronicAbsence(rows.map(row), settings).lines;
    expect(line).toMatchObject({ chronic, explanation });
  });

  it('judges each school on its own (FS195 counts a student at each school)', () => {
    const result = chronicAbsence(
      [
        row({ schoolNumber: '0001', daysEnrolled: 90, essaDaysAbsent: 10 }),
        row({ schoolNumber: '0002', daysEnrolled: 90, essaDaysAbsent: 5 }),
      ],
      settings,
    );
    expect(result.lines.map((l) => l.chronic)).toEqual([true, false]);
    expect(result.schools).toEqual([
      { districtNumber: '0101', schoolNumber: '0001', students: 1, chronic: 1 },
      { districtNumber: '0101', schoolNumber: '0002', students: 1, chronic: 0 },
    ]);
  });

  it('applies a minimum of days enrolled when one is set', () => {
    const line = chronicAbsence(
      [row({ daysEnrolled: 5, essaDaysAbsent: 3 })],
      reportingSettings({ chronicAbsenceMinDaysEnrolled: 10 }),
    ).lines[0];
    expect(line).toMatchObject({ chronic: null, explanation: 'not judged: 5 days enrolled' });
  });
});
