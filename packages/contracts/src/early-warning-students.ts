import { z } from 'zod';
import { districtNumberSchema } from './organizations.ts';

// One student's early-warning history and the interventions a school records for it (issue 10;
// early-warning.md §1.1; decision 0066), and the query of the flagged students export.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Path of one student's early-warning resources: the district and the student's state ID. */
export const ewsStudentParamsSchema = z.object({
  district: districtNumberSchema,
  stateId: z.string().min(1).max(20),
});

/** `?school=` narrows to a school (how school users reach their own students). */
export const ewsStudentQuerySchema = z.object({ school: z.string().optional() });

/** Export of the flagged students: the list's filters (band: only that band). */
export const ewsStudentsExportQuerySchema = z.object({
  asOf: isoDate.optional(),
  school: z.string().optional(),
  band: z.enum(['low', 'moderate', 'high']).optional(),
});

/** One stored score of the student: the latest run of each as-of date. */
export const ewsRiskPointSchema = z.object({
  asOf: z.string(),
  probability: z.number(),
  band: z.enum(['low', 'moderate', 'high']),
  reasons: z.array(z.string()),
  modelVersion: z.number(),
  grade: z.number(),
});
/** A point of the risk trend. */
export type EwsRiskPoint = z.infer<typeof ewsRiskPointSchema>;

/** An intervention as recorded. */
export const ewsInterventionSchema = z.object({
  id: z.number(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  kind: z.string(),
  note: z.string().nullable(),
  schoolNumber: z.string().nullable(),
  recordedAt: z.string(),
});
/** A recorded intervention. */
export type EwsIntervention = z.infer<typeof ewsInterventionSchema>;

/** Recording an intervention: what was done, from (and until) when. */
export const ewsInterventionRequestSchema = z
  .object({
    startedOn: isoDate,
    endedOn: isoDate.nullable().optional(),
    kind: z.string().trim().min(1).max(80),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .refine((b) => !b.endedOn || b.endedOn >= b.startedOn, {
    message: 'the end date cannot come before the start date',
    path: ['endedOn'],
  });
/** Body of a new intervention. */
export type EwsInterventionRequest = z.infer<typeof ewsInterventionRequestSchema>;

/** A student's risk trend and interventions in a district (or one of its schools). */
export const ewsStudentHistorySchema = z.object({
  districtNumber: z.string(),
  stateId: z.string(),
  name: z.string(),
  points: z.array(ewsRiskPointSchema),
  interventions: z.array(ewsInterventionSchema),
});
/** A student's early-warning history. */
export type EwsStudentHistory = z.infer<typeof ewsStudentHistorySchema>;
