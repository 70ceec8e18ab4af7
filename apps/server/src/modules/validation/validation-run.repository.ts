/**
 * One validation run, set-based from end to end (ARCHITECTURE §4 Validation, §5.2): every rule is one
 * INSERT … SELECT into a temporary candidate table; then one INSERT … ON CONFLICT upserts the findings by
 * their stable key and one UPDATE resolves the findings of the run's scope that no longer fire. All in one
 * transaction, serialised per school year, so readers never see half a run.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import { STUDENT_RECORD_TABLES } from '../../db/student-tables.ts';
import {
  CANDIDATE_COLUMNS,
  SCOPE_STUDENTS,
  type RuleContext,
  type RunScope,
  type SqlRule,
} from './rules/index.ts';

/** A rule to run with the context it runs in and the severity the catalogue gives it. */
export type PlannedRule = { rule: SqlRule; ctx: RuleContext; severity: string };

/** What a run did. */
export type RunCounts = {
  runId: number;
  produced: number;
  opened: number;
  resolved: number;
  open: { fatal: number; warning: number; info: number };
  /** Milliseconds per phase (rules, upsert, resolve), for benchmarks. */
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

async function fillScopeStudents(trx: Executor, scope: RunScope, year: number): Promise<void> {
  if (scope.kind === 'state') return;
  await sql`CREATE TEMP TABLE ${sql.table(SCOPE_STUDENTS)} (student_id bigint PRIMARY KEY) ON COMMIT DROP`.execute(
    trx,
  );
  // A district's students: enrolled there this year or next (R19 re-enrollments), or linked to it by a local ID.
  const source =
    scope.kind === 'students'
      ? sql`SELECT DISTINCT unnest(${scope.studentIds}::bigint[])`
      : sql`SELECT student_id FROM enrollment WHERE district_number = ${scope.district} AND school_year IN (${year}::int, ${year + 1}::int)
            UNION SELECT student_id FROM student_district WHERE district_number = ${scope.district}`;
  await sql`INSERT INTO ${sql.table(SCOPE_STUDENTS)} (student_id) ${source}`.execute(trx);
  await sql`ANALYZE ${sql.table(SCOPE_STUDENTS)}`.execute(trx);
}

async function collectCandidates(
  trx: Executor,
  plan: readonly PlannedRule[],
  scope: RunScope,
): Promise<number> {
  await sql`CREATE TEMP TABLE v_candidate (rule_id text, district_number text, other_district_number text, student_id bigint,
    other_student_id bigint, staff_id bigint, state_id text, record_table text, record_id bigint, record_key text, message text,
    finding_key text GENERATED ALWAYS AS (rule_id || ':' || record_key) STORED) ON COMMIT DROP`.execute(trx);
  const cols = sql.raw(CANDIDATE_COLUMNS.join(', '));
  let produced = 0;
  for (const p of plan) {
    const r = await sql`INSERT INTO v_candidate (${cols}) SELECT ${cols} FROM (${p.rule.select(p.ctx)}) c
      WHERE c.district_number IS NOT NULL AND ${scopeOf(scope, 'c')}`.execute(trx);
    produced += Number(r.numAffectedRows ?? 0);
  }
  await sql`ANALYZE v_candidate`.execute(trx);
  return produced;
}

async function upsertFindings(
  trx: Executor,
  plan: readonly PlannedRule[],
  year: number,
  runId: number,
): Promise<number> {
  const ids = plan.map((p) => p.rule.id);
  const severities = plan.map((p) => p.severity);
  const opened = await sql<{
    n: number;
  }>`SELECT count(DISTINCT c.rule_id || ':' || c.record_key)::int AS n FROM v_candidate c
    WHERE NOT EXISTS (SELECT 1 FROM validation_finding f WHERE f.school_year = ${year}::int
      AND f.finding_key = c.rule_id || ':' || c.record_key AND f.resolved_at IS NULL)`.execute(trx);
  // Only new, changed and reopened findings are written: rewriting every unchanged finding on every run costs
  // tens of seconds at state scale. A reopened finding loses its acknowledgement, because the data changed.
  await sql`
    INSERT INTO validation_finding (school_year, finding_key, rule_id, severity, district_number, other_district_number, student_id,
      other_student_id, staff_id, state_id, record_table, record_id, message, first_run_id, last_run_id)
    SELECT DISTINCT ON (c.finding_key) ${year}::int, c.finding_key, c.rule_id, sv.severity,
      c.district_number, c.other_district_number, c.student_id, c.other_student_id, c.staff_id, c.state_id, c.record_table, c.record_id,
      c.message, ${runId}::bigint, ${runId}::bigint
    FROM v_candidate c JOIN unnest(${ids}::text[], ${severities}::text[]) AS sv(rule_id, severity) ON sv.rule_id = c.rule_id
    -- Unchanged open findings drop out here in one hash anti-join, before any per-row conflict handling.
    WHERE NOT EXISTS (SELECT 1 FROM validation_finding f WHERE f.school_year = ${year}::int AND f.finding_key = c.finding_key
      AND f.resolved_at IS NULL AND (f.severity, f.district_number, f.other_district_number, f.student_id, f.other_student_id, f.staff_id,
        f.state_id, f.record_id, f.message) IS NOT DISTINCT FROM (sv.severity, c.district_number, c.other_district_number, c.student_id,
        c.other_student_id, c.staff_id, c.state_id, c.record_id, c.message))
    ORDER BY c.finding_key, c.message
    ON CONFLICT (school_year, finding_key) DO UPDATE SET
      severity = excluded.severity, district_number = excluded.district_number, other_district_number = excluded.other_district_number,
      student_id = excluded.student_id, other_student_id = excluded.other_student_id, staff_id = excluded.staff_id,
      state_id = excluded.state_id, record_id = excluded.record_id, message = excluded.message, last_seen = now(),
      last_run_id = excluded.last_run_id, resolved_at = NULL,
      acknowledged_at = CASE WHEN validation_finding.resolved_at IS NULL AND excluded.severity <> 'fatal' THEN validation_finding.acknowledged_at END,
      acknowledged_by = CASE WHEN validation_finding.resolved_at IS NULL AND excluded.severity <> 'fatal' THEN validation_finding.acknowledged_by END,
      acknowledgement_reason = CASE WHEN validation_finding.resolved_at IS NULL AND excluded.severity <> 'fatal'
                                    THEN validation_finding.acknowledgement_reason END
    WHERE validation_finding.resolved_at IS NOT NULL
       OR (validation_finding.severity, validation_finding.district_number, validation_finding.other_district_number,
           validation_finding.student_id, validation_finding.other_student_id, validation_finding.staff_id, validation_finding.state_id,
           validation_finding.record_id, validation_finding.message)
          IS DISTINCT FROM (excluded.severity, excluded.district_number, excluded.other_district_number, excluded.student_id,
           excluded.other_student_id, excluded.staff_id, excluded.state_id, excluded.record_id, excluded.message)`.execute(
    trx,
  );
  return opened.rows[0]!.n;
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

async function resolveGone(
  trx: Executor,
  plan: readonly PlannedRule[],
  scope: RunScope,
  year: number,
): Promise<number> {
  // The last run that still saw a finding is the latest confirming run of its scope (see lastSeenSql).
  const r = await sql`UPDATE validation_finding f SET resolved_at = now(), last_seen = ${lastSeenSql('f')}
    WHERE f.school_year = ${year}::int AND f.resolved_at IS NULL AND f.rule_id = ANY(${plan.map((p) => p.rule.id)}::text[])
      AND ${storedScopeOf(scope, 'f')}
      AND NOT EXISTS (SELECT 1 FROM v_candidate c WHERE c.rule_id || ':' || c.record_key = f.finding_key)`.execute(
    trx,
  );
  return Number(r.numAffectedRows ?? 0);
}

async function openCounts(trx: Executor, scope: RunScope, year: number): Promise<RunCounts['open']> {
  const r = await sql<{ severity: 'fatal' | 'warning' | 'info'; n: number }>`
    SELECT f.severity, count(*)::int AS n FROM validation_finding f
    WHERE f.school_year = ${year}::int AND f.resolved_at IS NULL AND ${storedScopeOf(scope, 'f')} GROUP BY f.severity`.execute(
    trx,
  );
  const open = { fatal: 0, warning: 0, info: 0 };
  for (const row of r.rows) open[row.severity] = row.n;
  return open;
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
    await sql`SELECT pg_advisory_xact_lock(7275006, ${year}::int)`.execute(trx);
    await sql`SELECT set_config('work_mem', '256MB', true), set_config('jit', 'off', true)`.execute(trx);
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
    // A statewide run changes many findings; fresh statistics keep its upsert on hash joins.
    if (scope.kind === 'state') await sql`ANALYZE validation_finding`.execute(trx);
    const phases: Record<string, number> = {};
    const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      const out = await step();
      phases[name] = Math.round(performance.now() - t0);
      return out;
    };
    await timed('scope', () => fillScopeStudents(trx, scope, year));
    const produced = await timed('rules', () => collectCandidates(trx, plan, scope));
    const opened = await timed('upsert', () => upsertFindings(trx, plan, year, run.id));
    // Many new findings (a district's first large upload) leave the statistics believing the table is
    // small; the resolve and count steps then nest loops over tens of thousands of rows.
    if (opened > 1000) await sql`ANALYZE validation_finding`.execute(trx);
    const resolved = await timed('resolve', () => resolveGone(trx, plan, scope, year));
    await trx
      .updateTable('validation_run')
      .set({ finished_at: sql`now()`, rules_run: plan.length, produced, opened, resolved })
      .where('id', '=', run.id)
      .execute();
    const open = await timed('counts', () => openCounts(trx, scope, year));
    return { runId: run.id, produced, opened, resolved, open, phases };
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
