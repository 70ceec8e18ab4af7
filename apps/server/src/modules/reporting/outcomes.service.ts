/**
 * Graduation cohorts (4-year and extended), dropouts, CTE concentrators and reportable behavior of a district
 * or the state, with per-student lines and per-school figures, from live rows or certified snapshots (0049).
 */
import { computeNamedDates, DEFAULT_REPORTING_SETTINGS, type ReportingSettings } from '@bitterroot/core';
import {
  calendarRules,
  type OutcomeMeasure,
  type OutcomeQuery,
  type OutcomeReport,
  type Profile,
} from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { attendanceTraitRows, behaviorRows, cteRows } from './activity.repository.ts';
import {
  behaviorMeasure,
  cteMeasure,
  dropoutMeasure,
  figures,
  graduationMeasure,
  unitsOf,
  type MeasureResult,
  type Member,
} from './outcome-measures.ts';
import {
  cohortRows,
  dropoutRows,
  membershipRows,
  OUTCOME_COLLECTIONS,
  type ReadScope,
} from './outcomes.repository.ts';
import { DEFAULT_OUTCOME_SETTINGS, endStatusesOf, type OutcomeSettings } from './outcome-settings.ts';
import { districtExists } from './reporting.repository.ts';
import { snapshotIdsOf } from './source-rows.repository.ts';

/** A report, or why there is none. */
export type OutcomeOutcome = { kind: 'not-found' } | { kind: 'report'; report: OutcomeReport };

/** The outcomes service. */
export type OutcomesService = ReturnType<typeof outcomesService>;

const COLLECTION: Record<OutcomeMeasure, string> = {
  graduation: OUTCOME_COLLECTIONS.outcomes,
  dropouts: OUTCOME_COLLECTIONS.outcomes,
  cte: OUTCOME_COLLECTIONS.cte,
  behavior: OUTCOME_COLLECTIONS.behavior,
};

const LABELS: Record<OutcomeMeasure, [string, string]> = {
  graduation: ['graduates with a regular diploma in time', 'adjusted cohort'],
  dropouts: ['dropouts in grades 7–12', 'membership in grades 7–12 on the fall count date'],
  cte: ['CTE concentrators', 'CTE participants'],
  behavior: ['students with a reportable resolution', 'students with a behavior record'],
};

const GRADES_7_12 = new Set(['07', '08', '09', '10', '11', '12']);

/** Builds the outcomes service. */
export function outcomesService(
  db: Executor,
  profile: Profile,
  schoolYear: number,
  settings: { reporting: ReportingSettings; outcomes: OutcomeSettings } = {
    reporting: DEFAULT_REPORTING_SETTINGS,
    outcomes: DEFAULT_OUTCOME_SETTINGS,
  },
) {
  const ends = endStatusesOf(profile);
  const fallCountDate = (year: number) =>
    computeNamedDates(calendarRules(profile.calendar), year)['fall-count-date']!;

  /** The ACGR cohort that ends in `scope.schoolYear` after `years` years, first 9th-grade entry fixing it. */
  const graduation = async (scope: ReadScope, years: number) => {
    const cohortYear = scope.schoolYear - years + 1;
    const reads = await cohortRows(
      db,
      { ...scope, firstYear: cohortYear },
      { from: `${cohortYear - 1}-07-01`, to: `${cohortYear}-06-30` },
    );
    const result = graduationMeasure(reads, { cohortYear, years }, { ...settings, ends });
    return { reads, result };
  };

  const membership = (scope: ReadScope, anyService = false) =>
    membershipRows(db, scope, fallCountDate(scope.schoolYear), anyService);

  const measure = async (
    m: OutcomeMeasure,
    scope: ReadScope,
    years: number,
  ): Promise<{ result: MeasureResult; members: Member[]; withRate: boolean }> => {
    if (m === 'graduation') {
      const { result } = await graduation(scope, years);
      const members = result.lines.filter((l) => l.status === 'COHYES' || l.status === 'COHNO');
      return { result, members, withRate: true };
    }
    if (m === 'dropouts') {
      const [reads, members] = [await dropoutRows(db, scope), await membership(scope)];
      const result = dropoutMeasure(reads, members, scope.schoolYear, { ...settings, ends });
      return { result, members: members.filter((x) => GRADES_7_12.has(x.grade)), withRate: true };
    }
    if (m === 'cte') {
      const result = cteMeasure(await cteRows(db, scope), settings.reporting);
      return { result, members: result.lines, withRate: true };
    }
    const result = behaviorMeasure(await behaviorRows(db, scope), scope.schoolYear, settings.reporting);
    return { result, members: result.lines, withRate: false };
  };

  return {
    /** One measure of a district (or the state when `district` is null) with every student line. */
    async report(
      m: OutcomeMeasure,
      district: string | null,
      query: OutcomeQuery = {},
    ): Promise<OutcomeOutcome> {
      if (district !== null && !(await districtExists(db, district))) return { kind: 'not-found' };
      const scope: ReadScope = {
        source: query.source ?? 'live',
        schoolYear: query.year ?? schoolYear,
        district,
      };
      const { result, members, withRate } = await measure(m, scope, query.years ?? 4);
      const units = unitsOf(result.lines, members, withRate);
      const num = new Set(result.lines.filter((l) => l.counted).map((l) => l.stateId)).size;
      const den = new Set(members.map((x) => x.stateId)).size;
      const [numeratorLabel, denominatorLabel] = LABELS[m];
      const report: OutcomeReport = {
        measure: m,
        districtNumber: district,
        schoolYear: scope.schoolYear,
        source: scope.source,
        snapshots: scope.source === 'certified' ? await snapshotIdsOf(db, COLLECTION[m], district) : [],
        numeratorLabel,
        denominatorLabel,
        totals: figures(district, null, num, den, withRate),
        details: result.details,
        units: district === null ? units.filter((u) => u.schoolNumber === null) : units,
        lines: result.lines,
      };
      return { kind: 'report', report };
    },

    /** The cohort of a year with its lines and reads (EDFacts FS150/FS151, public graduation rates). */
    graduation,

    /** Membership on the fall count date with traits (EDFacts FS052, public enrollment tables; FS002 any service). */
    membership,

    /** Dropout lines with the reads' traits (EDFacts FS032, public dropout rates). */
    async dropouts(scope: ReadScope) {
      const [reads, members] = [await dropoutRows(db, scope), await membership(scope)];
      return {
        reads,
        members,
        result: dropoutMeasure(reads, members, scope.schoolYear, { ...settings, ends }),
      };
    },

    /** Behavior reads (EDFacts FS006). */
    behaviorReads: (scope: ReadScope) => behaviorRows(db, scope),

    /** EOY attendance rows with traits (EDFacts FS195, public chronic absence). */
    attendance: (scope: ReadScope) => attendanceTraitRows(db, scope),

    /** The fall count date of a year. */
    fallCountDate,
  };
}
