/**
 * District and statewide ANB (fall, spring, per budget unit, per-student lines) and EOY attendance with chronic
 * absence, computed by the pure core functions over the live tables (preview) or the current certified snapshots.
 */
import {
  budgetUnitOfGrade,
  chronicAbsence,
  computeNamedDates,
  countAnb,
  DEFAULT_FUNDING_SETTINGS,
  DEFAULT_REPORTING_SETTINGS,
  districtAnb,
  eoyAttendanceRate,
  type AnbCount,
  type AnbLine,
  type BudgetUnit,
  type CountKind,
  type FundingSettings,
  type ReportingSettings,
} from '@bitterroot/core';
import {
  calendarRules,
  type AnbLineBody,
  type BudgetUnitAnbBody,
  type DistrictAnbReport,
  type Profile,
  type ReportSource,
  type StateAnbSummary,
} from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { attendanceRows, countDateRows, districtExists, type CountRead } from './reporting.repository.ts';
import { currentSnapshotId, snapshotCountRows, type SnapshotCount } from './snapshot-counts.repository.ts';

/** Which year, PIR days and source a report uses; all optional (this year, 0, live). */
export type AnbOptions = {
  year?: number | undefined;
  pirDays?: number | undefined;
  source?: ReportSource | undefined;
};

/** A district report, or why there is none. */
export type DistrictAnbOutcome =
  | { kind: 'not-found' }
  | { kind: 'no-snapshot'; count: CountKind }
  | { kind: 'report'; report: DistrictAnbReport };

/** The count templates of the profile (fall-count.yaml, spring-count.yaml). */
const COUNT_TEMPLATES: Record<CountKind, string> = { fall: 'fall-count', spring: 'spring-count' };

/** The reporting service. */
export type ReportingService = ReturnType<typeof reportingService>;

const UNITS: readonly BudgetUnit[] = ['elementary', 'high_school'];

/** Lines of rows whose student has no birth date: the age rules cannot be applied, so they are not counted. */
function noBirthDateLines(reads: CountRead[]): AnbLine[] {
  return reads.flatMap((r) =>
    r.kind === 'row'
      ? []
      : [
          {
            stateId: r.row.stateId,
            districtNumber: r.row.districtNumber,
            schoolNumber: r.row.schoolNumber,
            budgetUnit: budgetUnitOfGrade(r.row.grade, false),
            status: 'not-counted' as const,
            weight: 0,
            bandWeight: 0,
            esa: false,
            earlyGraduate: false,
            explanation: 'not counted: no birth date on record (age rules cannot be applied)',
          },
        ],
  );
}

function lineBody(count: AnbCount, l: AnbLine): AnbLineBody {
  return { count: count.kind, countDate: count.countDate, ...l };
}

/** Budget units of one district from its fall and spring counts (the whole-state counts may be passed). */
function unitsOf(
  fall: AnbCount,
  spring: AnbCount,
  district: string,
  pirDays: number,
  settings: FundingSettings,
): BudgetUnitAnbBody[] {
  const find = (c: AnbCount, unit: BudgetUnit) =>
    c.units.find((u) => u.districtNumber === district && u.budgetUnit === unit);
  return UNITS.filter((u) => find(fall, u) || find(spring, u)).map((unit) => {
    const f = find(fall, unit);
    const s = find(spring, unit);
    const d = districtAnb({ fall: f?.count ?? 0, spring: s?.count ?? 0, pirDays }, settings);
    return {
      budgetUnit: unit,
      fall: d.fall,
      spring: d.spring,
      esaFall: f?.esaCount ?? 0,
      esaSpring: s?.esaCount ?? 0,
      averageEnrollment: d.averageEnrollment,
      pirDaysUsed: d.pirDaysUsed,
      anb: d.anb,
      anbRounded: d.anbRounded,
      explanation: d.explanation,
    };
  });
}

/** Builds the reporting service over a database, with the profile's count dates and default settings. */
export function reportingService(
  db: Executor,
  profile: Profile,
  schoolYear: number,
  settings: { funding: FundingSettings; reporting: ReportingSettings } = {
    funding: DEFAULT_FUNDING_SETTINGS,
    reporting: DEFAULT_REPORTING_SETTINGS,
  },
) {
  const countDates = (year: number) => {
    const dates = computeNamedDates(calendarRules(profile.calendar), year);
    return { fall: dates['fall-count-date']!, spring: dates['spring-count-date']! };
  };

  // The collection whose certification freezes a count's template (calendar.yaml `templates`).
  const snapshotCount = (kind: CountKind): SnapshotCount => {
    const template = COUNT_TEMPLATES[kind];
    const collection = profile.calendar.collections.find((c) => c.templates.includes(template));
    return { collectionId: collection?.id ?? template, template, prefix: kind };
  };

  const count = async (
    kind: CountKind,
    source: ReportSource,
    year: number,
    date: string,
    district: string | null,
  ) => {
    const reads =
      source === 'live'
        ? await countDateRows(db, kind, year, district)
        : await snapshotCountRows(db, snapshotCount(kind), year, district);
    const rows = reads.flatMap((r) => (r.kind === 'row' ? [r.row] : []));
    const result = countAnb(rows, kind, date, settings.funding);
    return { ...result, lines: [...result.lines, ...noBirthDateLines(reads)] };
  };

  const attendance = async (year: number, district: string) => {
    const rows = await attendanceRows(db, year, district);
    const eoy = eoyAttendanceRate(rows, settings.funding);
    const chronic = chronicAbsence(rows, settings.reporting);
    const judged = chronic.lines.filter((l) => l.chronic !== null);
    return {
      source: 'live' as const,
      daysEnrolled: eoy.daysEnrolled,
      daysPresent: eoy.daysPresent,
      rate: eoy.rate,
      students: new Set(judged.map((l) => l.stateId)).size,
      chronicallyAbsent: new Set(judged.filter((l) => l.chronic).map((l) => l.stateId)).size,
      schools: chronic.schools.map((s) => ({
        schoolNumber: s.schoolNumber,
        students: s.students,
        chronic: s.chronic,
      })),
    };
  };

  return {
    /** One district's ANB per budget unit with every student line, and its attendance. */
    async districtAnb(district: string, options: AnbOptions = {}): Promise<DistrictAnbOutcome> {
      if (!(await districtExists(db, district))) return { kind: 'not-found' };
      const year = options.year ?? schoolYear;
      const pirDays = options.pirDays ?? 0;
      const source = options.source ?? 'live';
      const snapshots = { fall: null as number | null, spring: null as number | null };
      if (source === 'certified') {
        for (const kind of ['fall', 'spring'] as const) {
          snapshots[kind] = await currentSnapshotId(db, snapshotCount(kind).collectionId, year, district);
          if (snapshots[kind] === null) return { kind: 'no-snapshot', count: kind };
        }
      }
      const dates = countDates(year);
      const fall = await count('fall', source, year, dates.fall, district);
      const spring = await count('spring', source, year, dates.spring, district);
      // Rows of the district's pupils elsewhere only feed the cap; the report shows the district's own.
      const own = (c: AnbCount) =>
        c.lines.filter((l) => l.districtNumber === district).map((l) => lineBody(c, l));
      const report: DistrictAnbReport = {
        districtNumber: district,
        schoolYear: year,
        source,
        fallCountDate: dates.fall,
        springCountDate: dates.spring,
        pirDays,
        snapshots,
        units: unitsOf(fall, spring, district, pirDays, settings.funding),
        attendance: await attendance(year, district),
        lines: [...own(fall), ...own(spring)],
      };
      return { kind: 'report', report };
    },

    /** Every district's per-student lines of both counts (the MAEFAIRS Student Count for ANB file). */
    async stateAnbLines(options: AnbOptions = {}): Promise<AnbLineBody[]> {
      const year = options.year ?? schoolYear;
      const source = options.source ?? 'live';
      const dates = countDates(year);
      const fall = await count('fall', source, year, dates.fall, null);
      const spring = await count('spring', source, year, dates.spring, null);
      return [...fall.lines.map((l) => lineBody(fall, l)), ...spring.lines.map((l) => lineBody(spring, l))];
    },

    /**
     * Every district's ANB per budget unit (the same PIR days for all: approved days are not stored yet); from
     * snapshots, districts that have not certified a count have no rows in it.
     */
    async stateAnb(options: AnbOptions = {}): Promise<StateAnbSummary> {
      const year = options.year ?? schoolYear;
      const pirDays = options.pirDays ?? 0;
      const source = options.source ?? 'live';
      const dates = countDates(year);
      const fall = await count('fall', source, year, dates.fall, null);
      const spring = await count('spring', source, year, dates.spring, null);
      const districts = [...new Set([...fall.units, ...spring.units].map((u) => u.districtNumber))].sort();
      return {
        schoolYear: year,
        source,
        fallCountDate: dates.fall,
        springCountDate: dates.spring,
        pirDays,
        districts: districts.map((d) => ({
          districtNumber: d,
          units: unitsOf(fall, spring, d, pirDays, settings.funding),
        })),
      };
    },
  };
}
