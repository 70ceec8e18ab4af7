import { describe, expect, it } from 'vitest';
import {
  age19WithoutFlag,
  ageOn,
  attendanceExceedsEnrolled,
  catalogueProblems,
  cteConcentrator,
  cteContactDate,
  cteCreditsSum,
  diplomaIncomplete,
  dropoutWithoutReason,
  earlyLiteracyUnderAge,
  extracurricularExitStatus,
  giftedEvaluatedInFuture,
  homelessMismatch,
  militaryStartWithoutConnection,
  missingFirstEntered9th,
  missingStartStatus,
  spansOverlap,
  tenDayRule,
  type EnrollmentFacts,
  type RowRule,
  type RuleDefinition,
} from './index.ts';

// Table-driven: every case names the spec rule it pins down; each pure rule has a passing and a failing case.
type Case<Row, P> = { name: string; row: Row; params: P; fails: boolean };

function table<Row, P>(rule: RowRule<Row, P>, cases: Case<Row, P>[]): void {
  describe(rule.id, () => {
    it.each(cases)('$name', ({ row, params, fails }) => {
      const message = rule.check(row, params);
      expect(message !== null, message ?? 'passed').toBe(fails);
    });
  });
}

const en = (over: Partial<EnrollmentFacts>): EnrollmentFacts => ({
  gradeLevel: '05',
  startStatus: '01',
  endDate: null,
  endStatus: null,
  ...over,
});
const none = {} as Record<string, never>;

table(missingStartStatus, [
  {
    name: 'montana-aim.md §6.4 R04 [V S24]: start status given passes',
    row: en({}),
    params: none,
    fails: false,
  },
  {
    name: 'montana-aim.md §6.4 R04 [V S24]: empty start status fails',
    row: en({ startStatus: ' ' }),
    params: none,
    fails: true,
  },
]);

const military = { militaryStartStatuses: ['40', '60', '80'] };
table(militaryStartWithoutConnection, [
  {
    name: 'R05 [V S24]: status 40 with a connection passes',
    row: en({ startStatus: '40', militaryConnectionStatus: 'ADN' }),
    params: military,
    fails: false,
  },
  {
    name: 'R05 [V S24]: status 04 needs no connection',
    row: en({ startStatus: '04' }),
    params: military,
    fails: false,
  },
  {
    name: 'R05 [V S24]: status 60 without a connection fails',
    row: en({ startStatus: '60' }),
    params: military,
    fails: true,
  },
]);

const dropout = { dropoutEndStatuses: ['300', '310', '320', '330', '340'] };
table(dropoutWithoutReason, [
  {
    name: 'R06 [V S24]: dropout 320 with a reason passes',
    row: en({ endStatus: '320', dropOutReason: 'Family' }),
    params: dropout,
    fails: false,
  },
  {
    name: 'R06 [V S24]: end status 160 needs no reason',
    row: en({ endStatus: '160' }),
    params: dropout,
    fails: false,
  },
  {
    name: 'R06 [V S24]: dropout 300 without a reason fails',
    row: en({ endStatus: '300', dropOutReason: '' }),
    params: dropout,
    fails: true,
  },
]);

const allowed = { allowedEndStatuses: ['160'] };
table(extracurricularExitStatus, [
  {
    name: 'R07 [V S24]: extracurricular-only ended 160 passes',
    row: en({ extracurricularOnly: true, endStatus: '160' }),
    params: allowed,
    fails: false,
  },
  {
    name: 'R07 [V S24]: extracurricular-only still open passes',
    row: en({ extracurricularOnly: true }),
    params: allowed,
    fails: false,
  },
  {
    name: 'R07 [V S24]: extracurricular-only ended 200 fails',
    row: en({ extracurricularOnly: true, endStatus: '200' }),
    params: allowed,
    fails: true,
  },
  {
    name: 'R07 [V S24]: a regular enrollment ended 200 passes',
    row: en({ extracurricularOnly: false, endStatus: '200' }),
    params: allowed,
    fails: false,
  },
]);

table(age19WithoutFlag, [
  {
    name: 'R14 [I S06]: 18 on Sept 10 passes',
    row: en({ birthDate: '2006-09-11' }),
    params: { schoolYear: 2026 },
    fails: false,
  },
  {
    name: 'R14 [I S06]: 19 on Sept 10 with the flag passes',
    row: en({ birthDate: '2006-09-10', age1920Eligible: true }),
    params: { schoolYear: 2026 },
    fails: false,
  },
  {
    name: 'R14 [I S06]: 19 on Sept 10 (birthday that day) without the flag fails',
    row: en({ birthDate: '2006-09-10' }),
    params: { schoolYear: 2026 },
    fails: true,
  },
]);

table(diplomaIncomplete, [
  {
    name: 'R17 [V S11]: all three diploma fields pass',
    row: en({ diplomaDate: '2026-01-15', diplomaType: '01', diplomaPeriod: 'M' }),
    params: none,
    fails: false,
  },
  { name: 'R17 [V S11]: no diploma fields pass', row: en({}), params: none, fails: false },
  {
    name: 'R17 [V S11]: a diploma date without type and period fails',
    row: en({ diplomaDate: '2026-01-15' }),
    params: none,
    fails: true,
  },
]);

const cohort = { graduateEndStatuses: ['400', '410'], cohortGrades: ['09', '10', '11', '12'] };
table(missingFirstEntered9th, [
  {
    name: 'R18 [V S06]: grade 10 with the date passes',
    row: en({ gradeLevel: '10', dateFirstEntered9thGrade: '2024-08-26' }),
    params: cohort,
    fails: false,
  },
  { name: 'R18 [V S06]: grade 8 needs no date', row: en({ gradeLevel: '08' }), params: cohort, fails: false },
  {
    name: 'R18 [V S06]: grade 12 graduate without the date fails',
    row: en({ gradeLevel: '12', endStatus: '400' }),
    params: cohort,
    fails: true,
  },
]);

const literacy = { schoolYear: 2026, minimumAge: { C: 4, H: 4, J: 5 } };
table(earlyLiteracyUnderAge, [
  {
    name: 'R37 [V S54]: classroom-based, 4 by Sept 10 passes',
    row: en({ gradeLevel: 'PK', earlyLiteracyProgram: 'C', birthDate: '2021-09-10' }),
    params: literacy,
    fails: false,
  },
  {
    name: 'R37 [V S54]: classroom-based, 3 on Sept 10 fails',
    row: en({ gradeLevel: 'PK', earlyLiteracyProgram: 'C', birthDate: '2021-09-11' }),
    params: literacy,
    fails: true,
  },
  {
    name: 'R37 [V S54]: Jumpstart at 4 fails',
    row: en({ gradeLevel: 'KF', earlyLiteracyProgram: 'J', birthDate: '2021-01-01' }),
    params: literacy,
    fails: true,
  },
]);

table(tenDayRule, [
  {
    name: 'R12 [V S11, S04]: 11 absences flagged Exclude ANB pass',
    row: { absent: 11, excludeAnb: true },
    params: none,
    fails: false,
  },
  {
    name: 'R12 [V S11, S04]: 10 absences need no flag',
    row: { absent: 10, excludeAnb: false },
    params: none,
    fails: false,
  },
  {
    name: 'R12 [V S11, S04]: 11 absences not flagged fail',
    row: { absent: 11, excludeAnb: null },
    params: none,
    fails: true,
  },
]);

table(attendanceExceedsEnrolled, [
  {
    name: 'R21 [I]: present within enrolled passes',
    row: { daysEnrolled: 170, daysPresent: 165.5, essaDaysAbsent: 5 },
    params: none,
    fails: false,
  },
  {
    name: 'R21 [I]: present above enrolled fails',
    row: { daysEnrolled: 170, daysPresent: 171, essaDaysAbsent: 0 },
    params: none,
    fails: true,
  },
  {
    name: 'R21 [I]: ESSA absent above enrolled fails',
    row: { daysEnrolled: 10, daysPresent: 0, essaDaysAbsent: 11 },
    params: none,
    fails: true,
  },
]);

table(homelessMismatch, [
  {
    name: 'R24 [I S49]: homeless with a residence passes',
    row: { homeless: true, homelessNighttimeResidence: '2' },
    params: none,
    fails: false,
  },
  {
    name: 'R24 [I S49]: homeless without a residence fails',
    row: { homeless: true, homelessNighttimeResidence: null },
    params: none,
    fails: true,
  },
  {
    name: 'R24 [I S49]: residence without the homeless flag fails',
    row: { homeless: false, homelessNighttimeResidence: '1' },
    params: none,
    fails: true,
  },
]);

table(giftedEvaluatedInFuture, [
  {
    name: 'R26 [V S40]: evaluated today passes',
    row: { homeless: null, homelessNighttimeResidence: null, giftedEvaluatedDate: '2026-03-01' },
    params: { today: '2026-03-01' },
    fails: false,
  },
  {
    name: 'R26 [V S40]: evaluated tomorrow fails',
    row: { homeless: null, homelessNighttimeResidence: null, giftedEvaluatedDate: '2026-03-02' },
    params: { today: '2026-03-01' },
    fails: true,
  },
]);

table(cteConcentrator, [
  {
    name: 'R27 [V S34]: 2.0 credits and a concentrator pass',
    row: { districtCredits: 2, transferCredits: 0, pathwayCredits: 2, concentrator: true },
    params: { concentratorCredits: 2 },
    fails: false,
  },
  {
    name: 'R27 [V S34]: 2.5 credits, not a concentrator, fails',
    row: { districtCredits: 2, transferCredits: 0.5, pathwayCredits: 2.5, concentrator: false },
    params: { concentratorCredits: 2 },
    fails: true,
  },
]);

table(cteCreditsSum, [
  {
    name: 'R27 [V S34]: pathway = district + transfer passes',
    row: { districtCredits: 1.5, transferCredits: 0.5, pathwayCredits: 2, concentrator: true },
    params: none,
    fails: false,
  },
  {
    name: 'R27 [V S34]: pathway ≠ district + transfer fails',
    row: { districtCredits: 1.5, transferCredits: 0.5, pathwayCredits: 2.5, concentrator: true },
    params: none,
    fails: true,
  },
]);

const contact = { schoolYear: 2026, today: '2026-03-01' };
table(cteContactDate, [
  {
    name: 'R28 [V S35]: Nov 3 after a June exit passes',
    row: { dateContacted: '2025-11-03', exitDate: '2025-06-05' },
    params: contact,
    fails: false,
  },
  {
    name: 'R28 [V S35]: Jan 5 is outside Oct 1 – Dec 31',
    row: { dateContacted: '2026-01-05', exitDate: null },
    params: contact,
    fails: true,
  },
  {
    name: 'R28 [V S35]: before the exit date fails',
    row: { dateContacted: '2025-10-02', exitDate: '2025-10-15' },
    params: contact,
    fails: true,
  },
  {
    name: 'R28 [V S35]: in the future fails',
    row: { dateContacted: '2025-12-01', exitDate: null },
    params: { schoolYear: 2026, today: '2025-11-01' },
    fails: true,
  },
]);

describe('dates', () => {
  it('counts age in whole years (montana-aim.md §8.1 "aged 19 by Sept 10")', () => {
    expect(ageOn('2006-09-10', '2025-09-10')).toBe(19);
    expect(ageOn('2006-09-11', '2025-09-10')).toBe(18);
  });
  it('treats an open span as running on (montana-aim.md §6.4 R03 overlap)', () => {
    expect(spansOverlap({ start: '2025-09-01', end: null }, { start: '2026-01-01', end: '2026-02-01' })).toBe(
      true,
    );
    expect(spansOverlap({ start: '2025-09-01', end: '2025-12-31' }, { start: '2026-01-01', end: null })).toBe(
      false,
    );
  });
});

describe('catalogue against implementation', () => {
  const rule = (id: string, status: RuleDefinition['status']): RuleDefinition => ({
    id,
    status,
    severity: 'fatal',
    kind: 'record',
    stage: 'statewide',
    recordTypes: [],
    collections: [],
    description: 'd',
    fixHint: 'f',
    source: 's',
  });
  it('accepts a catalogue that matches the implemented checks', () => {
    expect(
      catalogueProblems([rule('A-1', 'evaluated'), rule('B-2', 'not-evaluated')], new Set(['A-1'])),
    ).toEqual([]);
  });
  it('reports unimplemented, uncatalogued, duplicate and wrongly not-evaluated ids', () => {
    const problems = catalogueProblems(
      [rule('A-1', 'evaluated'), rule('A-1', 'evaluated'), rule('B-2', 'not-evaluated')],
      new Set(['B-2', 'C-3']),
    ).map((p) => p.id);
    expect(problems.sort()).toEqual(['A-1', 'A-1', 'A-1', 'B-2', 'C-3']);
  });
});
