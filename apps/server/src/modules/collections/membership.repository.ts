/** Type Membership (montana-aim.md §7.1): all its SQL. */
import type { MemberRole } from '@bitterroot/core';
import type { Executor } from '../../db/database.ts';

/** One Type Membership entry (§7.1). */
export type Member = {
  userId: number;
  typeId: string;
  role: MemberRole;
  schoolNumber: string | null;
  email?: string;
  displayName?: string;
};

/** Users among `userIds` who cannot be members of a district: unknown, inactive, or without a role there. */
export async function ineligibleMembers(
  db: Executor,
  district: string,
  userIds: readonly number[],
): Promise<number[]> {
  if (userIds.length === 0) return [];
  const ok = await db
    .selectFrom('app_user as u')
    .select('u.id')
    .where('u.id', 'in', [...userIds])
    .where('u.active', '=', true)
    // Certifiers are reached by e-mail (notifications, §7.1 "members need a valid e-mail").
    .where('u.email', 'like', '_%@_%')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role as r')
          .select('r.id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.district_number', '=', district),
      ),
    )
    .execute();
  const good = new Set(ok.map((r) => r.id));
  return [...new Set(userIds)].filter((id) => !good.has(id));
}

/** School numbers among `schools` that are not schools of `district` (school-level membership, §7.1). */
export async function schoolsOutside(
  db: Executor,
  district: string,
  schools: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(schools)];
  if (wanted.length === 0) return [];
  const ok = await db
    .selectFrom('school')
    .select('school_number')
    .where('district_number', '=', district)
    .where('school_number', 'in', wanted)
    .execute();
  const good = new Set(ok.map((r) => r.school_number));
  return wanted.filter((s) => !good.has(s));
}

/** Replaces a district's whole Type Membership with `members`. */
export async function replaceMembers(
  db: Executor,
  district: string,
  members: readonly Member[],
  by: number | null,
): Promise<void> {
  await db.deleteFrom('certification_membership').where('district_number', '=', district).execute();
  if (members.length === 0) return;
  await db
    .insertInto('certification_membership')
    .values(
      members.map((m) => ({
        district_number: district,
        school_number: m.schoolNumber,
        type_id: m.typeId,
        user_id: m.userId,
        role: m.role,
        created_by: by,
      })),
    )
    .execute();
}

/** A district's Type Membership with each member's e-mail and name. */
export async function membersOf(db: Executor, district: string): Promise<Required<Member>[]> {
  const rows = await db
    .selectFrom('certification_membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.type_id', 'm.role', 'm.school_number', 'u.email', 'u.display_name'])
    .where('m.district_number', '=', district)
    .orderBy('m.type_id')
    .orderBy('m.role')
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    typeId: r.type_id,
    role: r.role as MemberRole,
    schoolNumber: r.school_number,
    email: r.email,
    displayName: r.display_name,
  }));
}
