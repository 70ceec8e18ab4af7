import { describe, expect, it } from 'vitest';
import { graduationCohort } from './graduation-cohort.ts';
import type { CohortStatus, CohortStudent } from './graduation-cohort.ts';
import { reportingSettings } from './settings.ts';

const settings = reportingSettings();
// Cohort 2021-22 (first entered grade 9 then): four years run to the end of 2024-25.
const cohort = { cohortYear: 2022 };
const student = (o: Partial<CohortStudent>): CohortStudent => ({
  stateId: '000000001',
  firstEntered9thGrade: '2021-08-25',
  ...o,
});

describe('graduationCohort (montana-aim.md §2.10; edfacts.md §7)', () => {
  it.each<[string, Partial<CohortStudent>, CohortStatus, string]>([
    [
      'graduate on time',
      { diploma: { date: '2025-05-31', kind: 'regular' } },
      'COHYES',
      'graduate: regular diploma 2025-05-31 (2024-25)',
    ],
    [
      'summer graduate',
      { diploma: { date: '2025-08-01', kind: 'regular' } },
      'COHYES',
      'graduate: regular diploma 2025-08-01 (2024-25)',
    ],
    [
      'fifth-year graduate',
      { diploma: { date: '2025-12-19', kind: 'regular' } },
      'COHNO',
      'not in time: diploma 2025-12-19 (2025-26) after 2024-25',
    ],
    [
      'IEP-goals diploma',
      { diploma: { date: '2025-05-31', kind: 'iep-goals' } },
      'COHNO',
      'not a graduate for the rate: iep-goals diploma is not a regular diploma',
    ],
    [
      'transfer in who graduates',
      { transferredIn: true, diploma: { date: '2025-05-31', kind: 'state-minimum-credit' } },
      'COHYES',
      'transferred in; graduate: state-minimum-credit diploma 2025-05-31 (2024-25)',
    ],
    [
      'documented transfer out',
      { removal: { reason: 'transferred-out', date: '2023-03-01', documented: true } },
      'COHREM',
      'removed: transferred out 2023-03-01, documented',
    ],
    [
      'undocumented transfer out',
      { removal: { reason: 'transferred-out', date: '2023-03-01', documented: false } },
      'COHNO',
      'kept as non-graduate: transferred out 2023-03-01 without documentation',
    ],
    [
      'emigrated',
      { removal: { reason: 'emigrated', date: '2024-01-10', documented: true } },
      'COHREM',
      'removed: emigrated 2024-01-10, documented',
    ],
    [
      'deceased',
      { removal: { reason: 'deceased', date: '2024-01-10', documented: true } },
      'COHREM',
      'removed: deceased 2024-01-10, documented',
    ],
    ['dropout', { dropout: true }, 'COHNO', 'non-graduate: dropout'],
    ['GED through the district', { otherCompleter: true }, 'COHNO', 'non-graduate: other completer (GED)'],
    ['still enrolled', {}, 'COHNO', 'non-graduate: no diploma by the end of 2024-25'],
    [
      'other cohort',
      { firstEntered9thGrade: '2022-08-24' },
      'not-in-cohort',
      'not in cohort: first entered grade 9 in 2022-23',
    ],
    [
      'no first-9th-grade date',
      { firstEntered9thGrade: null },
      'not-in-cohort',
      'not in cohort: no Date First Entered 9th Grade (R18)',
    ],
  ])('%s', (_name, o, status, explanation) => {
    expect(graduationCohort([student(o)], cohort, settings).lines[0]).toEqual({
      stateId: '000000001',
      status,
      explanation,
    });
  });

  it('divides graduates by the adjusted cohort', () => {
    const students = [
      student({ stateId: 'a', diploma: { date: '2025-05-31', kind: 'regular' } }),
      student({ stateId: 'b', diploma: { date: '2025-05-31', kind: 'regular' } }),
      student({ stateId: 'c', diploma: { date: '2025-05-31', kind: 'regular' } }),
      student({ stateId: 'd', dropout: true }),
      student({ stateId: 'e', removal: { reason: 'deceased', date: '2023-01-01', documented: true } }),
      student({ stateId: 'f', firstEntered9thGrade: '2020-08-26' }),
    ];
    const result = graduationCohort(students, cohort, settings);
    expect(result).toMatchObject({ adjustedCohort: 4, graduates: 3, removed: 1, rate: 0.75 });
  });

  it('extends to a 5-year cohort', () => {
    const late = student({ diploma: { date: '2025-12-19', kind: 'regular' } });
    expect(graduationCohort([late], { cohortYear: 2022, years: 5 }, settings).graduates).toBe(1);
  });

  it('counts proficiency diplomas when the setting lists them', () => {
    const s = reportingSettings({ acgrDiplomaKinds: ['regular', 'state-minimum-credit', 'proficiency'] });
    const p = student({ diploma: { date: '2025-05-31', kind: 'proficiency' } });
    expect(graduationCohort([p], cohort, s).rate).toBe(1);
    expect(graduationCohort([p], cohort, settings).rate).toBe(0);
  });
});
