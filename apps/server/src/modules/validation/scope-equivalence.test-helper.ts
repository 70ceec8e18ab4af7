/**
 * Proves that scoped runs push their scope down without changing what they find: a district's run (and a run
 * over some students) yields exactly the findings the statewide run yields for that district (those students).
 */
import { expect } from 'vitest';
import { sql } from 'kysely';
import type { Profile } from '@bitterroot/contracts';
import type { Database } from '../../db/database.ts';
import type { RuleCatalogue } from './rule-catalogue.loader.ts';
import type { RunScope } from './rules/index.ts';
import { planRun } from './validation-plan.ts';
import { runValidation } from './validation-run.repository.ts';

type Found = {
  finding_key: string;
  severity: string;
  district_number: string;
  other_district_number: string | null;
  student_id: number | null;
  other_student_id: number | null;
  state_id: string | null;
  record_table: string;
  record_id: number | null;
  message: string;
};

async function openFindings(database: Database, year: number): Promise<Found[]> {
  const r = await sql<Found>`SELECT finding_key, severity, district_number, other_district_number,
      student_id::int AS student_id, other_student_id::int AS other_student_id, state_id, record_table,
      record_id::int AS record_id, message
    FROM validation_finding WHERE school_year = ${year}::int AND resolved_at IS NULL ORDER BY finding_key`.execute(
    database.db,
  );
  return r.rows;
}

/** Runs every evaluated rule over a scope, starting from no findings; returns what it found. */
async function findingsOf(
  database: Database,
  profile: Profile,
  catalogue: RuleCatalogue,
  year: number,
  today: string,
  scope: RunScope,
): Promise<Found[]> {
  await sql`DELETE FROM validation_finding WHERE school_year = ${year}::int`.execute(database.db);
  await runValidation(
    database,
    planRun(catalogue, profile, year, scope, { today }),
    scope,
    year,
    'test',
    null,
  );
  return await openFindings(database, year);
}

/**
 * Asserts that each district's run equals the statewide run restricted to the district (as owner or as the
 * other party), and a run over the given students equals the statewide run restricted to them (per-student
 * rules only). Leaves the statewide findings in place; returns how many statewide findings were compared.
 */
export async function expectScopesAgree(
  database: Database,
  profile: Profile,
  catalogue: RuleCatalogue,
  year: number,
  today: string,
  districts: string[],
  students: number[] = [],
): Promise<number> {
  const ctx = [database, profile, catalogue, year, today] as const;
  const state = await findingsOf(...ctx, { kind: 'state' });
  for (const district of districts) {
    const expected = state.filter(
      (f) => f.district_number === district || f.other_district_number === district,
    );
    expect(await findingsOf(...ctx, { kind: 'district', district }), `district ${district}`).toEqual(
      expected,
    );
  }
  if (students.length > 0) {
    const perStudent = new Set(
      planRun(catalogue, profile, year, { kind: 'students', studentIds: students }, { today }).map(
        (p) => p.rule.id,
      ),
    );
    const mine = (id: number | null) => id !== null && students.includes(id);
    const expected = state.filter(
      (f) => perStudent.has(f.finding_key.split(':')[0]!) && (mine(f.student_id) || mine(f.other_student_id)),
    );
    expect(await findingsOf(...ctx, { kind: 'students', studentIds: students }), 'students').toEqual(
      expected,
    );
  }
  await findingsOf(...ctx, { kind: 'state' });
  return state.length;
}
