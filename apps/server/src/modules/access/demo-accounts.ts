/**
 * The accounts of the demo and of browser tests: one per role, the district ones in the state's largest
 * district (by this year's enrollments) and its largest school. Created once; a re-run finds them.
 */
import { sql } from 'kysely';
import type { Grant } from '@bitterroot/core';
import type { Database } from '../../db/database.ts';
import { hashPassword } from './passwords.ts';
import { insertGrant, insertUser } from './users.repository.ts';

/** One demo account. */
export type DemoAccount = { email: string; displayName: string; grant: Grant };

/** Where the district and school accounts sit. */
export type DemoScope = { districtNumber: string; schoolNumber: string };

/** The district and school with the most enrollments in a year (the first district when there are none). */
export async function demoScope(database: Database, schoolYear: number): Promise<DemoScope> {
  const row = await sql<{ district_number: string; school_number: string }>`
    SELECT s.district_number, s.school_number
    FROM school s LEFT JOIN enrollment e ON e.school_number = s.school_number AND e.school_year = ${schoolYear}
    GROUP BY s.district_number, s.school_number
    ORDER BY count(e.id) DESC, s.school_number LIMIT 1`.execute(database.db);
  const r = row.rows[0];
  if (!r) throw new Error('no schools: initialise the state first');
  return { districtNumber: r.district_number, schoolNumber: r.school_number };
}

/** The accounts for a scope. */
export function demoAccounts(scope: DemoScope, domain = 'demo.bitterroot.dev'): DemoAccount[] {
  const state = (role: 'state-admin' | 'state-staff' | 'state-approver' | 'auditor'): Grant => ({
    role,
    districtNumber: null,
    schoolNumber: null,
  });
  const d = scope.districtNumber;
  return [
    { email: `state.admin@${domain}`, displayName: 'Sam State-Admin', grant: state('state-admin') },
    { email: `state.staff@${domain}`, displayName: 'Dana Data-Staff', grant: state('state-staff') },
    { email: `approver@${domain}`, displayName: 'Avery Approver', grant: state('state-approver') },
    { email: `auditor@${domain}`, displayName: 'Ari Auditor', grant: state('auditor') },
    {
      email: `admin.${d}@${domain}`,
      displayName: `Drew District-Admin (${d})`,
      grant: { role: 'district-admin', districtNumber: d, schoolNumber: null },
    },
    {
      email: `steward.${d}@${domain}`,
      displayName: `Stevie Steward (${d})`,
      grant: { role: 'district-steward', districtNumber: d, schoolNumber: null },
    },
    {
      email: `school.${scope.schoolNumber}@${domain}`,
      displayName: `Sky School-User (${scope.schoolNumber})`,
      grant: { role: 'school-user', districtNumber: d, schoolNumber: scope.schoolNumber },
    },
  ];
}

/** Creates the accounts that do not exist yet, all with one password. */
export async function ensureAccounts(database: Database, accounts: readonly DemoAccount[], password: string) {
  const hash = await hashPassword(password);
  await database.db.transaction().execute(async (trx) => {
    for (const a of accounts) {
      const id = await insertUser(trx, { email: a.email, displayName: a.displayName, passwordHash: hash });
      if (id !== undefined) await insertGrant(trx, id, a.grant, null);
    }
  });
}
