/**
 * Who may hand-enter which rows (issue 9 §2–3, decision 0054). District roles enter anything of their district.
 * A school user enters rows of their own school only: rows that name a school must name theirs, and every
 * existing student a row names must be enrolled there (or be the district's and not yet enrolled anywhere in
 * it: new or transferring in) — except an enrollment row into their school, which is how a school takes a
 * student in. Staff records are the district's, not a school's.
 */
import type { Template } from '@bitterroot/contracts';
import { authorize, describeScope, readableScope, type Principal } from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';
import { linkedToDistrict, reachableFromSchools, studentsNamed } from './hand-entry.repository.ts';

/** The schools of a district in which the principal may write student records without a district grant. */
export function writableSchools(actor: Principal, district: string): string[] {
  const scope = readableScope(actor, 'student:write');
  if (scope.all) return [];
  return scope.schools.filter((s) => s.districtNumber === district).map((s) => s.schoolNumber);
}

const cell = (row: Record<string, string>, key: string) => (row[key] ?? '').trim();

/** Why the principal may not enter these rows in the district, or null when they may. */
export async function entryDenial(
  db: Executor,
  actor: Principal,
  district: string,
  template: Template,
  rows: readonly Record<string, string>[],
): Promise<string | null> {
  const districtScope = { level: 'district', districtNumber: district } as const;
  if (authorize(actor, 'student:write', districtScope) === null) return null;
  const schools = writableSchools(actor, district);
  if (schools.length === 0)
    return `Your roles do not allow student:write for ${describeScope(districtScope)}.`;
  const mine = `school ${schools.join(' or ')}`;
  if (template.level === 'staff')
    return `${template.name} records belong to the district; ${mine} cannot enter them.`;
  const schoolColumn = template.columns.find((c) => c.key === 'school_number') ? 'school_number' : null;
  if (schoolColumn && rows.some((r) => !schools.includes(cell(r, schoolColumn))))
    return `Rows must name your school (${mine}).`;
  if (!schoolColumn && template.level === 'course') return `${template.name} rows must name your school.`;
  // Enrolling into one's own school is how a school takes a student in; the school check above covers it.
  if (template.id === 'student-enrollment') return null;
  const stateIds = rows.map((r) => cell(r, 'student_state_id')).filter(Boolean);
  const localIds = rows.map((r) => cell(r, 'student_local_id')).filter(Boolean);
  const named = await studentsNamed(db, district, stateIds, localIds);
  const reachable = new Set(await reachableFromSchools(db, district, named, schools));
  // Linking a child from another district (the "is this one of these students?" answer) is taking them in.
  if (template.id === 'student-demographics') {
    const linked = new Set(await linkedToDistrict(db, district, named));
    for (const id of named) if (!linked.has(id)) reachable.add(id);
  }
  if (named.some((id) => !reachable.has(id))) return `You may change only students enrolled in ${mine}.`;
  // A state ID that names no one in the state is for the pipeline to reject with a finding.
  return null;
}
