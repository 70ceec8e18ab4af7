/**
 * Type Membership (montana-aim.md §7.1): which staff of a district are primary or secondary certifiers of each
 * certification type. Only district administrators edit it (the route's `membership:manage`).
 */
import type { MemberRole } from '@bitterroot/core';
import type { Profile } from '@bitterroot/contracts';
import type { CertificationDeps } from './certification.service.ts';
import { ineligibleMembers, membersOf, replaceMembers, schoolsOutside } from './membership.repository.ts';
import { recordAudit, type Actor } from './outbox.repository.ts';

/** One membership entry as sent. */
export type MemberInput = {
  userId: number;
  typeId: string;
  role: MemberRole;
  schoolNumber?: string | null | undefined;
};

/** Builds the Type Membership service. */
export function membershipService(deps: CertificationDeps & { profile: Profile }) {
  const db = deps.database.db;
  const typeIds = new Set(deps.profile.calendar.certificationTypes.map((t) => t.id));
  return {
    /** A district's Type Membership with each member's e-mail and name. */
    members: (district: string) => membersOf(db, district),
    /**
     * Replaces a district's Type Membership; every member must be an active user with a role there and an
     * e-mail address, since notifications reach certifiers by e-mail (§7.1).
     */
    async setMembers(
      district: string,
      members: readonly MemberInput[],
      actor: Actor,
    ): Promise<{ kind: 'done' } | { kind: 'refused'; reason: string }> {
      const unknown = [...new Set(members.filter((m) => !typeIds.has(m.typeId)).map((m) => m.typeId))];
      if (unknown.length)
        return { kind: 'refused', reason: `Unknown certification type(s): ${unknown.join(', ')}.` };
      return await db.transaction().execute(async (trx) => {
        const bad = await ineligibleMembers(
          trx,
          district,
          members.map((m) => m.userId),
        );
        if (bad.length)
          return {
            kind: 'refused',
            reason: `Users ${bad.join(', ')} are not active users of district ${district} with an e-mail address.`,
          };
        const schools = members.flatMap((m) => (m.schoolNumber ? [m.schoolNumber] : []));
        const foreign = await schoolsOutside(trx, district, schools);
        if (foreign.length)
          return {
            kind: 'refused',
            reason: `School(s) ${foreign.join(', ')} are not schools of district ${district}.`,
          };
        await replaceMembers(
          trx,
          district,
          members.map((m) => ({ ...m, schoolNumber: m.schoolNumber ?? null })),
          actor.userId,
        );
        await recordAudit(trx, actor, 'certification.membership', district, { members });
        return { kind: 'done' };
      });
    },
  };
}

/** The Type Membership service type. */
export type MembershipService = ReturnType<typeof membershipService>;
