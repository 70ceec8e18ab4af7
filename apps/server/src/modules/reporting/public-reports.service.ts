/**
 * Public reports of the state, a district or a school (issue 8 §7; decisions 0039, 0052): enrollment by grade and
 * subgroup, attendance, chronic absence, 4-year graduation and 9–12 dropout rates, suppressed, without any student.
 */
import { chronicAbsence, DEFAULT_REPORTING_SETTINGS, type ReportingSettings } from '@bitterroot/core';
import type { Profile, PublicReport, ReportSource } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { raceEthnic } from './edfacts-facts.ts';
import type { OutcomesService } from './outcomes.service.ts';
import { raceMapOf } from './outcome-settings.ts';
import { enrollmentTables, rate } from './public-tables.ts';
import { districtExists } from './reporting.repository.ts';
import { schoolDistrict } from './public-reports.repository.ts';

/** Which unit and year a public report shows. */
export type PublicQuery = {
  district?: string | undefined;
  school?: string | undefined;
  year?: number | undefined;
  source?: ReportSource | undefined;
};

/** The public reports service. */
export type PublicReportsService = ReturnType<typeof publicReportsService>;

const HIGH_SCHOOL = new Set(['09', '10', '11', '12']);

/** Builds the public reports service. */
export function publicReportsService(
  db: Executor,
  profile: Profile,
  schoolYear: number,
  outcomes: OutcomesService,
  reporting: ReportingSettings = DEFAULT_REPORTING_SETTINGS,
) {
  const races = raceMapOf(profile);
  const s = reporting.suppression;

  return {
    /** The report, or not-found for an unknown district or a school outside it. */
    async report(
      query: PublicQuery,
    ): Promise<{ kind: 'not-found' } | { kind: 'report'; report: PublicReport }> {
      let district = query.district ?? null;
      const school = query.school ?? null;
      if (school !== null) {
        const owner = await schoolDistrict(db, school);
        if (owner === null || (district !== null && owner !== district)) return { kind: 'not-found' };
        district = owner;
      } else if (district !== null && !(await districtExists(db, district))) return { kind: 'not-found' };
      const source = query.source ?? 'certified';
      const scope = { source, schoolYear: query.year ?? schoolYear, district };
      const here = <T extends { schoolNumber: string }>(rows: readonly T[]) =>
        school === null ? rows : rows.filter((r) => r.schoolNumber === school);

      const members = here(await outcomes.membership(scope));
      const tables = enrollmentTables(
        members.map((m) => ({ ...m, race: raceEthnic(m, races) })),
        s,
      );

      const attendance = here(await outcomes.attendance(scope));
      const present = attendance.reduce((a, r) => a + r.daysPresent, 0);
      const enrolled = attendance.reduce((a, r) => a + r.daysEnrolled, 0);
      const attendees = new Set(attendance.map((r) => r.stateId)).size;
      const chronic = chronicAbsence(
        attendance.map((r) => ({ ...r, grade: r.grade as never })),
        reporting,
      ).lines.filter((l) => l.chronic !== null);
      // A student chronically absent at any school of the unit counts once (FS195 duplicates; a rate must not).
      const judged = new Set(chronic.map((l) => l.stateId));
      const absent = new Set(chronic.filter((l) => l.chronic).map((l) => l.stateId));

      const cohort = (await outcomes.graduation(scope, 4)).result.lines.filter(
        (l) =>
          (school === null || l.schoolNumber === school) && (l.status === 'COHYES' || l.status === 'COHNO'),
      );
      const drop = await outcomes.dropouts(scope);
      const dropouts = here(drop.result.lines).filter((l) => l.counted && HIGH_SCHOOL.has(l.grade));
      const hs = members.filter((m) => HIGH_SCHOOL.has(m.grade)).length;

      const report: PublicReport = {
        level: school !== null ? 'school' : district !== null ? 'district' : 'state',
        districtNumber: district,
        schoolNumber: school,
        schoolYear: scope.schoolYear,
        source,
        tables,
        rates: [
          rate('Attendance rate', present, enrolled, attendees, s),
          rate('Chronic absence rate', absent.size, judged.size, judged.size, s),
          rate(
            '4-year adjusted cohort graduation rate',
            cohort.filter((l) => l.counted).length,
            cohort.length,
            cohort.length,
            s,
          ),
          rate('Dropout rate, grades 9–12', new Set(dropouts.map((l) => l.stateId)).size, hs, hs, s),
        ],
      };
      return { kind: 'report', report };
    },
  };
}
