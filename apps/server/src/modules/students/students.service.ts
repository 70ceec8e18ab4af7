/**
 * The student record in the portal (issue 9 §3–4): search within the caller's scope, the cross-district state-ID
 * lookup (name, birth date, state ID, last district only), and one student's page. Every read of a student
 * record and every reveal of masked fields is written to the audit log.
 */
import { authorize, readableScope, type Principal, type ScopeFilter } from '@bitterroot/core';
import type { Database } from '../../db/database.ts';
import {
  auditTrailOf,
  enrollmentsOf,
  findingsOf,
  recordsOf,
  type StudentIdentity,
} from './student-record.repository.ts';
import { lookupStateId, readStudentAudited, searchStudents } from './students.repository.ts';

/** Fields hidden until the user asks to see them. */
const MASKED: (keyof StudentIdentity)[] = ['birthDate', 'gender', 'hispanic', 'raceCodes', 'middleName'];

/** Masks a value but keeps its shape visible (a year stays hidden too: birth years identify children). */
function mask(identity: StudentIdentity): StudentIdentity {
  const out = { ...identity } as Record<string, unknown>;
  for (const k of MASKED) if (out[k] !== null) out[k] = '•••';
  return out as StudentIdentity;
}

/** The caller's student-read scope narrowed to one district (state roles: the whole district). */
function withinDistrict(actor: Principal, district: string): ScopeFilter {
  const scope = readableScope(actor, 'student:read');
  if (scope.all) return { all: false, districts: [district], schools: [] };
  return {
    all: false,
    districts: scope.districts.filter((d) => d === district),
    schools: scope.schools.filter((s) => s.districtNumber === district),
  };
}

/** The students service. */
export function studentsService(database: Database) {
  const db = database.db;
  // The audited student reads' common event fields.
  const event = (actor: Principal, district: string, requestId: string) => ({
    userId: actor.userId,
    actor: actor.email,
    entity: 'student',
    districtNumber: district,
    requestId,
  });

  return {
    /** Students of the district (within the caller's scope) by state ID, local ID or name prefix. */
    async search(actor: Principal, district: string, query: string, limit = 50) {
      const narrowed = withinDistrict(actor, district);
      return (await searchStudents(db, narrowed, query, limit)).filter((h) => h.districtNumber === district);
    },

    /** Statewide search for state roles. */
    searchState: (actor: Principal, query: string, limit = 50) =>
      searchStudents(db, readableScope(actor, 'student:read'), query, limit),

    /** The cross-district state-ID lookup, audited. */
    async lookup(
      actor: Principal,
      district: string,
      person: { lastName: string; firstName: string; birthDate: string },
      requestId: string,
    ) {
      // The audit event is written by the lookup's own statement (`detail.hits` counted there).
      return await lookupStateId(db, person, {
        ...event(actor, district, requestId),
        action: 'state-id-lookup',
        entityId: null,
        studentId: null,
      });
    },

    /** One student's record page, or undefined when the student is not the district's (or not in the caller's school). */
    async record(
      actor: Principal,
      district: string,
      studentId: number,
      wantsReveal: boolean,
      requestId: string,
    ) {
      // Auditors read records but never unmask them.
      const reveal =
        wantsReveal &&
        authorize(actor, 'pii:reveal', { level: 'district', districtNumber: district }) === null;
      // Scope, identity and the read's audit event in one statement; the rest of the page is read only after
      // the event is committed, so no part of a record is read unrecorded (decision 0086).
      const identity = await readStudentAudited(db, withinDistrict(actor, district), studentId, district, {
        ...event(actor, district, requestId),
        action: reveal ? 'student-reveal' : 'student-read',
        entityId: String(studentId),
        studentId,
      });
      if (!identity) return undefined;
      const [enrollments, records, findings, trail] = await Promise.all([
        enrollmentsOf(db, studentId, district),
        recordsOf(db, studentId, district),
        findingsOf(db, studentId, district),
        auditTrailOf(db, studentId, district),
      ]);
      return {
        identity: reveal ? identity : mask(identity),
        masked: !reveal,
        enrollments,
        records,
        findings,
        audit: trail,
      };
    },
  };
}

/** The service's type. */
export type StudentsService = ReturnType<typeof studentsService>;
