/**
 * One student's early-warning page: the risk trend from stored runs with the interventions recorded for the
 * student, recording an intervention, and the audit of the flagged students export. Every read of a named
 * student is audited like the student record page (decision 0066).
 */
import type {
  EwsIntervention,
  EwsInterventionRequest,
  EwsStudentHistory,
  EwsStudentsResponse,
} from '@bitterroot/contracts';
import type { Database } from '../../db/database.ts';
import { auditEws, type EwsActor } from './ews-audit.ts';
import {
  findStudentInScope,
  insertIntervention,
  readInterventions,
  readRiskHistory,
} from './ews-history.repository.ts';

/** Where a student is looked up: a district, narrowed to a school for school users. */
export type EwsPlace = { district: string; school: string | null };

/** Student-level early-warning operations over one database. */
export function ewsStudentsService(database: Database) {
  const db = database.db;
  return {
    /** The student's risk trend and interventions, or null when not a student of the place. Audited. */
    async history(place: EwsPlace, stateId: string, actor: EwsActor): Promise<EwsStudentHistory | null> {
      const s = await findStudentInScope(db, place.district, place.school, stateId);
      if (!s) return null;
      const [points, interventions] = await Promise.all([
        readRiskHistory(db, s.studentId),
        readInterventions(db, s.studentId, place.district, place.school),
      ]);
      await auditEws(db, actor, 'ews.student-read', {
        entity: 'student',
        entityId: String(s.studentId),
        districtNumber: place.district,
        studentId: s.studentId,
      });
      return { districtNumber: place.district, stateId: s.stateId, name: s.name, points, interventions };
    },

    /** Records an intervention for a student of the place; null when not one. Audited in one transaction. */
    async recordIntervention(
      place: EwsPlace,
      stateId: string,
      body: EwsInterventionRequest,
      actor: EwsActor,
    ): Promise<EwsIntervention | null> {
      return await db.transaction().execute(async (trx) => {
        const s = await findStudentInScope(trx, place.district, place.school, stateId);
        if (!s) return null;
        const at = { studentId: s.studentId, ...place, userId: actor.userId };
        const saved = await insertIntervention(trx, at, body);
        await auditEws(trx, actor, 'ews.intervention', {
          entity: 'student',
          entityId: String(s.studentId),
          districtNumber: place.district,
          studentId: s.studentId,
          detail: { intervention: saved.id, kind: saved.kind, startedOn: saved.startedOn },
        });
        return saved;
      });
    },

    /** Records that a flagged students list left the system as a file (who, which place, how many rows). */
    async auditExport(list: EwsStudentsResponse, rows: number, actor: EwsActor): Promise<void> {
      await auditEws(db, actor, 'ews.students-export', {
        entity: 'student',
        districtNumber: list.districtNumber,
        detail: { school: list.schoolNumber, asOf: list.asOf, rows },
      });
    },
  };
}

/** The student-level early-warning service. */
export type EwsStudentsService = ReturnType<typeof ewsStudentsService>;
