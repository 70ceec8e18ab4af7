import { z } from 'zod';
import { uploadSchema } from './uploads.ts';

/** Student search query. */
export const studentSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  school: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** One search hit. */
export const studentHitSchema = z.object({
  studentId: z.number().int(),
  stateId: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  birthDate: z.string().nullable(),
  districtNumber: z.string(),
  localId: z.string().nullable(),
});

/** The state-ID lookup query: a transferring child's name and birth date. */
export const stateIdLookupQuerySchema = z.object({
  lastName: z.string().trim().min(1).max(60),
  firstName: z.string().trim().min(1).max(60),
  birthDate: z.iso.date(),
  school: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
});

/** A lookup hit: name, birth date, state ID and last district, nothing else. */
export const stateIdHitSchema = z.object({
  stateId: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  birthDate: z.string().nullable(),
  lastDistrict: z.string().nullable(),
});

/** The student record page. */
export const studentRecordSchema = z.object({
  identity: z.record(z.string(), z.unknown()),
  masked: z.boolean(),
  enrollments: z.array(z.record(z.string(), z.unknown())),
  records: z.array(
    z.object({
      table: z.string(),
      template: z.string().nullable().describe('the upload template that writes this record type'),
      row: z.record(z.string(), z.unknown()),
    }),
  ),
  findings: z.array(z.record(z.string(), z.unknown())),
  audit: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string() })),
});

/** Hand entry: rows of one template keyed by column key, validated only or saved. */
export const handEntrySchema = z.object({
  rows: z
    .array(z.record(z.string(), z.string().max(500)))
    .min(1)
    .max(500),
  dryRun: z.boolean().default(false),
});

/** A hand entry's answer: the upload outcome, and whether its author can take it back. */
export const handEntryResultSchema = uploadSchema.extend({
  undoable: z.boolean().describe('true when the entry changed records and can be undone'),
});
/** The answer to a hand entry. */
export type HandEntryResult = z.infer<typeof handEntryResultSchema>;

/** The answer to an undo: what was taken back, or that there was nothing to undo (a conflict is a 409 problem). */
export const handEntryUndoSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('undone'),
    batchId: z.number().int(),
    template: z.string(),
    rows: z.number().int(),
  }),
  z.object({ kind: z.literal('nothing') }),
]);
/** An undo's answer. */
export type HandEntryUndo = z.infer<typeof handEntryUndoSchema>;

/** "Is this one of these students?": the person about to be entered. */
export const identityCandidatesQuerySchema = z.object({
  lastName: z.string().trim().min(1).max(60),
  firstName: z.string().trim().min(1).max(60),
  middleName: z.string().trim().max(60).optional(),
  birthDate: z.iso.date(),
  gender: z.string().trim().max(1).optional(),
  school: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
});
/** The candidates query. */
export type IdentityCandidatesQuery = z.infer<typeof identityCandidatesQuerySchema>;

/** A candidate identity: the lookup's fields, the score and the matching decision. */
export const identityCandidateSchema = stateIdHitSchema.extend({
  score: z.number(),
  decision: z.enum(['match', 'review']),
});
/** One candidate. */
export type IdentityCandidate = z.infer<typeof identityCandidateSchema>;

/** Types of the search and record answers, for the web app. */
export type StudentHit = z.infer<typeof studentHitSchema>;
/** The student record page. */
export type StudentRecord = z.infer<typeof studentRecordSchema>;
/** A state-ID lookup hit. */
export type StateIdHit = z.infer<typeof stateIdHitSchema>;

/** A school calendar a student can be enrolled in this year. */
export const enrollmentPlaceSchema = z.object({
  schoolNumber: z.string(),
  schoolName: z.string(),
  calendarNumber: z.string(),
  calendarName: z.string(),
  lowGrade: z.string(),
  highGrade: z.string(),
});
/** An enrollment place. */
export type EnrollmentPlace = z.infer<typeof enrollmentPlaceSchema>;
