/**
 * The state's downstream files: EDFacts files (decision 0050) and the MAEFAIRS ANB, direct-certification,
 * special-education child count and missing-child photo files (decision 0051). Certified snapshots by default,
 * so a file's counts can be produced again from what the districts certified.
 */
import { DEFAULT_REPORTING_SETTINGS, type ReportingSettings } from '@bitterroot/core';
import type { EdfactsFile, EdfactsQuery, Profile, ReportSource, StateExport } from '@bitterroot/contracts';
import type { Executor } from '../../db/database.ts';
import { toCsv, type ExportTable } from '../ingestion/findings-export.ts';
import {
  chronicFacts,
  cohortFacts,
  disciplineFacts,
  dropoutFacts,
  membershipFacts,
} from './edfacts-facts.ts';
import { aggregate, edfactsFileName, serialize, type EdfactsFact } from './edfacts-format.ts';
import { acgrSpec, EDFACTS_SPECS, type EdfactsLevel } from './edfacts-specs.ts';
import { childCountRows, countedRaces, framRows, photoOptInRows } from './exports.repository.ts';
import type { OutcomesService } from './outcomes.service.ts';
import { edfactsCodesOf, raceMapOf } from './outcome-settings.ts';
import { homelessRows, lunchRows } from './program-counts.repository.ts';
import { childCountFacts, englishLearnerFacts, homelessFacts, lunchFacts } from './program-facts.ts';
import type { ReportingService } from './reporting.service.ts';

/** A file ready to send: name, body and how many data records it holds. */
export type ExportFile = { fileName: string; contentType: string; body: string; records: number };

/** The exports service. */
export type ExportsService = ReturnType<typeof exportsService>;

/** Builds the exports service over the reporting and outcomes services. */
export function exportsService(
  db: Executor,
  profile: Profile,
  schoolYear: number,
  services: { reporting: ReportingService; outcomes: OutcomesService },
  options: { reporting?: ReportingSettings; clock?: () => Date } = {},
) {
  const reporting = options.reporting ?? DEFAULT_REPORTING_SETTINGS;
  const clock = options.clock ?? (() => new Date());
  const races = raceMapOf(profile);
  const residences = edfactsCodesOf(profile, 'homeless-nighttime-residence');
  const { outcomes } = services;

  /** The program files (decisions 0061, 0062): membership on the fall count date, or the year's homeless. */
  const programFacts = async (
    file: 'FS033' | 'FS141' | 'FS118' | 'FS002',
    scope: { source: ReportSource; schoolYear: number; district: null },
  ): Promise<EdfactsFact[]> => {
    if (file === 'FS118')
      return homelessFacts(await homelessRows(db, scope), races, residences, scope.schoolYear);
    const members = await outcomes.membership(scope, file === 'FS002');
    const date = outcomes.fallCountDate(scope.schoolYear);
    if (file === 'FS033') return lunchFacts(members, await lunchRows(db, scope, date), races);
    if (file === 'FS141') return englishLearnerFacts(members, races);
    return childCountFacts(members, date, races);
  };

  const facts = async (file: EdfactsFile, source: ReportSource, year: number): Promise<EdfactsFact[]> => {
    const scope = { source, schoolYear: year, district: null };
    if (file === 'FS033' || file === 'FS141' || file === 'FS118' || file === 'FS002')
      return await programFacts(file, scope);
    if (file === 'FS052') return membershipFacts(await outcomes.membership(scope), races);
    if (file === 'FS032') {
      const d = await outcomes.dropouts(scope);
      return dropoutFacts(d.result.lines, d.reads, races);
    }
    if (file === 'FS150' || file === 'FS151') {
      const g = await outcomes.graduation(scope, 4);
      return cohortFacts(g.result.lines, g.reads, races, file);
    }
    if (file === 'FS195') return chronicFacts(await outcomes.attendance(scope), races, reporting);
    return disciplineFacts(await outcomes.behaviorReads(scope), year, races, reporting);
  };

  const csv = (fileName: string, table: ExportTable): ExportFile => ({
    fileName,
    contentType: 'text/csv; charset=utf-8',
    body: toCsv(table),
    records: table.rows.length,
  });

  return {
    /** One EDFacts file for the state at one level; `unsupported` when the file has no such level. */
    async edfacts(
      file: EdfactsFile,
      query: EdfactsQuery = {},
    ): Promise<
      { kind: 'unsupported'; levels: readonly EdfactsLevel[] } | { kind: 'file'; file: ExportFile }
    > {
      const spec = acgrSpec(EDFACTS_SPECS[file], 4);
      const level = query.level ?? spec.levels[spec.levels.length - 1]!;
      if (!spec.levels.includes(level)) return { kind: 'unsupported', levels: spec.levels };
      const format = query.format ?? 'csv';
      const year = query.year ?? schoolYear;
      const rows = aggregate(await facts(file, query.source ?? 'certified', year), spec, level);
      const body = serialize(spec, level, rows, { schoolYear: year, format, at: clock() });
      const contentType = format === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8';
      const fileName = edfactsFileName(spec, level, year, format);
      return { kind: 'file', file: { fileName, contentType, body, records: rows.length } };
    },

    /** One state file (decision 0051) as CSV. */
    async stateFile(
      name: StateExport,
      query: { year?: number | undefined; source?: ReportSource | undefined } = {},
    ) {
      const year = query.year ?? schoolYear;
      const source = query.source ?? 'certified';
      const file = `${name}-${year}-${name === 'missing-child-photos' ? 'live' : source}.csv`;
      if (name === 'maefairs-anb') {
        const lines = await services.reporting.stateAnbLines({ year, source });
        const race = await countedRaces(db, year);
        const indian = (id: string) => {
          const r = race.get(id);
          return r !== undefined && r.races.some((c) => races.get(c) === 'AM7');
        };
        return csv(file, {
          sheet: 'ANB',
          header: [
            'District',
            'Count',
            'Count Date',
            'School',
            'Budget Unit',
            'State ID',
            'Status',
            'Weight',
            'ESA',
            'Early Graduate',
            'American Indian',
          ],
          rows: lines.map((l) => [
            l.districtNumber,
            l.count,
            l.countDate,
            l.schoolNumber,
            l.budgetUnit,
            l.stateId,
            l.status,
            l.weight,
            l.esa ? 'Y' : 'N',
            l.earlyGraduate ? 'Y' : 'N',
            indian(l.stateId) ? 'Y' : 'N',
          ]),
        });
      }
      if (name === 'nutrition') {
        const rows = await framRows(db, source, year);
        return csv(file, {
          sheet: 'FRAM',
          header: [
            'State ID',
            'Last Name',
            'First Name',
            'Eligibility',
            'Certification Type',
            'Eligibility Start',
            'Eligibility End',
          ],
          rows: rows.map((r) => [
            r.state_id,
            r.last_name,
            r.first_name,
            r.fram_eligibility,
            r.fram_certification_type,
            r.eligibility_start_date,
            r.eligibility_end_date,
          ]),
        });
      }
      if (name === 'sped-child-count') {
        const rows = await childCountRows(db, source, year, outcomes.fallCountDate(year));
        return csv(file, {
          sheet: 'Child Count',
          header: [
            'State ID',
            'Last Name',
            'First Name',
            'Birth Date',
            'Gender',
            'District',
            'School',
            'Grade',
            'Age on Count Date',
            'Served on Count Date',
            'SPED Exit Date',
            'SPED Exit Reason',
          ],
          rows: rows.map((r) => [
            r.state_id,
            r.last_name,
            r.first_name,
            r.birth_date,
            r.gender,
            r.district_number,
            r.school_number,
            r.grade_level,
            r.age,
            r.on_count_date ? 'Y' : 'N',
            r.sped_exit_date,
            r.sped_exit_reason,
          ]),
        });
      }
      const rows = await photoOptInRows(db, year);
      return csv(file, {
        sheet: 'Photo Opt-In',
        header: ['State ID', 'Last Name', 'First Name', 'Birth Date', 'District', 'School', 'Grade'],
        rows: rows.map((r) => [
          r.state_id,
          r.last_name,
          r.first_name,
          r.birth_date,
          r.district_number,
          r.school_number,
          r.grade_level,
        ]),
      });
    },
  };
}
