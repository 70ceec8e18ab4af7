/**
 * One validation run, set-based from end to end (ARCHITECTURE §4 Validation, §5.2): one statement evaluates
 * every planned rule, full-joins the candidates with the scope's open findings by their stable key, writes
 * only new, changed and reopened findings, and resolves those that no longer fire (decision 0060). A statewide
 * run on PostgreSQL first evaluates the rules into a temporary table, which may run in parallel (decision 0077).
 * All in one transaction, serialised per school year, so readers never see half a run.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import { STUDENT_RECORD_TABLES } from '../../db/student-tables.ts';
import { analyzeStale, dailyScope, openCounts } from './validation-stats.repository.ts';
import {
  CANDIDATE_COLUMNS,
  SCOPE_STUDENTS,
  type RuleContext,
  type RunScope,
  type SqlRule,
} from './rules/index.ts';
import { enrollmentRowsSql } from './rules/enrollment-rows.ts';

/** A rule to run with the context it runs in and the severity the catalogue gives it. */
export type PlannedRule = { rule: SqlRule; ctx: RuleContext; severity: string };

/** What a run did. */
export type RunCounts = {
  runId: number;
  produced: number;
  opened: number;
  resolved: number;
  open: { fatal: number; warning: number; info: number };
  /** Milliseconds per phase (analyze, scope, evaluate, apply, counts), for benchmarks. */
  phases: Record<string, number>;
};

/** Who or what started a run (kept on the run row). */
export type RunTrigger = 'cli' | 'api' | 'upload' | 'nightly' | 'test' | 'bench';

function scopeOf(scope: RunScope, alias: string): RawBuilder<unknown> {
  const a = (c: string) => sql.ref(`${alias}.${c}`);
  const students = sql`SELECT student_id FROM ${sql.table(SCOPE_STUDENTS)}`;
  switch (scope.kind) {
    case 'state':
      return sql`TRUE`;
    case 'district':
      return sql`(${a('district_number')} = ${scope.district} OR ${a('other_district_number')} = ${scope.district})`;
    case 'students':
      return sql`(${a('student_id')} IN (${students}) OR ${a('other_student_id')} IN (${students}))`;
  }
}

/**
 * The same scope over stored findings, written so each side can use its index: an OR of two IN-subqueries
 * would scan every finding of the state for a one-student run.
 */
function storedScopeOf(scope: RunScope, alias: string): RawBuilder<unknown> {
  if (scope.kind !== 'students') return scopeOf(scope, alias);
  const students = sql`SELECT student_id FROM ${sql.table(SCOPE_STUDENTS)}`;
  return sql`${sql.ref(`${alias}.id`)} IN (SELECT x.id FROM validation_finding x WHERE x.student_id IN (${students})
    UNION ALL SELECT x.id FROM validation_finding x WHERE x.other_student_id IN (${students}))`;
}

/** Fills the run's temp table of scope students (district and student runs; nothing statewide). */
export async function fillScopeStudents(trx: Executor, scope: RunScope, year: number): Promise<void> {
  if (scope.kind === 'state') return;
  await sql`CREATE TEMP TABLE ${sql.table(SCOPE_STUDENTS)} (student_id bigint PRIMARY KEY) ON COMMIT DROP`.execute(
    trx,
  );
  // A district's students: enrolled there this year or next (R19 re-enrollments), linked to it by a local ID, or
  // party to its cross-district record rules (an earlier gifted record R26, a pathway of the year R27).
  const d = scope.kind === 'district' ? scope.district : '';
  const source =
    scope.kind === 'students'
      ? sql`SELECT DISTINCT unnest(${scope.studentIds}::bigint[])`
      : sql`SELECT student_id FROM enrollment WHERE district_number = ${d} AND school_year IN (${year}::int, ${year + 1}::int)
            UNION SELECT student_id FROM student_district WHERE district_number = ${d}
            UNION SELECT student_id FROM program_participation WHERE district_number = ${d} AND school_year <= ${year}::int
            UNION SELECT student_id FROM cte_pathway_participation WHERE district_number = ${d} AND school_year = ${year}::int`;
  await sql`INSERT INTO ${sql.table(SCOPE_STUDENTS)} (student_id) ${source}`.execute(trx);
  await sql`ANALYZE ${sql.table(SCOPE_STUDENTS)}`.execute(trx);
}

/**
 * The planned rules' candidates inside the run's scope, each with its catalogue severity. The rules over single
 * enrollment rows share one scan of the year's enrollments (decision 0084); every other rule is a branch of its own.
 */
export function candidatesSql(plan: readonly PlannedRule[], scope: RunScope): RawBuilder<unknown> {
  const cols = sql.raw(CANDIDATE_COLUMNS.map((c) => `c.${c}`).join(', '));
  const inRun = sql`c.district_number IS NOT NULL AND ${scopeOf(scope, 'c')}`;
  const rows = plan.flatMap((p) =>
    p.rule.row ? [{ row: p.rule.row, ctx: p.ctx, lead: sql`${p.severity}::text AS severity, ` }] : [],
  );
  const shared =
    rows.length > 0
      ? [sql`SELECT c.severity, ${cols} FROM (${enrollmentRowsSql(rows)}) c WHERE ${inRun}`]
      : [];
  const own = plan
    .filter((p) => !p.rule.row)
    .map(
      (p) =>
        sql`SELECT ${p.severity}::text AS severity, ${cols} FROM (${p.rule.select(p.ctx)}) c WHERE ${inRun}`,
    );
  return sql.join([...shared, ...own], sql` UNION ALL `);
}

/** The temp table a statewide PostgreSQL run evaluates its candidates into (decision 0077). */
const CANDIDATES = 'v_candidate';

/**
 * Evaluates the plan into a temporary table by CREATE TABLE AS, which PostgreSQL may run in parallel (a
 * statement that writes the findings may not): the rules' branches of the UNION ALL and their scans are spread
 * over the parallel workers, so a statewide run uses every core for the part that dominates it (decision 0077).
 */
async function evaluateInParallel(
  trx: Executor,
  plan: readonly PlannedRule[],
  scope: RunScope,
): Promise<void> {
  await sql`CREATE TEMP TABLE ${sql.table(CANDIDATES)} ON COMMIT DROP AS ${candidatesSql(plan, scope)}`.execute(
    trx,
  );
}

/** The compared columns of a finding: a stored finding is rewritten only when one of them changed. */
const CONTENT = [
  'severity',
  'district_number',
  'other_district_number',
  'student_id',
  'other_student_id',
  'staff_id',
  'state_id',
  'record_id',
  'message',
];
const content = (alias: string) => sql.raw(`(${CONTENT.map((c) => `${alias}.${c}`).join(', ')})`);

/**
 * Evaluates the plan and applies it to the stored findings in one statement: the candidates (c) full-joined
 * with the scope's open findings of the planned rules (f) say, per key, what is new or changed (written), what
 * is unchanged (left alone: rewriting every finding costs tens of seconds at state scale) and what no longer
 * fires (resolved). A reopened finding loses its acknowledgement, because the data changed.
 */
async function applyPlan(
  trx: Executor,
  plan: readonly PlannedRule[],
  scope: RunScope,
  year: number,
  runId: number,
  evaluated: boolean,
): Promise<{ produced: number; opened: number; resolved: number }> {
  if (plan.length === 0) return { produced: 0, opened: 0, resolved: 0 };
  const ids = plan.map((p) => p.rule.id);
  const source = evaluated ? sql.table(CANDIDATES) : sql`(${candidatesSql(plan, scope)})`;
  const r = await sql<{ produced: number; opened: number; resolved: number }>`
    WITH c AS MATERIALIZED (SELECT x.*, x.rule_id || ':' || x.record_key AS finding_key FROM ${source} x),
    f AS (SELECT f.id, f.finding_key, ${sql.raw(CONTENT.map((c) => `f.${c}`).join(', '))} FROM validation_finding f
      WHERE f.school_year = ${year}::int AND f.resolved_at IS NULL AND f.rule_id = ANY(${ids}::text[]) AND ${storedScopeOf(scope, 'f')}),
    j AS MATERIALIZED (SELECT c.*, f.id AS fid, c.finding_key IS NOT NULL AS fired,
        ${content('f')} IS NOT DISTINCT FROM ${content('c')} AS same
      FROM c FULL JOIN f ON f.finding_key = c.finding_key),
    w AS (
      INSERT INTO validation_finding (school_year, finding_key, rule_id, severity, district_number, other_district_number, student_id,
        other_student_id, staff_id, state_id, record_table, record_id, message, first_run_id, last_run_id)
      SELECT DISTINCT ON (j.finding_key) ${year}::int, j.finding_key, j.rule_id, j.severity, j.district_number, j.other_district_number,
        j.student_id, j.other_student_id, j.staff_id, j.state_id, j.record_table, j.record_id, j.message, ${runId}::bigint, ${runId}::bigint
      FROM j WHERE j.fired AND NOT j.same
      ORDER BY j.finding_key, j.message
      -- Also guards keys whose open finding lies outside the scope (f): unchanged ones are not rewritten.
      ON CONFLICT (school_year, finding_key) DO UPDATE SET
        severity = excluded.severity, district_number = excluded.district_number, other_district_number = excluded.other_district_number,
        student_id = excluded.student_id, other_student_id = excluded.other_student_id, staff_id = excluded.staff_id,
        state_id = excluded.state_id, record_id = excluded.record_id, message = excluded.message, last_seen = now(),
        last_run_id = excluded.last_run_id, resolved_at = NULL,
        acknowledged_at = CASE WHEN validation_finding.resolved_at IS NULL AND excluded.severity <> 'fatal' THEN validation_finding.acknowledged_at END,
        acknowledged_by = CASE WHEN validation_finding.resolved_at IS NULL AND excluded.severity <> 'fatal' THEN validation_finding.acknowledged_by END,
        acknowledgement_reason = CASE WHEN validation_finding.resolved_at IS NULL AND excluded.severity <> 'fatal'
                                      THEN validation_finding.acknowledgement_reason END
      WHERE validation_finding.resolved_at IS NOT NULL OR ${content('validation_finding')} IS DISTINCT FROM ${content('excluded')}
      RETURNING 1),
    -- The last run that still saw a finding is the latest confirming run of its scope (see lastSeenSql). The ids
    -- go in as one array so the update probes the primary key instead of joining the whole table.
    r AS (
      UPDATE validation_finding f SET resolved_at = now(), last_seen = ${lastSeenSql('f')}
      WHERE f.id = ANY((SELECT array_agg(j.fid) FROM j WHERE NOT j.fired)::bigint[])
      RETURNING 1)
    SELECT (SELECT count(*) FROM c)::int AS produced,
      (SELECT count(DISTINCT j.finding_key) FROM j WHERE j.fired AND j.fid IS NULL AND NOT EXISTS (
        SELECT 1 FROM validation_finding x WHERE x.school_year = ${year}::int AND x.finding_key = j.finding_key AND x.resolved_at IS NULL))::int AS opened,
      (SELECT count(*) FROM r)::int AS resolved,
      (SELECT count(*) FROM w)::int AS written`.execute(trx);
  return r.rows[0]!;
}

/**
 * When an open finding was last seen: its last write, or the latest finished run since that evaluated every
 * rule statewide or for one of its districts (such a run would have resolved it had it not fired).
 */
export function lastSeenSql(alias: string): RawBuilder<unknown> {
  const f = (c: string) => sql.ref(`${alias}.${c}`);
  return sql`greatest(${f('last_seen')}, (SELECT max(r.finished_at) FROM validation_run r
    WHERE r.school_year = ${f('school_year')} AND r.collection IS NULL AND r.template IS NULL AND r.finished_at IS NOT NULL
      AND (r.scope = 'state' OR (r.scope = 'district' AND r.district_number IN (${f('district_number')}, ${f('other_district_number')})))))`;
}

/** Runs the planned rules over a scope of a school year and records the findings. */
export async function runValidation(
  database: Database,
  plan: readonly PlannedRule[],
  scope: RunScope,
  year: number,
  trigger: RunTrigger,
  collection: string | null,
  template: string | null = null,
): Promise<RunCounts> {
  return await database.db.transaction().execute(async (trx) => {
    // Scoped runs probe indexes for their students; the default random_page_cost assumes spinning disks and
    // prefers scanning every enrollment of the state (the tables are cached: 1.1 is the usual SSD setting).
    await sql`SELECT pg_advisory_xact_lock(7275006, ${year}::int), set_config('work_mem', '256MB', true),
      set_config('jit', 'off', true), set_config('random_page_cost', '1.1', true)`.execute(trx);
    const run = await trx
      .insertInto('validation_run')
      .values({
        school_year: year,
        scope: scope.kind,
        district_number: scope.kind === 'district' ? scope.district : null,
        student_count: scope.kind === 'students' ? scope.studentIds.length : null,
        collection,
        template,
        trigger,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const phases: Record<string, number> = {};
    const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      const out = await step();
      phases[name] = Math.round(performance.now() - t0);
      return out;
    };
    // A one-student run must stay within its budget; the upload that triggers it refreshes statistics itself.
    if (scope.kind !== 'students') await timed('analyze', () => analyzeStale(trx));
    await timed('scope', () => fillScopeStudents(trx, scope, year));
    // PGlite has no parallel workers, and scoped runs read their temp table of students (which workers cannot):
    // both evaluate inside the applying statement, saving the temp table's write.
    const evaluated = database.kind === 'postgres' && scope.kind === 'state' && plan.length > 0;
    if (evaluated) await timed('evaluate', () => evaluateInParallel(trx, plan, scope));
    const { produced, opened, resolved } = await timed('apply', () =>
      applyPlan(trx, plan, scope, year, run.id, evaluated),
    );
    // Many new findings (a first statewide run, a district's first large upload) leave the statistics believing
    // the table is small; the count step would then scan it instead of using the district indexes.
    if (opened > 1000) await sql`ANALYZE validation_finding`.execute(trx);
    await trx
      .updateTable('validation_run')
      .set({ finished_at: sql`now()`, rules_run: plan.length, produced, opened, resolved })
      .where('id', '=', run.id)
      .execute();
    const full = collection === null && template === null && scope.kind !== 'students';
    const open = await timed('counts', () =>
      openCounts(trx, storedScopeOf(scope, 'f'), year, full ? dailyScope(scope) : null),
    );
    return { runId: run.id, produced, opened, resolved, open, phases };
  });
}

/**
 * Milliseconds each planned rule takes to produce its candidates (messages included) in a scope, for the
 * benchmark; writes nothing. A run evaluates all rules in one statement and cannot time them one by one.
 */
export async function profileRules(
  database: Database,
  plan: readonly PlannedRule[],
  scope: RunScope,
  year: number,
): Promise<Record<string, number>> {
  return await database.db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('work_mem', '256MB', true), set_config('jit', 'off', true)`.execute(trx);
    await fillScopeStudents(trx, scope, year);
    const ms: Record<string, number> = {};
    for (const p of plan) {
      const t0 = performance.now();
      await sql`SELECT count(*), sum(length(x.message) + length(x.record_key)) FROM (${candidatesSql([p], scope)}) x`.execute(
        trx,
      );
      ms[p.rule.id] = Math.round(performance.now() - t0);
    }
    return ms;
  });
}

/** Students whose records an upload batch wrote (every table that carries batch_id and student_id). */
export async function studentsOfBatch(db: Executor, batchId: number): Promise<number[]> {
  const tables = ['enrollment', ...STUDENT_RECORD_TABLES];
  const parts = tables.map(
    (t) => sql`SELECT student_id FROM ${sql.table(t)} WHERE batch_id = ${batchId}::bigint`,
  );
  const r = await sql<{ student_id: number }>`${sql.join(
    [...parts, sql`SELECT student_id FROM ingestion_new_state_id WHERE batch_id = ${batchId}::bigint`],
    sql` UNION `,
  )}`.execute(db);
  return r.rows.map((x) => Number(x.student_id));
}
