/**
 * Reporting benchmark (issue 8): on a Montana-scale state bulk-loaded with every record type the reports read
 * (three history years with 9th-grade entry dates and diplomas; the year's programs, EL, FRAM, 504, counts,
 * attendance, CTE and behavior), times statewide ANB, ADA with chronic absence, the outcome reports (ACGR 4-year,
 * dropouts, CTE, behavior) and every EDFacts file at each of its levels, first from the live tables, then from
 * the certified snapshots of the events they read, taken statewide as the state would. Targets: ANB, ADA,
 * chronic absence and ACGR statewide from a snapshot < 2 s each; each EDFacts file < 5 s (PostgreSQL).
 *
 *   node bench/reporting.bench.ts [--scale montana] [--backend postgres|pglite|both] [--postgres URL] [--dir DIR]
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Database } from '../apps/server/src/db/database.ts';
import { onEachBackend } from './backends.ts';
import { benchProfile, BENCH_YEAR, generatedState, loadGeneratedState, secs } from './bench-state.ts';
import { certify, reports, timed } from './reporting-steps.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'montana' },
    backend: { type: 'string', default: 'postgres' },
    postgres: { type: 'string' },
    dir: { type: 'string' },
  },
});
const scale = values.scale as 'small' | 'montana';
const year = BENCH_YEAR;
// Its own folder: the state needs the baseline's outcome columns, which older generated folders lack.
const dir = await generatedState(scale, values.dir ?? join(tmpdir(), `bitterroot-bench-reporting-${scale}`));
const profile = await benchProfile();

async function measure(database: Database): Promise<void> {
  const kind = database.kind.padEnd(8);
  const load = await timed(() => loadGeneratedState(database, dir, { records: true }));
  const counts = await sql<{ t: string; n: number }>`
    SELECT 'cohort 2023 (entered 9th 2022-23)' AS t, count(DISTINCT student_id)::int AS n FROM enrollment
      WHERE date_first_entered_9th_grade BETWEEN '2022-07-01' AND '2023-06-30'
    UNION ALL SELECT 'eoy_attendance', count(*)::int FROM eoy_attendance
    UNION ALL SELECT 'program_participation', count(*)::int FROM program_participation
    UNION ALL SELECT 'english_learner', count(*)::int FROM english_learner
    UNION ALL SELECT 'fram_eligibility', count(*)::int FROM fram_eligibility
    UNION ALL SELECT 'section_504', count(*)::int FROM section_504
    UNION ALL SELECT 'fall_count', count(*)::int FROM fall_count
    UNION ALL SELECT 'cte_pathway_participation', count(*)::int FROM cte_pathway_participation
    UNION ALL SELECT 'behavior_event', count(*)::int FROM behavior_event`.execute(database.db);
  console.log(`${kind} load ${secs(load.ms)}: ${counts.rows.map((r) => `${r.t} ${r.n}`).join(', ')}`);
  // The certified reads first: they are the targets; the live previews follow on the same state.
  await certify(database, profile, year, kind);
  await reports(database, profile, year, 'certified', kind);
  await reports(database, profile, year, 'live', kind);
}

await onEachBackend({ backend: values.backend, postgres: values.postgres }, measure);
