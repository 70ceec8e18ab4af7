/**
 * Statistics around a validation run: fresh planner statistics for the tables the rules read, the open counts
 * a run reports, and the daily open counts per district and rule behind the state's trend (migration 0013).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { STUDENT_RECORD_TABLES } from '../../db/student-tables.ts';
import type { RunScope } from './rules/index.ts';

/** Every table a rule reads, and the findings table the run joins. */
const RULE_TABLES = [
  'student',
  'student_name_key',
  'student_district',
  'enrollment',
  'calendar',
  ...STUDENT_RECORD_TABLES,
  'section',
  'course',
  'section_staff',
  'staff',
  'staff_assignment',
  'validation_finding',
];

/**
 * ANALYZEs the rule tables never analysed or changed by more than a tenth since (autovacuum's default rule).
 * Plans on missing statistics nest loops over whole tables (a fresh bulk load: ×5 slower), and PGlite runs no
 * autovacuum at all, so the run checks for itself; the check is one catalogue query.
 */
export async function analyzeStale(trx: Executor): Promise<string[]> {
  const r = await sql<{ relname: string }>`SELECT relname FROM pg_stat_user_tables
    WHERE schemaname = current_schema() AND relname = ANY(${RULE_TABLES}::text[])
      AND (n_mod_since_analyze > 50 + n_live_tup / 10
           OR (last_analyze IS NULL AND last_autoanalyze IS NULL AND n_mod_since_analyze > 0))
    ORDER BY relname`.execute(trx);
  for (const t of r.rows) await sql`ANALYZE ${sql.table(t.relname)}`.execute(trx);
  return r.rows.map((t) => t.relname);
}

/** The owner districts whose daily counts a full run of this scope rewrites (null: none). */
export function dailyScope(scope: RunScope): RawBuilder<unknown> | null {
  if (scope.kind === 'state') return sql`TRUE`;
  if (scope.kind === 'district') return sql`district_number = ${scope.district}`;
  return null;
}

/**
 * Open findings of the run's scope by severity, in the same scan that rewrites today's daily counts of the
 * scope's owner districts when the run evaluated every rule (`daily`; a district run counts its own only).
 */
export async function openCounts(
  trx: Executor,
  inScope: RawBuilder<unknown>,
  year: number,
  daily: RawBuilder<unknown> | null,
): Promise<{ fatal: number; warning: number; info: number }> {
  const write = daily
    ? sql`,
    d AS (SELECT district_number, rule_id, max(severity) AS severity, sum(n)::int AS n FROM g WHERE ${daily}
          GROUP BY district_number, rule_id),
    up AS (INSERT INTO validation_daily_count (school_year, day, district_number, rule_id, severity, open_count)
           SELECT ${year}::int, current_date, district_number, rule_id, severity, n FROM d
           ON CONFLICT (school_year, day, district_number, rule_id)
           DO UPDATE SET severity = excluded.severity, open_count = excluded.open_count),
    gone AS (DELETE FROM validation_daily_count x WHERE x.school_year = ${year}::int AND x.day = current_date
             AND ${daily} AND (x.district_number, x.rule_id) NOT IN (SELECT d.district_number, d.rule_id FROM d))`
    : sql``;
  const r = await sql<{ severity: 'fatal' | 'warning' | 'info'; n: number }>`
    WITH g AS (SELECT f.district_number, f.rule_id, f.severity, count(*)::int AS n FROM validation_finding f
               WHERE f.school_year = ${year}::int AND f.resolved_at IS NULL AND ${inScope}
               GROUP BY f.district_number, f.rule_id, f.severity)${write}
    SELECT severity, sum(n)::int AS n FROM g GROUP BY severity`.execute(trx);
  const open = { fatal: 0, warning: 0, info: 0 };
  for (const row of r.rows) open[row.severity] = row.n;
  return open;
}

/** One day's open findings of a rule, in one district or (district null) the whole state. */
export type DailyCount = {
  day: string;
  district: string | null;
  rule: string;
  severity: 'fatal' | 'warning' | 'info';
  count: number;
};

/** Which daily counts to read: one owner district or the state, a severity, a set of rules (a collection's). */
export type DailyFilter = {
  district: string | null;
  severity?: string | undefined;
  rules?: string[] | undefined;
};

/**
 * The daily open counts of a school year from `from` on, for one district or summed
 * over the state. A day on which a full run of that scope finished but no row exists had none open: those
 * zeros are filled in for the rules seen in the period, so a chart's lines drop to zero instead of breaking.
 */
export async function dailyCounts(
  db: Executor,
  year: number,
  from: string,
  filter: DailyFilter,
): Promise<DailyCount[]> {
  const { district } = filter;
  const since = sql`${from}::date`;
  const parts = [sql`c.school_year = ${year}::int`, sql`c.day >= ${since}`];
  if (district !== null) parts.push(sql`c.district_number = ${district}`);
  if (filter.severity !== undefined) parts.push(sql`c.severity = ${filter.severity}`);
  if (filter.rules !== undefined) parts.push(sql`c.rule_id = ANY(${filter.rules}::text[])`);
  const runMine =
    district === null ? sql`r.scope = 'state'` : sql`(r.scope = 'state' OR r.district_number = ${district})`;
  const r = await sql<DailyCount>`
    WITH days AS (SELECT DISTINCT r.finished_at::date AS day FROM validation_run r
                  WHERE r.school_year = ${year}::int AND r.finished_at >= ${since} AND r.collection IS NULL
                    AND r.template IS NULL AND r.scope <> 'students' AND ${runMine}),
    src AS (SELECT c.day, c.rule_id AS rule, max(c.severity) AS severity, sum(c.open_count)::int AS n
            FROM validation_daily_count c WHERE ${sql.join(parts, sql` AND `)}
            GROUP BY 1, 2),
    seen AS (SELECT rule, max(severity) AS severity FROM src GROUP BY 1)
    SELECT to_char(days.day, 'YYYY-MM-DD') AS day, ${district}::text AS district, seen.rule, seen.severity,
      coalesce(src.n, 0)::int AS count
    FROM days CROSS JOIN seen LEFT JOIN src ON src.day = days.day AND src.rule = seen.rule
    ORDER BY 1, 3`.execute(db);
  return r.rows;
}

/** The first day a trend shows when the caller names none (90 days back), as the database sees today. */
export async function defaultTrendStart(db: Executor): Promise<string> {
  const r = await sql<{ d: string }>`SELECT to_char(current_date - 90, 'YYYY-MM-DD') AS d`.execute(db);
  return r.rows[0]!.d;
}
