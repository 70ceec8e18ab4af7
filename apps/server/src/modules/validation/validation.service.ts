/**
 * Statewide validation (issue 6): runs the catalogue's set-based rules over the live tables for the state,
 * one district or a set of students, keeps findings as data, and serves them to districts and the state.
 */
import type {
  FindingPage,
  FindingQuery,
  FindingTrend,
  FindingTrendQuery,
  Profile,
} from '@bitterroot/contracts';
import { rulesForCollection, type RuleDefinition } from '@bitterroot/rules';
import type { Database } from '../../db/database.ts';
import type { RuleCatalogue } from './rule-catalogue.loader.ts';
import type { RunScope } from './rules/index.ts';
import { catalogueFor, planRun } from './validation-plan.ts';
import {
  runValidation,
  studentsOfBatch,
  type RunCounts,
  type RunTrigger,
} from './validation-run.repository.ts';
import {
  acknowledgeFinding,
  countByRule,
  districtExists,
  findingFor,
  findingMatrix,
  listFindings,
  type FindingFilter,
  type FindingRecord,
} from './validation.repository.ts';
import { dailyCounts, defaultTrendStart } from './validation-stats.repository.ts';

/** A run's outcome. */
export type RunOutcome = RunCounts & {
  scope: RunScope['kind'];
  district: string | null;
  schoolYear: number;
  seconds: number;
};

/** Options of a run. */
export type RunOptions = {
  collection?: string | undefined;
  /** Only the rules that read this template (after an upload of it). */
  template?: string | undefined;
  trigger?: RunTrigger;
};

/** The outcome of an acknowledgement. */
export type AckOutcome =
  { kind: 'acknowledged'; finding: FindingRecord } | { kind: 'not-found' } | { kind: 'not-acknowledgeable' };

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Builds the service; `today` is injectable so tests pin "in the future" and "calendar has ended". */
export function validationService(
  database: Database,
  profile: Profile,
  schoolYear: number,
  catalogue: RuleCatalogue,
  today: () => string = todayUtc,
) {
  const db = database.db;
  const rulesOf = (collection: string | undefined) =>
    collection === undefined ? undefined : rulesForCollection(catalogue.rules, collection).map((r) => r.id);

  async function run(scope: RunScope, options: RunOptions = {}): Promise<RunOutcome> {
    const started = performance.now();
    const plan = planRun(catalogue, profile, schoolYear, scope, {
      collection: options.collection,
      template: options.template,
      today: today(),
    });
    const counts = await runValidation(
      database,
      plan,
      scope,
      schoolYear,
      options.trigger ?? 'cli',
      options.collection ?? null,
      options.template ?? null,
    );
    return {
      ...counts,
      scope: scope.kind,
      district: scope.kind === 'district' ? scope.district : null,
      schoolYear,
      seconds: (performance.now() - started) / 1000,
    };
  }

  function filter(query: Partial<FindingQuery> & { district?: string }): FindingFilter {
    const byCollection = rulesOf(query.collection);
    const rules =
      query.rule === undefined
        ? byCollection
        : (byCollection ?? [query.rule]).filter((r) => r === query.rule);
    return {
      year: schoolYear,
      district: query.district,
      severity: query.severity,
      rules,
      status: query.status ?? 'open',
    };
  }

  return {
    /** The catalogue. */
    rules: (): RuleDefinition[] => catalogue.rules,
    /** Whether a district exists. */
    districtExists: (district: string) => districtExists(db, district),
    /** Statewide run (on demand, and nightly from `serve`: decision 0028). */
    runState: (options: RunOptions = {}) => run({ kind: 'state' }, options),
    /** One district's run: its findings and the cross-district ones it is party to. */
    async runDistrict(
      district: string,
      options: RunOptions = {},
    ): Promise<RunOutcome | { kind: 'not-found' }> {
      if (!(await districtExists(db, district))) return { kind: 'not-found' };
      return await run({ kind: 'district', district }, options);
    },
    /** Incremental run for a set of students (staff and course rules are skipped). */
    runStudents: (studentIds: number[], options: RunOptions = {}) =>
      run({ kind: 'students', studentIds }, options),
    /**
     * After a committed upload: re-check, with the rules that read its record type, the students it wrote;
     * files that change identities (demographics) or name no students (staff, courses) re-check the district.
     */
    async afterUpload(district: string, batchId: number, template: string | null): Promise<RunOutcome> {
      const students = template === 'student-demographics' ? [] : await studentsOfBatch(db, batchId);
      const options: RunOptions = { trigger: 'upload', template: template ?? undefined };
      return students.length > 0
        ? await run({ kind: 'students', studentIds: students }, options)
        : await run({ kind: 'district', district }, options);
    },
    /** A district's findings: counts by rule and one page. */
    async findings(district: string, query: FindingQuery): Promise<FindingPage | { kind: 'not-found' }> {
      if (!(await districtExists(db, district))) return { kind: 'not-found' };
      const f = filter({ ...query, district });
      const counts = await countByRule(db, f);
      const findings = await listFindings(db, f, query.pageSize, (query.page - 1) * query.pageSize);
      return {
        district,
        schoolYear,
        byRule: counts.map((c) => ({ ...c, description: catalogue.byId.get(c.rule)?.description ?? '' })),
        total: counts.reduce((s, c) => s + c.count, 0),
        page: query.page,
        pageSize: query.pageSize,
        findings,
      };
    },
    /** Every finding a filter selects (CLI --json, exports). */
    all: (query: Partial<FindingQuery> & { district?: string }) => listFindings(db, filter(query), null),
    /** Open findings per district and rule. */
    async matrix() {
      const cells = await findingMatrix(db, schoolYear);
      return { schoolYear, rules: [...new Set(cells.map((c) => c.rule))].sort(), cells };
    },
    /** Open findings per day and rule: the state's (district null) or one owner district's. */
    async trend(district: string | null, query: FindingTrendQuery): Promise<FindingTrend> {
      const f = filter(query);
      const from = query.from ?? (await defaultTrendStart(db));
      const points = await dailyCounts(db, schoolYear, from, {
        district,
        severity: f.severity,
        rules: f.rules,
      });
      return { schoolYear, district, from, points: points.map(({ district: _d, ...p }) => p) };
    },
    /** Acknowledges an open warning or info finding the district is party to (null: state staff). */
    async acknowledge(id: number, district: string | null, by: string, reason: string): Promise<AckOutcome> {
      const found = await findingFor(db, id, district);
      if (!found) return { kind: 'not-found' };
      if (!(await acknowledgeFinding(db, id, by, reason))) return { kind: 'not-acknowledgeable' };
      return { kind: 'acknowledged', finding: (await findingFor(db, id, district))! };
    },
  };
}

/** The service type. */
export type ValidationService = ReturnType<typeof validationService>;

/** The service with the profile's catalogue (profiles/<id>/rules, or `profileDir`). */
export async function validationServiceFor(
  database: Database,
  profile: Profile,
  schoolYear: number,
  profileDir?: string,
): Promise<ValidationService> {
  return validationService(database, profile, schoolYear, await catalogueFor(profile, profileDir));
}

/**
 * The post-commit hook of the upload pipeline: re-validates what a committed batch touched. A failure here
 * must not undo or misreport the committed upload, so it is reported as a warning and the next run retries.
 */
export async function revalidateUpload(
  database: Database,
  profile: Profile,
  schoolYear: number,
  district: string,
  batchId: number,
  template: string | null,
): Promise<void> {
  try {
    const service = await validationServiceFor(database, profile, schoolYear);
    await service.afterUpload(district, batchId, template);
  } catch (e) {
    process.emitWarning(`validation after batch ${batchId} failed: ${(e as Error).message}`);
  }
}
