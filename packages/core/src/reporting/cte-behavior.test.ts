import { describe, expect, it } from 'vitest';
import { reportableBehavior } from './behavior.ts';
import type { BehaviorRow } from './behavior.ts';
import { cteConcentrators } from './cte-concentrators.ts';
import type { CtePathwayRow } from './cte-concentrators.ts';
import { reportingSettings } from './settings.ts';

const settings = reportingSettings();

describe('cteConcentrators (montana-aim.md §2.6, R27)', () => {
  const row = (o: Partial<CtePathwayRow>): CtePathwayRow => ({
    stateId: 'a',
    pathway: 'AG',
    grade: '11',
    districtCredits: 0,
    transferCredits: 0,
    ...o,
  });

  it.each<[string, Partial<CtePathwayRow>[], boolean, string]>([
    [
      'district plus transfer credits reach 2.0',
      [{ districtCredits: 1.5, transferCredits: 0.5 }],
      true,
      'concentrator: 2 credits in AG (district 1.5 + transfer 0.5), at least 2',
    ],
    [
      'credits split over two pathways do not add up',
      [{ districtCredits: 1.5 }, { pathway: 'BU', districtCredits: 1 }],
      false,
      'participant: at most 1.5 credits in AG (district 1.5 + transfer 0), below 2',
    ],
    [
      'reported flag disagrees',
      [{ districtCredits: 2.5, reportedConcentrator: false }],
      true,
      'concentrator: 2.5 credits in AG (district 2.5 + transfer 0), at least 2; reported N (R27)',
    ],
  ])('%s', (_name, rows, concentrator, explanation) => {
    expect(cteConcentrators(rows.map(row), settings).lines[0]).toMatchObject({ concentrator, explanation });
  });

  it('counts students once and leaves out grades below 9', () => {
    const result = cteConcentrators(
      [
        row({ districtCredits: 2 }),
        row({ pathway: 'BU', districtCredits: 3 }),
        row({ stateId: 'b', grade: '08', districtCredits: 3 }),
      ],
      settings,
    );
    expect(result).toMatchObject({ participants: 1, concentrators: 1 });
  });
});

describe('reportableBehavior (montana-aim.md §2.7 S15)', () => {
  const row = (o: Partial<BehaviorRow>): BehaviorRow => ({
    incidentId: 'i1',
    stateId: 'a',
    incidentDate: '2025-11-03',
    eventCode: 'FIT',
    primaryEvent: true,
    resolutionCode: 'OSS',
    durationDays: 3,
    studentHasDisability: false,
    ...o,
  });

  it.each<[string, Partial<BehaviorRow>, boolean, string]>([
    ['out-of-school suspension', {}, true, 'reportable: OSS for FIT, 3 days'],
    ['expulsion', { resolutionCode: 'EXP', durationDays: 90 }, true, 'reportable: EXP for FIT, 90 days'],
    [
      'ISS, general education',
      { resolutionCode: 'ISS' },
      false,
      'not required: ISS of a student without a disability',
    ],
    [
      'ISS, student with a disability',
      { resolutionCode: 'ISS', studentHasDisability: true },
      true,
      'reportable: ISS for FIT, 3 days',
    ],
    ['unmapped resolution', { resolutionCode: null }, false, 'not reportable: resolution unmapped (R35)'],
    ['not the primary behavior', { primaryEvent: false }, false, 'not extracted: not the primary behavior'],
    ['outside the year', { incidentDate: '2026-07-01' }, false, 'not reportable: 2026-07-01 outside 2025-26'],
  ])('%s', (_name, o, reportable, explanation) => {
    expect(reportableBehavior([row(o)], { schoolYear: 2026 }, settings).lines[0]).toMatchObject({
      reportable,
      explanation,
    });
  });

  it('counts incidents, students and FS006 removal lengths by cumulative days', () => {
    const result = reportableBehavior(
      [
        row({ incidentId: 'i1', stateId: 'a', studentHasDisability: true, durationDays: 6 }),
        row({ incidentId: 'i2', stateId: 'a', studentHasDisability: true, durationDays: 5 }),
        row({
          incidentId: 'i3',
          stateId: 'b',
          studentHasDisability: true,
          resolutionCode: 'ISS',
          durationDays: 2,
        }),
        row({ incidentId: 'i4', stateId: 'c', resolutionCode: 'ISS' }),
        row({ incidentId: 'i5', stateId: 'd', resolutionCode: 'EXP' }),
      ],
      { schoolYear: 2026 },
      settings,
    );
    expect(result).toMatchObject({ incidents: 4, students: 3, byResolution: { OSS: 2, ISS: 1, EXP: 1 } });
    expect(result.idea).toEqual({
      inSchool: { upTo10: 1, over10: 0 },
      outOfSchool: { upTo10: 0, over10: 1 },
    });
  });
});
