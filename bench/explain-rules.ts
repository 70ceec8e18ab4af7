/**
 * EXPLAIN ANALYZE of named validation rules on a kept validation bench database, in the scope a run gives
 * them (the run's temporary tables prepared the same way), for tuning one rule at a time. Writes nothing.
 *
 *   node bench/explain-rules.ts state|district|students RULE[,RULE...]|all [DISTRICT|STUDENT,...] [--postgres URL]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../apps/server/src/db/database.ts';
import { catalogueFor, planRun } from '../apps/server/src/modules/validation/validation-plan.ts';
import {
  candidatesSql,
  fillScopeStudents,
} from '../apps/server/src/modules/validation/validation-run.repository.ts';
import type { RunScope } from '../apps/server/src/modules/validation/rules/index.ts';
import { benchProfile, BENCH_YEAR, PROFILE_DIR } from './bench-state.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    postgres: {
      type: 'string',
      default: 'postgres://postgres@127.0.0.1:5432/bitterroot_bench_validate_montana',
    },
  },
});
const [kind = 'state', rules = '', district = '0059'] = positionals;
const database = await openDatabase(values.postgres);
const profile = await benchProfile();
const catalogue = await catalogueFor(profile, PROFILE_DIR);
const scope: RunScope =
  kind === 'state'
    ? { kind: 'state' }
    : kind === 'students'
      ? { kind: 'students', studentIds: district.split(',').map(Number) }
      : { kind: 'district', district };
const plan = planRun(catalogue, profile, BENCH_YEAR, scope, { today: `${BENCH_YEAR}-12-01` });
await database.db.transaction().execute(async (trx) => {
  await sql`SELECT set_config('work_mem', '256MB', true), set_config('jit', 'off', true),
    set_config('random_page_cost', '1.1', true)`.execute(trx);
  const t0 = performance.now();
  await fillScopeStudents(trx, scope, BENCH_YEAR);
  console.log(`scope prepared in ${Math.round(performance.now() - t0)} ms`);
  if (rules === 'all') {
    // The statewide evaluation statement as a PostgreSQL run issues it (decisions 0077, 0084; may run in parallel).
    const r = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, COSTS OFF)
      CREATE TEMP TABLE v_explained ON COMMIT DROP AS ${candidatesSql(plan, scope)}`.execute(trx);
    console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
  }
  for (const p of plan.filter((x) => rules.split(',').includes(x.rule.id))) {
    const r = await sql<{
      'QUERY PLAN': string;
    }>`EXPLAIN (ANALYZE, COSTS OFF) ${p.rule.select(p.ctx)}`.execute(trx);
    console.log(`== ${p.rule.id}\n${r.rows.map((x) => x['QUERY PLAN']).join('\n')}`);
  }
});
await database.close();
